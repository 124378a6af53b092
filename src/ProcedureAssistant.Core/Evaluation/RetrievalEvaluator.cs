using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Ingestion;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Evaluation;

/// <summary>
/// Runs a BEIR dataset: indexes its corpus (one article per chunk) into a throw-away in-memory index,
/// retrieves for every query that has relevance judgements, and scores the rankings.
/// </summary>
public sealed class RetrievalEvaluator(TextAnalyzer analyzer, IOptions<RetrievalOptions> options, DenseEncoder encoder)
{
    /// <summary>Evaluates the dataset. With <paramref name="foldQueries"/> the questions are stripped of diacritics first.</summary>
    public async Task<RetrievalEvaluation> RunAsync(
        BeirDataset dataset,
        int top = 10,
        bool foldQueries = false,
        IProgress<(int Done, int Total)>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        using var index = EmbeddedChunkIndex.InMemory(new Bm25Parameters(options.Value.Bm25K1, options.Value.Bm25B), fusion: options.Value.Fusion);
        // The law goes on the chunk after analysis: it groups articles for the document prior, and as the chunk's
        // number it would otherwise change the chunk's heading path and so its terms.
        var chunks = dataset.Corpus.Select((document, i) => WithLaw(IngestionPipeline.Analyze(ToChunk(document, i), []), document.Law)).ToList();
        var (embedded, dense) = await encoder.EmbedChunksAsync(chunks, cancellationToken).ConfigureAwait(false);
        await index.ReplaceAsync(new IndexSnapshot(TextAnalyzer.Version, [], embedded, dense), cancellationToken).ConfigureAwait(false);
        var retriever = new Retriever(analyzer, index, encoder, options.Value);

        var judged = dataset.Queries.Where(q => dataset.Relevant.ContainsKey(q.Id)).ToList();
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

        return new RetrievalEvaluation(dataset.Name, RetrievalMetrics.From(results), results, latencies);
    }

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

/// <summary>The outcome of one evaluation run, with per-query rankings and search latencies (ms).</summary>
public sealed record RetrievalEvaluation(string Dataset, RetrievalMetrics Metrics, IReadOnlyList<QueryResult> Results, IReadOnlyList<double> LatenciesMs);
