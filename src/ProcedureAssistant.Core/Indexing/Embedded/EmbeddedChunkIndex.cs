using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Diagnostics;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// The default index: segment files in a data folder (or in memory, for throw-away evaluation indexes), memory-mapped,
/// searched with BM25 by MaxScore over block-compressed postings (fused with a brute-force dot product over the dense
/// vectors when it has them). A full build writes new segments; an incremental update writes one segment with the
/// changed documents and marks their old versions deleted, so it costs what it changes, not what the index holds.
/// Each version is a manifest naming its segments, switched atomically; readers always see one complete version. A
/// dense model trained on the corpus is stored in the version it belongs to.
/// </summary>
public sealed class EmbeddedChunkIndex : IChunkIndex, IDisposable
{
    private readonly EmbeddedIndexStore? _store;
    private readonly Bm25Parameters _bm25;
    private readonly FusionParameters _fusion;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _postingsPerSegment;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile IndexVersion? _live;
    private volatile bool _loadAttempted;
    private long _memoryVersion;

    private EmbeddedChunkIndex(EmbeddedIndexStore? store, Bm25Parameters bm25, TimeProvider time, FusionParameters fusion, long postingsPerSegment, ILogger? logger = null)
    {
        _store = store;
        _logger = logger ?? NullLogger.Instance;
        _bm25 = bm25;
        _time = time;
        _fusion = fusion;
        _postingsPerSegment = postingsPerSegment;
    }

    /// <summary>An index persisted in <paramref name="folder"/>; the newest intact version is loaded on first use.</summary>
    public static EmbeddedChunkIndex InFolder(string folder, Bm25Parameters? bm25 = null, TimeProvider? time = null, ILogger? logger = null, FusionParameters? fusion = null) =>
        new(new EmbeddedIndexStore(folder, logger ?? NullLogger.Instance), bm25 ?? Bm25Parameters.Default, time ?? TimeProvider.System, fusion ?? FusionParameters.Default, SegmentBuild.PostingsPerSegment, logger);

    /// <summary>An index that lives in memory only (evaluation, tests).</summary>
    public static EmbeddedChunkIndex InMemory(Bm25Parameters? bm25 = null, TimeProvider? time = null, FusionParameters? fusion = null) =>
        new(null, bm25 ?? Bm25Parameters.Default, time ?? TimeProvider.System, fusion ?? FusionParameters.Default, SegmentBuild.PostingsPerSegment);

    /// <summary>An index in <paramref name="folder"/> whose builds start a new segment every <paramref name="postingsPerSegment"/> postings (tests of multi-segment versions).</summary>
    internal static EmbeddedChunkIndex InFolder(string folder, long postingsPerSegment, TimeProvider? time = null) =>
        new(new EmbeddedIndexStore(folder, NullLogger.Instance), Bm25Parameters.Default, time ?? TimeProvider.System, FusionParameters.Default, postingsPerSegment);

    /// <summary>The live version, once loaded (for measuring the search's steps one by one).</summary>
    internal IndexVersion? Live => _live;

    /// <summary>The live version's segments (for measuring; empty when there is no index).</summary>
    internal IReadOnlyList<string> SegmentNames => _live?.Segments.Select(s => s.Name).ToList() ?? [];

    /// <inheritdoc />
    public async Task<IndexInfo?> GetInfoAsync(CancellationToken cancellationToken = default) =>
        (await LoadOnceAsync(cancellationToken).ConfigureAwait(false))?.Info;

