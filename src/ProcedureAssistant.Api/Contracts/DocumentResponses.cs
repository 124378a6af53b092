namespace ProcedureAssistant.Api.Contracts;

/// <summary>The indexed documents.</summary>
public sealed record DocumentListResponse(IReadOnlyList<DocumentSummary> Documents);

/// <summary>A document's metadata.</summary>
public sealed record DocumentSummary(
    string Id,
    string Type,
    string Title,
    string? Number,
    string? Code,
    string? Field,
    IReadOnlyList<string> Levels,
    string? Province,
    string? Authority,
    DateOnly? Effective,
    DateOnly? Expires,
    string? SupersededBy,
    bool InForce,
    string? Source);

/// <summary>A document with its legal basis, sources and chunks.</summary>
public sealed record DocumentDetail(
    DocumentSummary Document,
    IReadOnlyList<string> LegalBasis,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<ChunkResponse> Chunks);

/// <summary>One chunk of a document.</summary>
public sealed record ChunkResponse(string ChunkId, string Path, string Text);
