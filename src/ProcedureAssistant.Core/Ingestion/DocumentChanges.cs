namespace ProcedureAssistant.Core.Ingestion;

/// <summary>What an ingestion changed, compared with the index it found, in documents.</summary>
/// <param name="Added">Documents that were not indexed before.</param>
/// <param name="Changed">Indexed documents whose file changed; all their old chunks were replaced.</param>
/// <param name="Unchanged">Indexed documents whose file is the same; an incremental ingestion leaves them alone.</param>
/// <param name="Removed">Indexed documents whose file is gone; they were deleted with all their chunks.</param>
public sealed record DocumentChanges(int Added, int Changed, int Unchanged, int Removed);
