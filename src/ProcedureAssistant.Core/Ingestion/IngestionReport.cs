using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Core.Ingestion;

/// <summary>The outcome of an ingestion: the index it left live, the files it had to leave out with reasons, and what changed.</summary>
/// <param name="Index">The live index afterwards.</param>
/// <param name="Failures">Files that could not be read as documents.</param>
/// <param name="Elapsed">How long it took.</param>
/// <param name="Mode">How the index was written (an incremental request may have fallen back to a full build).</param>
/// <param name="Changes">Documents added, changed, unchanged and removed.</param>
public sealed record IngestionReport(IndexInfo Index, IReadOnlyList<DocumentParseException> Failures, TimeSpan Elapsed, IngestionMode Mode, DocumentChanges Changes)
{
    /// <summary>Files below the sources that no reader takes, with the reason.</summary>
    public IReadOnlyList<IgnoredFile> Ignored { get; init; } = [];

    /// <summary>Documents left out because an earlier source holds the same id.</summary>
    public IReadOnlyList<ShadowedDocument> Shadowed { get; init; } = [];
}
