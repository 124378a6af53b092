using ProcedureAssistant.Core.Chunking;

namespace ProcedureAssistant.Core.Indexing;

/// <summary>
/// Which chunks a search may return: those of one province (and the national texts, which carry no province), and of
/// some procedure levels. Both backends apply it inside the search, before the top <c>limit</c> is taken.
/// </summary>
public sealed record SearchFilter
{
    /// <summary>
    /// The province key (<see cref="Documents.ProvinceKey"/>, e.g. <c>dak-lak</c>): chunks of another province are
    /// left out; chunks with no province (national texts) always pass. Null: every province.
    /// </summary>
    public string? Province { get; init; }

    /// <summary>
    /// Procedure levels (<see cref="Documents.ProcedureLevels"/>): a chunk with levels passes when it shares one of
    /// them; a chunk with none (a regulation, a guide) always passes. Empty: every level.
    /// </summary>
    public IReadOnlyList<string> Levels { get; init; } = [];

    /// <summary>A filter to one province (a <see cref="Documents.ProvinceKey"/>) and the national texts, or null for none.</summary>
    public static SearchFilter? ForProvince(string? province) => province is null ? null : new SearchFilter { Province = province };

    /// <summary>True when the filter leaves nothing out.</summary>
    public bool IsEmpty => Province is null && Levels.Count == 0;

    /// <summary>Whether the chunk may be returned.</summary>
    public bool Accepts(Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var provinceOk = Province is null || chunk.Province is null || string.Equals(chunk.Province, Province, StringComparison.Ordinal);
        var levelOk = Levels.Count == 0 || chunk.Levels.Count == 0 || chunk.Levels.Any(l => Levels.Contains(l, StringComparer.Ordinal));
        return provinceOk && levelOk;
    }
}