    /// <inheritdoc />
    /// <remarks>The chunks are read once, in order, and may be produced as they are read: the build holds at most one segment's postings.</remarks>
    public async Task<IndexInfo> ReplaceAsync(IndexSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await LoadLockedAsync(cancellationToken).ConfigureAwait(false);
            var version = NextVersion();
            var segments = await Task.Run(
                () => SegmentBuild.WriteAsync(snapshot.Documents, snapshot.Chunks, snapshot.Dense, part => Sink(version, part), cancellationToken, _postingsPerSegment),
                cancellationToken).ConfigureAwait(false);
            var references = segments.Select(s => new SegmentReference(s.Name, [])).ToList();
            var buckets = VersionDigest.Buckets(segments, references);
            return (await SwitchAsync(version, snapshot.AnalyzerVersion, snapshot.Dense, segments, references, buckets, cancellationToken).ConfigureAwait(false)).Info;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentSource>?> ListSourcesAsync(CancellationToken cancellationToken = default)
    {
        var live = await LoadOnceAsync(cancellationToken).ConfigureAwait(false);
        return live?.LiveDocuments()
            .Select(live.Document)
            .OfType<CorpusDocument>()
            .Select(d => new DocumentSource(d.Id, d.SourcePath, d.ContentHash))
            .ToList();
    }

    /// <inheritdoc />
    /// <remarks>
    /// Writes one new segment with the update's documents and marks every touched document's old chunks deleted in
    /// the segments that hold them; the statistics BM25 uses leave deleted chunks out, so the update ranks as a full
    /// build of the same documents would (ties aside: a changed document's chunks come after the others). The dense
    /// model (if any) stays the live version's: the update's chunks must carry vectors of it. Segments are not merged:
    /// each update adds one, and a full build (<see cref="ReplaceAsync"/>) starts afresh.
    /// </remarks>
    public async Task<IndexInfo> UpdateAsync(IndexUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var touched = update.TouchedDocumentIds();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var live = await LoadLockedAsync(cancellationToken).ConfigureAwait(false) ?? throw NoIndex();
            if (live.Manifest.AnalyzerVersion != update.AnalyzerVersion)
            {
                throw new InvalidOperationException(
                    $"The live index was built by analyser {live.Manifest.AnalyzerVersion}, the update by {update.AnalyzerVersion}: run a full re-index.");
            }

            // Each phase is timed and logged at Debug: an update's cost must not grow with the documents it leaves alone.
            var started = Stopwatch.GetTimestamp();
            var deleted = live.Manifest.Segments.Select(s => new SortedSet<int>(s.DeletedDocuments)).ToList();
            foreach (var id in touched)
            {
                for (var s = 0; s < live.Segments.Count; s++)
                {
                    var document = live.Segments[s].FindDocument(id);
                    if (document >= 0)
                    {
                        deleted[s].Add(document);
                    }
                }
            }

            var found = Stopwatch.GetTimestamp();
            var version = NextVersion();
            var dense = live.Manifest.Dense;
            var added = await SegmentBuild.WriteAsync(update.Documents, update.Chunks, dense, part => Sink(version, part), cancellationToken, _postingsPerSegment).ConfigureAwait(false);
            var written = Stopwatch.GetTimestamp();
            var segments = live.Segments.Concat(added).ToList();
            var references = live.Segments.Select((s, i) => new SegmentReference(s.Name, deleted[i].ToList()))
                .Concat(added.Select(s => new SegmentReference(s.Name, [])))
                .ToList();
            var buckets = VersionDigest.Buckets(segments, references, live.Manifest.BucketDigests, touched);
            var hashed = Stopwatch.GetTimestamp();
            var (info, manifestMs, saveMs, openMs) = await SwitchAsync(version, update.AnalyzerVersion, dense, segments, references, buckets, cancellationToken).ConfigureAwait(false);
            Log.IndexUpdated(
                _logger, version, touched.Count, segments.Count, Milliseconds(started, found), Milliseconds(found, written), Milliseconds(written, hashed), manifestMs, saveMs, openMs);
            return info;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChunkHit>> SearchAsync(QueryTerms query, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var live = await RequireAsync(cancellationToken).ConfigureAwait(false);
        if (query.Dense is not { } dense || live.Manifest.Dense is null || dense.Model != live.Manifest.Dense.Name)
        {
            return MaxScoreSearch.Search(live, query, limit, _bm25, query.Filter)
                .Select(hit => new ChunkHit(live.Chunk(hit.Chunk), hit.Score, hit.Coverage))
                .ToList();
        }

        var candidates = Math.Max(limit, _fusion.Candidates);
        var sparse = MaxScoreSearch.Search(live, query, candidates, _bm25, query.Filter);
        var coverage = sparse.ToDictionary(hit => hit.Chunk, hit => hit.Coverage);
        var fused = RankFusion.Reciprocal([sparse.Select(hit => hit.Chunk).ToList(), MaxScoreSearch.Nearest(live, dense.Vector, candidates, query.Filter)], _fusion.K, limit);
        var unranked = fused.Select(hit => hit.Item).Where(c => !coverage.ContainsKey(c)).ToList();
        foreach (var (chunk, covered) in unranked.Zip(MaxScoreSearch.Coverage(live, query, unranked)))
        {
            coverage[chunk] = covered;
        }

        return fused.Select(hit => new ChunkHit(live.Chunk(hit.Item), hit.Score, coverage[hit.Item])).ToList();
    }

    /// <inheritdoc />
    public async Task<IndexStatistics?> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var live = await RequireAsync(cancellationToken).ConfigureAwait(false);
        return live.Statistics;
    }

    /// <inheritdoc />
    public async Task<byte[]?> GetDenseModelStateAsync(CancellationToken cancellationToken = default) =>
        (await LoadOnceAsync(cancellationToken).ConfigureAwait(false))?.Manifest.Dense?.State;

    /// <inheritdoc />
    public async Task<IReadOnlyList<CorpusDocument>> ListDocumentsAsync(CancellationToken cancellationToken = default)
    {
        var live = await RequireAsync(cancellationToken).ConfigureAwait(false);
        return live.LiveDocuments().Select(live.Document).OfType<CorpusDocument>().OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public async Task<CorpusDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        var live = await RequireAsync(cancellationToken).ConfigureAwait(false);
        return live.FindDocument(documentId) is { } found ? live.Document(found) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default)
    {
        var live = await RequireAsync(cancellationToken).ConfigureAwait(false);
        return live.FindDocument(documentId) is { } found ? live.ChunksOf(found) : [];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListProvincesAsync(CancellationToken cancellationToken = default)
    {
        var live = await RequireAsync(cancellationToken).ConfigureAwait(false);
        return live.Provinces;
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task<IndexVersion> RequireAsync(CancellationToken cancellationToken) =>
        await LoadOnceAsync(cancellationToken).ConfigureAwait(false) ?? throw NoIndex();

    private static IndexUnavailableException NoIndex() =>
        new("No index has been built yet: run 'ingest', or wait for the service to finish its first ingestion.");

    private long NextVersion() => _store?.NextVersion() ?? Interlocked.Increment(ref _memoryVersion);

    private SegmentSink Sink(long version, int part) => _store?.CreateSegment(version, part) ?? SegmentSink.ToMemory($"seg-{version:D6}-{part:D4}");

    private static double Milliseconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    // Callers hold _gate. Returns the new version's info and the milliseconds spent making, saving and opening it.
    private async Task<(IndexInfo Info, double ManifestMs, double SaveMs, double OpenMs)> SwitchAsync(
        long version, string analyzerVersion, DenseModel? dense, List<Segment> segments, List<SegmentReference> references, byte[] buckets, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var manifest = Manifest(version, analyzerVersion, dense, references, segments, buckets, _time.GetUtcNow());
        var made = Stopwatch.GetTimestamp();
        if (_store is not null)
        {
            await _store.SaveAsync(manifest, cancellationToken).ConfigureAwait(false);
        }

        var saved = Stopwatch.GetTimestamp();
        var live = new IndexVersion(manifest, segments);
        _live = live;
        _loadAttempted = true;
        return (live.Info, Milliseconds(started, made), Milliseconds(made, saved), Milliseconds(saved, Stopwatch.GetTimestamp()));
    }

    // The counts and content hash read from the segments' directories and the deleted documents only, so that an
    // update's cost does not grow with the documents it leaves alone.
    private static IndexManifest Manifest(
        long version, string analyzerVersion, DenseModel? dense, List<SegmentReference> references, List<Segment> segments, byte[] buckets, DateTimeOffset builtAt)
    {
        var documents = 0;
        var chunks = 0;
        for (var s = 0; s < segments.Count; s++)
        {
            documents += segments[s].DocumentsWithRecord;
            chunks += segments[s].ChunkCount;
            foreach (var deleted in references[s].DeletedDocuments)
            {
                documents -= segments[s].HasRecord(deleted) ? 1 : 0;
                chunks -= segments[s].ChunksOf(deleted).Count;
            }
        }

        var contentHash = VersionDigest.ContentHash(analyzerVersion, dense, buckets);
        return new IndexManifest(IndexManifest.CurrentFormat, version, analyzerVersion, builtAt, contentHash, documents, chunks, references, dense, buckets);
    }

    private async Task<IndexVersion?> LoadOnceAsync(CancellationToken cancellationToken)
    {
        if (_loadAttempted || _store is null)
        {
            return _live;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await LoadLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    // Callers hold _gate.
    private async Task<IndexVersion?> LoadLockedAsync(CancellationToken cancellationToken)
    {
        if (!_loadAttempted && _store is not null)
        {
            var (manifest, segments, legacy) = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
            if (manifest is not null)
            {
                _live = new IndexVersion(manifest, segments);
            }
            else if (legacy is not null)
            {
                await RewriteLegacyAsync(legacy, cancellationToken).ConfigureAwait(false);
            }

            _loadAttempted = true;
        }

        return _live;
    }

    // A version of an earlier release: written again as segments, keeping its build time.
    private async Task RewriteLegacyAsync(StoredIndex legacy, CancellationToken cancellationToken)
    {
        var chunks = legacy.Chunks.Select(c => new IndexedChunk(c.Chunk, new TermBag(c.Terms, c.Length), c.Vector)).ToList();
        var version = NextVersion();
        var segments = await SegmentBuild.WriteAsync(legacy.Documents, chunks, legacy.Dense, part => Sink(version, part), cancellationToken, _postingsPerSegment).ConfigureAwait(false);
        var references = segments.Select(s => new SegmentReference(s.Name, [])).ToList();
        var manifest = Manifest(version, legacy.AnalyzerVersion, legacy.Dense, references, segments, VersionDigest.Buckets(segments, references), legacy.BuiltAt);
        await _store!.SaveAsync(manifest, cancellationToken).ConfigureAwait(false);
        _live = new IndexVersion(manifest, segments);
    }
}
