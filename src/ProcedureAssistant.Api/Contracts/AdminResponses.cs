namespace ProcedureAssistant.Api.Contracts;

/// <summary>A re-index job and its progress.</summary>
public sealed record JobResponse(
    Guid Id,
    string State,
    string RequestedBy,
    string Reason,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Done,
    int Total,
    string? Error,
    JobResult? Result,
    string Mode);

/// <summary>
/// What a finished job left live, how it wrote the index (<c>full</c>, or <c>incremental</c> unless there was no
/// index to update) and what changed in documents.
/// </summary>
public sealed record JobResult(long IndexVersion, int Documents, int Chunks, IReadOnlyList<FailedFile> Failed, string Mode, int Added, int Changed, int Unchanged, int Removed);

/// <summary>The optional body of <c>POST /api/admin/reindex</c>: <c>mode</c> is <c>incremental</c> (default) or <c>full</c>.</summary>
public sealed record ReindexRequest(string? Mode);

/// <summary>A corpus file that could not be indexed, and why.</summary>
public sealed record FailedFile(string SourcePath, string Reason);

/// <summary>Every corpus document with its status.</summary>
public sealed record AdminDocumentList(IReadOnlyList<AdminDocumentStatus> Documents);

/// <summary>One corpus file: indexed, or failed with its reason.</summary>
public sealed record AdminDocumentStatus(string SourcePath, string? Id, string? Title, string Status, string? Reason, string? ContentHash);
