namespace ProcedureAssistant.Api.Contracts;

/// <summary>
/// The answer of <c>GET /api/communes?q=&amp;province=</c>: every commune, ward or special zone whose old (before
/// 1/7/2025) or new name matches the query, diacritics optional, with where it belongs now.
/// </summary>
/// <param name="Query">The name as asked.</param>
/// <param name="Matches">Every candidate; several when old communes of different provinces shared the name.</param>
public sealed record CommuneLookupResponse(string Query, IReadOnlyList<CommuneMatchResponse> Matches);

/// <summary>One commune that matches the name.</summary>
/// <param name="Name">Its full name as the mapping writes it ("Xã Hòa Phú").</param>
/// <param name="MatchedAs"><c>old</c> for a commune before the 2025 merger, <c>new</c> for one after it.</param>
/// <param name="OldProvince">For an old commune: its province before the merger.</param>
/// <param name="Province">For a new commune: its province now.</param>
/// <param name="NewCommunes">For an old commune: the new commune(s) it became part of (several when it was split).</param>
/// <param name="OldCommunes">For a new commune: the old communes merged into it.</param>
public sealed record CommuneMatchResponse(
    string Name,
    string MatchedAs,
    string? OldProvince,
    string? Province,
    IReadOnlyList<NewCommuneResponse> NewCommunes,
    IReadOnlyList<string> OldCommunes)
{
    /// <summary>Its code (mã đơn vị hành chính): the old unit's for an old commune, the new one's for a new commune; tells apart old communes of one province that shared a name.</summary>
    public string? Code { get; init; }

    /// <summary>For an old commune: the district its resolution names it with ("huyện Krông Pắc"), which it does where one province had namesakes.</summary>
    public string? District { get; init; }

    /// <summary>For a new commune: the resolution that formed it ("1660/NQ-UBTVQH15").</summary>
    public string? Resolution { get; init; }

    /// <summary>For a new commune: where in the resolution ("Điều 1, khoản 1"), when the text gives it.</summary>
    public string? Article { get; init; }
}

/// <summary>A commune after the merger, and the resolution that formed it.</summary>
/// <param name="Name">"Xã Hòa Phú".</param>
/// <param name="Province">Its province now ("Tỉnh Đắk Lắk").</param>
/// <param name="Resolution">The resolution's number ("1660/NQ-UBTVQH15").</param>
/// <param name="Article">Where in the resolution ("Điều 1, khoản 23"), when the mapping gives it.</param>
/// <param name="Partial">True when only part of the old commune went into this one.</param>
public sealed record NewCommuneResponse(string Name, string Province, string? Resolution, string? Article, bool Partial);
