using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Diagnostics;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Ingestion;

/// <summary>
/// The ingestion steps in order: read the corpus → chunk by legal structure → analyse Vietnamese terms → embed
/// (when a dense model is configured) → write a new index version. Files that fail to parse are reported and the
/// rest still go in.
/// </summary>
public sealed class IngestionPipeline(
    CorpusReader reader,
    LegalStructureChunker chunker,
    IChunkIndex index,
    DenseEncoder encoder,
    IngestionStatus status,
    ILogger<IngestionPipeline> logger)
{
    /// <summary>Builds a new index from every document below <paramref name="corpusPath"/>.</summary>
    public async Task<IngestionReport> RunAsync(string corpusPath, IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var activity = Telemetry.Source.StartActivity("ingest");
        var stopwatch = Stopwatch.StartNew();
        var corpus = await reader.ReadAsync(corpusPath, cancellationToken).ConfigureAwait(false);
        foreach (var failure in corpus.Failures)
        {
            Log.DocumentRejected(logger, failure.SourcePath, failure.Reason);
        }

        var chunks = new List<IndexedChunk>();
        for (var i = 0; i < corpus.Documents.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = corpus.Documents[i];
            chunks.AddRange(chunker.Split(document).Select(chunk => Analyze(chunk, document.Aliases)));
            progress?.Report(new IngestionProgress(i + 1, corpus.Documents.Count, document.SourcePath));
        }

        var (embedded, dense) = await encoder.EmbedChunksAsync(chunks, cancellationToken).ConfigureAwait(false);
        var info = await index.ReplaceAsync(new IndexSnapshot(TextAnalyzer.Version, corpus.Documents, embedded, dense), cancellationToken).ConfigureAwait(false);
        Log.IndexBuilt(logger, info.Version, info.DocumentCount, info.ChunkCount, corpus.Failures.Count, stopwatch.ElapsedMilliseconds);
        activity?.SetTag("documents", info.DocumentCount);
        var report = new IngestionReport(info, corpus.Failures, stopwatch.Elapsed);
        status.Record(report);
        return report;
    }

    /// <summary>
    /// The terms a chunk is found by: its document's name, number or code, its heading path, the everyday
    /// names of its document, and its text.
    /// </summary>
    public static IndexedChunk Analyze(Chunk chunk, IReadOnlyList<string> aliases)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        ArgumentNullException.ThrowIfNull(aliases);
        var text = string.Join('\n', [chunk.Path, chunk.Title, .. aliases, chunk.Text]);
        return new IndexedChunk(chunk, TextAnalyzer.AnalyzeDocument(text));
    }
}
