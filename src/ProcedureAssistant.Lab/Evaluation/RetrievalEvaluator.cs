using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Ingestion;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;
using ProcedureAssistant.Lab.Reranking;

namespace ProcedureAssistant.Lab.Evaluation;

/// <summary>
/// Runs a BEIR dataset: indexes its corpus (one article per chunk) into a throw-away index (in memory, unless the
/// caller gives one, such as a Qdrant alias of its own), retrieves for every query that has relevance judgements,
/// and scores the rankings.
/// </summary>
public sealed class RetrievalEvaluator(TextAnalyzer analyzer, IOptions<RetrievalOptions> options, DenseEncoder encoder)
{
    /// <summary>Evaluates the dataset in a throw-away in-memory embedded index (see the other overload).</summary>
    public Task<RetrievalEvaluation> RunAsync(
        BeirDataset dataset,
        int top = 10,
        bool foldQueries = false,
        Reranker? reranker = null,
        IProgress<(int Done, int Total)>? progress = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(dataset, null, top, foldQueries, reranker, progress, cancellationToken);

    /// <summary>
    /// Evaluates the dataset in <paramref name="index"/>, which it replaces (an in-memory embedded index when null).
    /// With <paramref name="foldQueries"/> the questions are stripped of diacritics first; with
    /// <paramref name="reranker"/> the first-stage candidates are reranked by it (whatever <c>Retrieval:Rerank</c> says).
    /// </summary>
    public async Task<RetrievalEvaluation> RunAsync(
        BeirDataset dataset,
        IChunkIndex? index,
        int top = 10,
        bool foldQueries = false,
        Reranker? reranker = null,
        IProgress<(int Done, int Total)>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        using var inMemory = index is null ? InMemoryIndex() : null;
        index ??= inMemory!;
        var indexing = System.Diagnostics.Stopwatch.StartNew();
        await FillAsync(index, dataset, cancellationToken).ConfigureAwait(false);
        var indexElapsed = indexing.Elapsed;

        // The vocabulary is built once per index version (in the service, by the first question after a change); it
        // is built here before the clock runs so that the latencies are per question.
        var vocabulary = new IndexVocabulary(index);
        await vocabulary.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var retriever = new Retriever(analyzer, index, encoder, options.Value, reranker, vocabulary: vocabulary);

        var judged = Judged(dataset);
        var results = new List<QueryResult>(judged.Count);
        var latencies = new List<double>(judged.Count);
        foreach (var query in judged)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = foldQueries ? VietnameseText.Fold(query.Text) : query.Text;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var hits = await retriever.RetrieveAsync(text, Math.Max(top, 10), cancellationToken).ConfigureAwait(false);
            latencies.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            results.Add(new QueryResult(query.Id, hits.Select(h => h.Chunk.DocumentId).ToList(), dataset.Relevant[query.Id]));
            progress?.Report((results.Count, judged.Count));
        }

        return new RetrievalEvaluation(dataset.Name, RetrievalMetrics.From(results), results, latencies, indexElapsed);
    }

    /// <summary>
    /// Indexes the dataset for collecting the reranker's candidate groups (<see cref="RerankGroupCollector"/>): every
    /// judged question analysed as typed and without diacritics, ready to be searched under any first-stage term
    /// weights.
    /// </summary>
    public Task<RerankGroupCollector> OpenRerankCollectorAsync(BeirDataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var judged = Judged(dataset).Select(q => new JudgedQuestion(q.Id, q.Text, dataset.Relevant[q.Id])).ToList();
        return OpenRerankCollectorAsync(dataset.Name, Documents(dataset), Analysed(dataset), judged, cancellationToken);
    }

    /// <summary>
    /// Indexes a deployment's documents as ingestion cuts and analyses them (<paramref name="chunker"/>), for
    /// collecting the candidate groups of questions judged over that deployment, such as the seen held-out rounds:
    /// the reranker then learns from the chunks it reorders in service.
    /// </summary>
    public Task<RerankGroupCollector> OpenRerankCollectorAsync(
        string name, IReadOnlyList<CorpusDocument> documents, LegalStructureChunker chunker, IReadOnlyList<JudgedQuestion> questions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(chunker);
        var chunks = documents.SelectMany(d => IngestionPipeline.Analyze(chunker, d)).ToList();
        return OpenRerankCollectorAsync(name, documents, chunks, questions, cancellationToken);
    }

