using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Retrieval;

/// <summary>
/// Document-level term statistics of the live index, for judging evidence: which folded syllables and syllable
/// pairs each document holds, how rare each one is across documents, and the names each document goes by
/// (title, aliases, number, code). The retriever scores chunks; the answer has to know whether the chosen
/// <em>document</em> speaks to the question and whether the question names it. Rebuilt when the index changes.
/// </summary>
public sealed class DocumentCatalog(IChunkIndex index, TextAnalyzer analyzer, IndexVocabulary vocabulary)
{
    private volatile DocumentStatistics? _current;

    /// <summary>The statistics of the live index, built on first use after every index change.</summary>
    public async Task<DocumentStatistics> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var info = await index.GetInfoAsync(cancellationToken).ConfigureAwait(false);
        var current = _current;
        if (current is not null && info is not null && current.Version == info.Version && current.ContentHash == info.ContentHash)
        {
            return current;
        }

        // Two requests racing here build the same value; the last one written wins, which is harmless.
        var documents = await index.ListDocumentsAsync(cancellationToken).ConfigureAwait(false);
        current = new DocumentStatistics(info?.Version ?? 0, info?.ContentHash ?? string.Empty, documents, analyzer, vocabulary.Of(info, documents));
        _current = current;
        return current;
    }
}
