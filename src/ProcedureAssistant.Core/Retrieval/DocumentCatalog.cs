using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Retrieval;

/// <summary>
/// Document-level term statistics of the live index, for judging evidence: which folded syllables and syllable
/// pairs each document holds, how rare each one is across documents, and the names each document goes by
/// (title, aliases, number, code). The retriever scores chunks; the answer has to know whether the chosen
/// <em>document</em> speaks to the question and whether the question names it. Built once per index version, with
/// the <see cref="IndexVocabulary"/>: before the switch when the ingestion prepares them (<see cref="Prepare"/>,
/// <see cref="Publish"/>), else by the first caller while others wait for the same build; never per request.
/// </summary>
public sealed class DocumentCatalog(IChunkIndex index, TextAnalyzer analyzer, IndexVocabulary vocabulary)
{
    private readonly PerIndexVersion<DocumentStatistics> _versions = new();

    /// <summary>The statistics of the live index.</summary>
    public async Task<DocumentStatistics> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var info = await index.GetInfoAsync(cancellationToken).ConfigureAwait(false);
        return await _versions.GetAsync(info, () => BuildAsync(info), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Builds the statistics (and the vocabulary) of the documents a build or update is about to switch to, and holds
    /// them for that version; call <see cref="Publish"/> once it is live or <see cref="Discard"/> when it failed.
    /// </summary>
    public void Prepare(IReadOnlyList<CorpusDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _versions.Stage(new DocumentStatistics(0, string.Empty, documents, analyzer, vocabulary.Prepare(documents)));
    }

    /// <summary>The prepared statistics belong to <paramref name="info"/>, the version now live.</summary>
    public void Publish(IndexInfo info)
    {
        vocabulary.Publish(info);
        _versions.Publish(info);
    }

    /// <summary>The build or update failed: nothing switched, and what was prepared is dropped.</summary>
    public void Discard()
    {
        vocabulary.Discard();
        _versions.Discard();
    }

    private async Task<DocumentStatistics> BuildAsync(IndexInfo? info)
    {
        var documents = info is null ? [] : await index.ListDocumentsAsync(CancellationToken.None).ConfigureAwait(false);
        var words = await vocabulary.OfAsync(info, documents, CancellationToken.None).ConfigureAwait(false);
        return new DocumentStatistics(info?.Version ?? 0, info?.ContentHash ?? string.Empty, documents, analyzer, words);
    }
}
