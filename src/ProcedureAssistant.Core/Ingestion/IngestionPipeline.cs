using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Diagnostics;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Ingestion;

/// <summary>
/// The ingestion steps in order: read the corpus → chunk by legal structure → analyse Vietnamese terms → embed
/// (when a dense model is configured) → prepare the new version's statistics (<paramref name="catalog"/>) → write
/// the index (a new version, or an update of the live one). Files that fail to parse are reported and the rest
/// still go in. What a version needs to answer is ready when the switch makes it live, so that no request builds it.
/// </summary>
public sealed class IngestionPipeline(
    CorpusReader reader,
    LegalStructureChunker chunker,
    IChunkIndex index,
    DenseEncoder encoder,
    IngestionStatus status,
    ILogger<IngestionPipeline> logger,
    DocumentCatalog? catalog = null)
{
    /// <summary>Builds a new index from every document below <paramref name="corpusPath"/>.</summary>
    public Task<IngestionReport> RunAsync(string corpusPath, IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync([CorpusSource.Primary(corpusPath)], IngestionMode.Full, progress, cancellationToken);

    /// <summary>Ingests the corpus below <paramref name="corpusPath"/> as the only source (see the overload with sources).</summary>
    public Task<IngestionReport> RunAsync(string corpusPath, IngestionMode mode, IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync([CorpusSource.Primary(corpusPath)], mode, progress, cancellationToken);

    /// <summary>
    /// Ingests the corpus sources, in order, into one index. <see cref="IngestionMode.Incremental"/> re-reads only
    /// the documents whose content hash differs from what the live index recorded (a file's, or a catalogue
    /// record's line), replaces those documents, deletes the ones whose file or record is gone and leaves the rest
    /// alone; a document that no longer parses keeps its indexed version (it is reported with the reason). It
    /// builds the whole index instead when there is none to update.
    /// </summary>
    public async Task<IngestionReport> RunAsync(IReadOnlyList<CorpusSource> sources, IngestionMode mode, IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var activity = Telemetry.Source.StartActivity(Telemetry.IngestSpan);
        var stopwatch = Stopwatch.StartNew();
        var incremental = mode == IngestionMode.Incremental ? await IncrementalSourcesAsync(cancellationToken).ConfigureAwait(false) : null;
        var corpus = await reader.ReadAsync(sources, incremental ?? [], cancellationToken).ConfigureAwait(false);
        foreach (var failure in corpus.Failures)
        {
            Log.DocumentRejected(logger, failure.SourcePath, failure.Reason);
        }

        foreach (var ignored in corpus.Ignored)
        {
            Log.FileIgnored(logger, ignored.SourcePath, ignored.Reason);
        }

        foreach (var shadowed in corpus.Shadowed)
        {
            Log.DocumentShadowed(logger, shadowed.DocumentId, shadowed.SourcePath, shadowed.KeptFrom);
        }

        var chunks = Analyze(corpus, progress, cancellationToken);
        var previous = incremental ?? await index.ListSourcesAsync(cancellationToken).ConfigureAwait(false) ?? [];
        var before = previous.ToDictionary(s => s.DocumentId, StringComparer.Ordinal);

        // In an update, a document whose file no longer parses keeps its indexed version rather than disappear.
        var failedPaths = corpus.Failures.Select(f => f.SourcePath).ToHashSet(StringComparer.Ordinal);
        var present = corpus.Documents.Select(d => d.Id).Concat(corpus.Unchanged.Select(s => s.DocumentId)).ToHashSet(StringComparer.Ordinal);
        var kept = incremental is null
            ? []
            : previous.Where(s => failedPaths.Contains(s.SourcePath) && !present.Contains(s.DocumentId)).Select(s => s.DocumentId).ToHashSet(StringComparer.Ordinal);
        var removed = previous.Select(s => s.DocumentId).Where(id => !present.Contains(id) && !kept.Contains(id)).ToList();
        var same = corpus.Documents.Count(d => before.TryGetValue(d.Id, out var s) && s.ContentHash == d.ContentHash && s.SourcePath == d.SourcePath);
        var changed = corpus.Documents.Count(d => before.ContainsKey(d.Id)) - same;
        var changes = new DocumentChanges(corpus.Documents.Count - changed - same, changed, corpus.Unchanged.Count + kept.Count + same, removed.Count);

        IndexInfo info;
        if (incremental is null)
        {
            var (embedded, dense) = await encoder.EmbedChunksAsync(chunks, cancellationToken).ConfigureAwait(false);
            info = await SwitchAsync(corpus.Documents, () => index.ReplaceAsync(new IndexSnapshot(TextAnalyzer.Version, corpus.Documents, embedded, dense), cancellationToken)).ConfigureAwait(false);
        }
        else if (corpus.Documents.Count == 0 && removed.Count == 0)
        {
            info = await index.GetInfoAsync(cancellationToken).ConfigureAwait(false) ?? throw new IndexUnavailableException("The index disappeared during the update.");
        }
        else
        {
            // New and changed chunks are embedded with the live index's model, so they sit in the same space as the rest.
            var embedded = await encoder.EmbedForUpdateAsync(index, chunks, cancellationToken).ConfigureAwait(false);
            var next = catalog is null ? [] : await DocumentsAfterUpdateAsync(corpus.Documents, removed, cancellationToken).ConfigureAwait(false);
            info = await SwitchAsync(next, () => index.UpdateAsync(new IndexUpdate(TextAnalyzer.Version, corpus.Documents, embedded, removed), cancellationToken)).ConfigureAwait(false);
        }

        var written = incremental is null ? IngestionMode.Full : IngestionMode.Incremental;
        Log.IndexBuilt(logger, info.Version, written, info.DocumentCount, info.ChunkCount, changes.Added, changes.Changed, changes.Unchanged, changes.Removed, corpus.Failures.Count, stopwatch.ElapsedMilliseconds);
        activity?.SetTag("documents", info.DocumentCount);
        activity?.SetTag("mode", written.ToString());
        var report = new IngestionReport(info, corpus.Failures, stopwatch.Elapsed, written, changes) { Ignored = corpus.Ignored, Shadowed = corpus.Shadowed };
        status.Record(report);
        return report;
    }

    /// <summary>Prepares what the new version needs to answer, then writes it (which makes it live), then publishes what was prepared.</summary>
    private async Task<IndexInfo> SwitchAsync(IReadOnlyList<CorpusDocument> documents, Func<Task<IndexInfo>> write)
    {
        catalog?.Prepare(documents);
        IndexInfo info;
        try
        {
            info = await write().ConfigureAwait(false);
        }
        catch
        {
            catalog?.Discard();
            throw;
        }

        catalog?.Publish(info);
        return info;
    }

    // The documents the live index will hold once the update is applied: the updated ones replace their old versions.
    private async Task<IReadOnlyList<CorpusDocument>> DocumentsAfterUpdateAsync(IReadOnlyList<CorpusDocument> updated, IReadOnlyList<string> removed, CancellationToken cancellationToken)
    {
        var replaced = updated.Select(d => d.Id).Concat(removed).ToHashSet(StringComparer.Ordinal);
        var live = await index.ListDocumentsAsync(cancellationToken).ConfigureAwait(false);
        return live.Where(d => !replaced.Contains(d.Id)).Concat(updated).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>A document's chunks as ingestion cuts and analyses them (<see cref="Analyze(Chunk, IReadOnlyList{string})"/>).</summary>
    public static IEnumerable<IndexedChunk> Analyze(LegalStructureChunker chunker, CorpusDocument document)
    {
        ArgumentNullException.ThrowIfNull(chunker);
        ArgumentNullException.ThrowIfNull(document);
        return chunker.Split(document).Select(chunk => Analyze(chunk, document.Aliases));
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

    /// <summary>What the live index holds, when an update can carry on from it; null (logged with the reason) when only a full build can.</summary>
    private async Task<IReadOnlyList<DocumentSource>?> IncrementalSourcesAsync(CancellationToken cancellationToken)
    {
        var info = await index.GetInfoAsync(cancellationToken).ConfigureAwait(false);
        var updatable = info is not null && info.AnalyzerVersion == TextAnalyzer.Version && encoder.Matches(info);
        var sources = updatable ? await index.ListSourcesAsync(cancellationToken).ConfigureAwait(false) : null;
        if (sources is null)
        {
            Log.IncrementalFallsBack(logger, info switch
            {
                null => "there is no index yet",
                { AnalyzerVersion: var found } when found != TextAnalyzer.Version => $"the index was built by analyser {found}, this is {TextAnalyzer.Version}",
                _ when !encoder.Matches(info) => $"the index's dense vectors ({info.DenseModel ?? "none"}) are not what Embeddings configures ({encoder.Provider})",
                _ => "the live index cannot be updated in place",
            });
        }

        return sources;
    }

    // Documents are cut and analysed in parallel (the analysis is most of an ingestion's time: 2,700 catalogue
    // records are 14 million characters), their chunks kept in document order; progress counts documents done.
    private List<IndexedChunk> Analyze(CorpusLoadResult corpus, IProgress<IngestionProgress>? progress, CancellationToken cancellationToken)
    {
        var total = corpus.Unchanged.Count + corpus.Documents.Count;
        if (corpus.Unchanged.Count > 0)
        {
            progress?.Report(new IngestionProgress(corpus.Unchanged.Count, total, corpus.Unchanged[^1].SourcePath));
        }

        var perDocument = new IndexedChunk[corpus.Documents.Count][];
        var done = corpus.Unchanged.Count;
        var gate = new Lock();
        Parallel.For(0, corpus.Documents.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var document = corpus.Documents[i];
            perDocument[i] = Analyze(chunker, document).ToArray();
            lock (gate)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new IngestionProgress(++done, total, document.SourcePath));
            }
        });

        return perDocument.SelectMany(chunks => chunks).ToList();
    }
}
