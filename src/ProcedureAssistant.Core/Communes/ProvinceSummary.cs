namespace ProcedureAssistant.Core.Communes;

/// <summary>A province's communes after the 2025 merger, in the words of the resolution that arranged them.</summary>
/// <param name="Province">The province now ("Tỉnh Cà Mau").</param>
/// <param name="Resolution">The resolution ("1655/NQ-UBTVQH15").</param>
/// <param name="Article">Its clause that counts the units ("Điều 1, khoản 65").</param>
/// <param name="Text">That clause as written: how many units, of which kinds, and those not rearranged.</param>
public sealed record ProvinceSummary(string Province, string Resolution, string Article, string Text);
