namespace ProcedureAssistant.Core.Communes;

/// <summary>A commune that matches a name: an old one (before 1 July 2025) with where it went, or a new one with what it was made of.</summary>
/// <param name="Code">Its code: the old unit's code for an old commune, the new one's for a new commune.</param>
/// <param name="Name">Its full name as the mapping writes it ("Xã Hòa Phú").</param>
/// <param name="IsOld">True for a commune before the merger, false for one after it.</param>
/// <param name="OldProvince">For an old commune: its province before the merger ("Tỉnh Phú Yên").</param>
/// <param name="Province">For a new commune: its province now.</param>
/// <param name="NewCommunes">For an old commune: the new commune(s) it became part of (several when it was split).</param>
/// <param name="OldCommunes">For a new commune: the old communes merged into it ("Xã Hòa Xuân", "Phường 9 (một phần)").</param>
/// <param name="Resolution">For a new commune: the resolution that formed it.</param>
/// <param name="Article">For a new commune: the clause that formed it, when found.</param>
public sealed record CommuneMatch(
    string Code,
    string Name,
    bool IsOld,
    string? OldProvince,
    string? Province,
    IReadOnlyList<CommuneDestination> NewCommunes,
    IReadOnlyList<string> OldCommunes,
    string? Resolution,
    string? Article)
{
    /// <summary>
    /// For an old commune: the district its resolution names it with ("huyện Krông Pắc"), which it does where one
    /// province had namesakes; null otherwise.
    /// </summary>
    public string? District { get; init; }
}
