namespace ProcedureAssistant.Core.Communes;

/// <summary>A former province's communes before the 2025 merger and the units that hold them now, counted in the mapping.</summary>
/// <param name="UnitsBefore">Its communes, wards and townships before the merger.</param>
/// <param name="UnitsNow">The communes, wards and special zones that now hold some of them.</param>
public readonly record struct FormerProvinceShare(int UnitsBefore, int UnitsNow);