    private async Task<RerankGroupCollector> OpenRerankCollectorAsync(
        string name, IReadOnlyList<CorpusDocument> documents, List<IndexedChunk> chunks, IReadOnlyList<JudgedQuestion> questions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var index = InMemoryIndex();
        try
        {
            await FillAsync(index, documents, chunks, cancellationToken).ConfigureAwait(false);
            var statistics = await index.GetStatisticsAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The in-memory index has no statistics.");
            var retriever = new Retriever(analyzer, index, encoder, options.Value);

            // A document cut into several chunks holds a term when any of its chunks does.
            var termsOf = chunks.ToLookup(c => c.Chunk.DocumentId, c => c.Terms, StringComparer.Ordinal);
            var collected = new List<RerankGroupCollector.Question>();
            foreach (var question in questions)
            {
                var relevantTerms = question.Relevant.SelectMany(d => termsOf[d]).ToList();
                var folded = VietnameseText.Fold(question.Text);
                var forms = new List<RerankGroupCollector.Form>
                {
                    new(await retriever.AnalyzeAsync(question.Text, cancellationToken).ConfigureAwait(false), false, RerankGroupUse.TrainAndScore, relevantTerms),

                    // The reranker learns a question without diacritics as analysed without restoring them, and is
                    // scored on it as the service analyses it, marks restored. Learning from the restored form instead
                    // (or from both) measured worse on the QA set, whose questions the reranker never sees
                    // (ablation.md, "Diacritic restoration"): the unrestored copy is the noisier one, and it teaches
                    // the model not to lean on accented evidence that a restoration may have got wrong.
                    new(analyzer.AnalyzeQuery(folded), true, options.Value.RestoreDiacritics ? RerankGroupUse.TrainOnly : RerankGroupUse.TrainAndScore, relevantTerms),
                };
                if (options.Value.RestoreDiacritics)
                {
                    forms.Add(new(await retriever.AnalyzeAsync(folded, cancellationToken).ConfigureAwait(false), true, RerankGroupUse.ScoreOnly, relevantTerms));
                }

                var relevantSyllables = relevantTerms.SelectMany(bag => bag.Frequencies.Keys).Where(TermTranslation.IsSyllable).ToHashSet(StringComparer.Ordinal);
                collected.Add(new(question.Id, RerankerTraining.Fingerprint(question.Text), question.Relevant, relevantSyllables, forms));
            }

            return new RerankGroupCollector(name, index, statistics, collected);
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <summary>
    /// How well <see cref="DiacriticRestorer"/> puts back the diacritics of the judged questions from the dataset's
    /// corpus (the vocabulary an index of it holds): each question folded, restored, and compared syllable by
    /// syllable (words only, not numbers) with the question as typed; also how many syllables reach
    /// <paramref name="minConfidence"/> (those retrieval matches restored) and how many of those are right.
    /// </summary>
    public static RestorationAccuracy MeasureRestoration(BeirDataset dataset, double minConfidence)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var vocabulary = new SyllableVocabulary(Documents(dataset).Select(IndexVocabulary.Text));
        var restorer = new DiacriticRestorer();
        var accuracy = new RestorationAccuracy();
        foreach (var query in Judged(dataset))
        {
            var typed = TextAnalyzer.Syllables(query.Text).ToList();
            var folded = typed.Select(VietnameseText.Fold).ToList();
            var restored = restorer.Restore(folded, vocabulary);
            var kept = restorer.Restore(folded, vocabulary, minConfidence);
            for (var i = 0; i < typed.Count; i++)
            {
                if (typed[i].All(char.IsLetter))
                {
                    accuracy = accuracy.Add(restored[i] == typed[i], kept[i] is not null);
                }
            }
        }

        return accuracy;
    }

    private static List<BeirQuery> Judged(BeirDataset dataset) => dataset.Queries.Where(q => dataset.Relevant.ContainsKey(q.Id)).ToList();

    private static EmbeddedChunkIndex InMemoryIndex() => EmbeddedChunkIndex.InMemory(Bm25Parameters.Default, fusion: FusionParameters.Default);

    /// <summary>
    /// Replaces the index's content with the dataset's corpus, one article per chunk, as every evaluation here
    /// indexes it (the latency benchmark too, so that it times the same index).
    /// </summary>
    public Task FillAsync(IChunkIndex index, BeirDataset dataset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(dataset);
        return FillAsync(index, Documents(dataset), Analysed(dataset), cancellationToken);
    }

    private async Task FillAsync(IChunkIndex index, IReadOnlyList<CorpusDocument> documents, List<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        var (embedded, dense) = await encoder.EmbedChunksAsync(chunks, cancellationToken).ConfigureAwait(false);
        await index.ReplaceAsync(new IndexSnapshot(TextAnalyzer.Version, documents, embedded, dense), cancellationToken).ConfigureAwait(false);
    }

    // The law goes on the chunk after analysis: it groups articles for the document prior, and as the chunk's
    // number it would otherwise change the chunk's heading path and so its terms.
    private static List<IndexedChunk> Analysed(BeirDataset dataset) =>
        dataset.Corpus.Select((document, i) => WithLaw(IngestionPipeline.Analyze(ToChunk(document, i), []), document.Law)).ToList();

    private static List<CorpusDocument> Documents(BeirDataset dataset) => dataset.Corpus.Select(d => d.ToCorpusDocument()).ToList();

    private static IndexedChunk WithLaw(IndexedChunk indexed, string? law) =>
        law is null ? indexed : indexed with { Chunk = indexed.Chunk with { Number = law } };

    private static Chunk ToChunk(BeirDocument document, int ordinal) => new()
    {
        Id = document.Id,
        DocumentId = document.Id,
        Ordinal = ordinal,
        DocumentType = DocumentType.Regulation,
        Title = string.IsNullOrWhiteSpace(document.Title) ? document.Id : document.Title,
        Text = document.Text,
    };
}

/// <summary>The outcome of one evaluation run, with per-query rankings, search latencies (ms) and the time it took to analyse and index the corpus.</summary>
public sealed record RetrievalEvaluation(string Dataset, RetrievalMetrics Metrics, IReadOnlyList<QueryResult> Results, IReadOnlyList<double> LatenciesMs, TimeSpan IndexElapsed);
