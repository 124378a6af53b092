namespace ProcedureAssistant.Core.Questions;

/// <summary>A place a question names: a province (as it is now, and as named when that was a former one) and a commune.</summary>
/// <param name="Province">The province as it is now ("Đắk Lắk" for "Phú Yên cũ"), or null when none is named.</param>
/// <param name="NamedProvince">The province as the question names it ("Phú Yên").</param>
/// <param name="IsFormerProvince">The named province was merged into <paramref name="Province"/> in 2025.</param>
/// <param name="Commune">The commune, ward or special zone named after "xã", "phường", "đặc khu" or "thị trấn", as typed.</param>
/// <param name="IsFormer">The question says the place is a former one ("cũ", "trước đây").</param>
public sealed record NamedPlace(string? Province, string? NamedProvince, bool IsFormerProvince, string? Commune, bool IsFormer);
