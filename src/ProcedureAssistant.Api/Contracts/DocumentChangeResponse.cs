namespace ProcedureAssistant.Api.Contracts;

/// <summary>What an upload, a replacement or a withdrawal changed in the corpus, and the re-index that will read it.</summary>
/// <param name="Id">The document id.</param>
/// <param name="Action"><c>upload</c>, <c>replace</c> or <c>withdraw</c>.</param>
/// <param name="FileName">The corpus file written (or, for a withdrawal, removed), relative to the corpus folder.</param>
/// <param name="ContentHash">SHA-256 of that file's bytes.</param>
/// <param name="ArchivedAs">Where the replaced or withdrawn file is kept, relative to the data folder.</param>
/// <param name="Reindex">The re-index that brings the change into the live index.</param>
public sealed record DocumentChangeResponse(string Id, string Action, string FileName, string ContentHash, string? ArchivedAs, QueuedReindex Reindex);

/// <summary>The re-index that brings a change into the live index; until it succeeds the old index answers.</summary>
/// <param name="JobId">The job queued for this change or, when one was already queued or running, that job.</param>
/// <param name="Job">The job's status URL.</param>
/// <param name="AfterRunningJob">
/// True when <paramref name="JobId"/> was already under way and may have read the corpus before the change: a
/// follow-up re-index starts when it finishes (it appears in the audit log), and the document shows as
/// <c>pending</c> until then.
/// </param>
public sealed record QueuedReindex(Guid JobId, string Job, bool AfterRunningJob);
