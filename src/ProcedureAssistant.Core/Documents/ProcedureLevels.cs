using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Documents;

/// <summary>
/// The levels that carry out a procedure, as stable keys: <c>xa</c> (commune, ward, special zone), <c>tinh</c>
/// (province), <c>bo</c> (ministry, central level) and <c>khac</c> (another body). The district level (cấp huyện)
/// was abolished on 1 July 2025 and is not one of them.
/// </summary>
public static class ProcedureLevels
{
    /// <summary>Commune, ward or special zone (cấp xã).</summary>
    public const string Commune = "xa";

    /// <summary>Province (cấp tỉnh).</summary>
    public const string Province = "tinh";

    /// <summary>Ministry or central level (cấp bộ, trung ương).</summary>
    public const string Ministry = "bo";

    /// <summary>Another body (cơ quan khác).</summary>
    public const string Other = "khac";

    /// <summary>Every level, lowest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Commune, Province, Ministry, Other];

    /// <summary>
    /// The level a name stands for, diacritics and case optional ("Cấp xã", "xa", "tỉnh", "Cấp bộ", "trung ương",
    /// "Cơ quan khác"), or null when it names none.
    /// </summary>
    public static string? Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var folded = VietnameseText.Fold(name.Trim()).ToLowerInvariant();
        folded = folded.StartsWith("cap ", StringComparison.Ordinal) ? folded[4..].Trim() : folded;
        return folded switch
        {
            "xa" or "phuong" or "dac khu" => Commune,
            "tinh" or "thanh pho" => Province,
            "bo" or "trung uong" or "bo nganh" => Ministry,
            "khac" or "co quan khac" => Other,
            _ => null,
        };
    }

    /// <summary>Every level a comma-joined list names ("Cấp bộ, Cấp tỉnh"), in the order of <see cref="All"/>; unknown names are left out.</summary>
    public static IReadOnlyList<string> ParseList(string? names)
    {
        if (names is null)
        {
            return [];
        }

        var named = names.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).ToHashSet();
        return All.Where(named.Contains).ToList();
    }
}
