namespace ProcedureAssistant.Core.Answering;

/// <summary>A numbered source of an answer: <c>[Index]</c> in the text points here.</summary>
public sealed record Citation(
    int Index,
    string DocumentId,
    string ChunkId,
    string Title,
    string? Code,
    string? Number,
    string Path,
    string Snippet,
    string? Url);
