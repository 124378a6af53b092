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
    JobResult? Result);

/// <summary>What a finished job built.</summary>
public sealed record JobResult(long IndexVersion, int Documents, int Chunks, IReadOnlyList<FailedFile> Failed);

/// <summary>A corpus file that could not be indexed, and why.</summary>
public sealed record FailedFile(string SourcePath, string Reason);

/// <summary>Every corpus document with its status.</summary>
public sealed record AdminDocumentList(IReadOnlyList<AdminDocumentStatus> Documents);

/// <summary>One corpus file: indexed, or failed with its reason.</summary>
public sealed record AdminDocumentStatus(string SourcePath, string? Id, string? Title, string Status, string? Reason, string? ContentHash);
