using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProcedureAssistant.Core.Diagnostics;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Retrieval;

/// <summary>
/// Finds the chunks that best answer a question: analyse the question (restoring its diacritics from the index's
/// vocabulary when it was typed without, see <see cref="RetrievalOptions.RestoreDiacritics"/>), embed it when a
/// dense model is configured, search the index (which fuses the two rankings), then, with a reranker, reorder the
/// first candidates. A reranker's first stage searches the question's terms weighted as its model says
/// (<see cref="Reranker.FirstStageTerms"/>: by how often such a term is in the article that answers a question).
/// Without <paramref name="vocabulary"/> it keeps one of its own over <paramref name="index"/>. A search is limited by
/// the filter it is given or, without one, by <paramref name="defaultFilter"/> (the service's: the deployment's province,
/// <see cref="Ingestion.CorpusOptions.Province"/>, and the national texts).
/// </summary>
public sealed class Retriever(
    TextAnalyzer analyzer,
    IChunkIndex index,
    DenseEncoder encoder,
    RetrievalOptions? options = null,
    Reranker? reranker = null,
    ILogger? logger = null,
    IndexVocabulary? vocabulary = null,
    SearchFilter? defaultFilter = null)
{
    private readonly IndexVocabulary _vocabulary = vocabulary ?? new IndexVocabulary(index);
    private readonly DiacriticRestorer? _restorer = (options ?? new RetrievalOptions()).RestoreDiacritics ? new DiacriticRestorer() : null;

    /// <summary>The reranker in use, or null when hits keep the index's order.</summary>
    public Reranker? Reranker => reranker;

    /// <summary>
    /// The question's weighted terms as the search uses them: a question typed without any diacritic is matched on
    /// the syllables the index's vocabulary most likely meant (with its folded terms as a back-up) when restoration is on.
    /// </summary>
    public async Task<QueryTerms> AnalyzeAsync(string question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (_restorer is null || VietnameseText.HasDiacritics(question))
        {
            return analyzer.AnalyzeQuery(question);
        }

        var syllables = TextAnalyzer.Syllables(question).ToList();
        var vocabulary = await _vocabulary.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var restored = _restorer.Restore(syllables, vocabulary, DiacriticRestorer.MinConfidence);
        return analyzer.AnalyzeQuery(question, restored);
    }

    /// <summary>The best <paramref name="top"/> chunks for the question, best first, within the default filter.</summary>
    public Task<IReadOnlyList<ChunkHit>> RetrieveAsync(string question, int top, CancellationToken cancellationToken = default) =>
        RetrieveAsync(question, top, null, cancellationToken);

    /// <summary>
    /// The best <paramref name="top"/> chunks for the question, best first, among those <paramref name="filter"/>
    /// accepts (the default filter when null).
    /// </summary>
    public async Task<IReadOnlyList<ChunkHit>> RetrieveAsync(string question, int top, SearchFilter? filter, CancellationToken cancellationToken = default) =>
        await RetrieveAsync(await AnalyzeAsync(question, cancellationToken).ConfigureAwait(false), question, top, filter, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The best <paramref name="top"/> chunks for a question already analysed (<see cref="AnalyzeAsync"/>, as the
    /// question reading does once for every step), best first, among those <paramref name="filter"/> accepts (the
    /// default filter when null; the index applies it inside its search, before the top is taken), and the province
    /// or level the terms' own filter names (<see cref="SearchFilter.Within"/>);
    /// <paramref name="question"/> is embedded for a dense search.
    /// </summary>
    public async Task<IReadOnlyList<ChunkHit>> RetrieveAsync(QueryTerms terms, string question, int top, SearchFilter? filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(terms);
        using var activity = Telemetry.Source.StartActivity(Telemetry.RetrieveSpan);
        if (terms.IsEmpty)
        {
            return [];
        }

        terms = terms with { Filter = SearchFilter.Within(terms.Filter, filter ?? defaultFilter) };
        activity?.SetTag("province", terms.Filter?.Province);

        if (reranker is not null)
        {
            terms = reranker.FirstStageTerms(terms);
            var candidates = await index.SearchAsync(terms, Math.Max(top, reranker.Candidates), cancellationToken).ConfigureAwait(false);
            var statistics = await index.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
            activity?.SetTag("reranked", statistics is not null);
            if (statistics is null)
            {
                Log.RerankSkipped(logger ?? NullLogger.Instance);
                return candidates.Take(top).ToList();
            }

            using var rerank = Telemetry.Source.StartActivity(Telemetry.RerankSpan);
            rerank?.SetTag("candidates", candidates.Count);
            return reranker.Rerank(terms, candidates, statistics, top);
        }

        var dense = await encoder.EmbedQueryAsync(index, question, cancellationToken).ConfigureAwait(false);
        var prior = options?.DocumentPriorWeight ?? 0;
        var limit = prior > 0 ? Math.Max(top, options!.DocumentPriorCandidates) : top;
        var hits = await index.SearchAsync(terms with { Dense = dense }, limit, cancellationToken).ConfigureAwait(false);
        hits = prior > 0 ? DocumentPrior.Apply(hits, prior, top) : hits;
        activity?.SetTag("hits", hits.Count);
        activity?.SetTag("hybrid", dense is not null);
        return hits;
    }
}
