namespace ProcedureAssistant.Core.Queries;

/// <summary>
/// Which chunks a search may return: those of one province (and the national texts, which carry no province), and of
/// some procedure levels. Both backends apply it inside the search, before the top <c>limit</c> is taken.
/// </summary>
public sealed record SearchFilter
{
    /// <summary>
    /// The province key (<c>ProvinceKey</c>, e.g. <c>dak-lak</c>): chunks of another province are
    /// left out; chunks with no province (national texts) always pass. Null: every province.
    /// </summary>
    public string? Province { get; init; }

    /// <summary>
    /// Procedure levels (<c>ProcedureLevels</c>): a chunk with levels passes when it shares one of
    /// them; a chunk with none (a regulation, a guide) always passes. Empty: every level.
    /// </summary>
    public IReadOnlyList<string> Levels { get; init; } = [];

    /// <summary>A filter to one province (a <c>ProvinceKey</c>) and the national texts, or null for none.</summary>
    public static SearchFilter? ForProvince(string? province) => province is null ? null : new SearchFilter { Province = province };

    /// <summary>
    /// The filter a question's own reading asks for (a province or level it names) within the request's scope (the
    /// province the request or the deployment gives): what the question names wins, field by field, because the
    /// asker said it; what it leaves open comes from the scope. Null when neither limits anything.
    /// </summary>
    public static SearchFilter? Within(SearchFilter? asked, SearchFilter? scope)
    {
        var combined = new SearchFilter
        {
            Province = asked?.Province ?? scope?.Province,
            Levels = asked is { Levels.Count: > 0 } ? asked.Levels : scope?.Levels ?? [],
        };
        return combined.IsEmpty ? null : combined;
    }

    /// <summary>True when the filter leaves nothing out.</summary>
    public bool IsEmpty => Province is null && Levels.Count == 0;

    /// <summary>Whether a chunk of <paramref name="province"/> (null: a national text) and <paramref name="levels"/> may be returned.</summary>
    public bool Accepts(string? province, IReadOnlyList<string> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var provinceOk = Province is null || province is null || string.Equals(province, Province, StringComparison.Ordinal);
        var levelOk = Levels.Count == 0 || levels.Count == 0 || levels.Any(l => Levels.Contains(l, StringComparer.Ordinal));
        return provinceOk && levelOk;
    }
}
