namespace ProcedureAssistant.Api.Contracts;

/// <summary>Ranked chunks for a query.</summary>
public sealed record SearchResponse(IReadOnlyList<SearchResult> Results);

/// <summary>One ranked chunk.</summary>
public sealed record SearchResult(
    string DocumentId,
    string ChunkId,
    string Title,
    string? Code,
    string? Number,
    string? Path,
    double Score,
    string Snippet);
