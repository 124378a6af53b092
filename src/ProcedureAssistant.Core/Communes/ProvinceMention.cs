namespace ProcedureAssistant.Core.Communes;

/// <summary>A province named in a question ("Phú Yên cũ"), with the province it is part of now.</summary>
/// <param name="Text">The words of the question that name it.</param>
/// <param name="MarkedOld">True when the question marks it as the old province ("cũ", "trước đây").</param>
/// <param name="OldProvince">The province before 1 July 2025 with that name ("Tỉnh Phú Yên"), or null when none had it.</param>
/// <param name="Province">The province now: the one with that name, or the one the old province became part of ("Tỉnh Đắk Lắk").</param>
public sealed record ProvinceMention(string Text, bool MarkedOld, string? OldProvince, string Province);
