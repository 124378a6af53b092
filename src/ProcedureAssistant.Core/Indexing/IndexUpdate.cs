using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Core.Indexing;

/// <summary>An incremental change to the live index; every document it does not name stays as it is.</summary>
/// <param name="AnalyzerVersion">The analyser of the new chunks; it must be the one the live index was built with.</param>
/// <param name="Documents">Added and changed documents: each replaces the document with its id and all of that one's chunks.</param>
/// <param name="Chunks">The analysed chunks of <paramref name="Documents"/>, in document order.</param>
/// <param name="RemovedDocumentIds">Withdrawn documents, deleted with all their chunks.</param>
public sealed record IndexUpdate(
    string AnalyzerVersion,
    IReadOnlyList<CorpusDocument> Documents,
    IReadOnlyList<IndexedChunk> Chunks,
    IReadOnlyList<string> RemovedDocumentIds)
{
    /// <summary>Every document id whose old chunks go: the changed, the added (which have none) and the removed.</summary>
    public IReadOnlySet<string> TouchedDocumentIds() =>
        Documents.Select(d => d.Id).Concat(RemovedDocumentIds).ToHashSet(StringComparer.Ordinal);
}
