using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// The default index: held in memory, searched with BM25 (fused with a brute-force dot product over the dense
/// vectors when it has them), persisted as versioned files in a data folder (or nowhere, for throw-away evaluation
/// indexes). A dense model trained on the corpus is stored inside the version it belongs to. Readers always see one
/// complete version.
/// </summary>
public sealed class EmbeddedChunkIndex : IChunkIndex, IDisposable
{
    private readonly EmbeddedIndexStore? _store;
    private readonly Bm25Parameters _bm25;
    private readonly FusionParameters _fusion;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile LiveIndex? _live;
    private volatile bool _loadAttempted;

    private EmbeddedChunkIndex(EmbeddedIndexStore? store, Bm25Parameters bm25, TimeProvider time, FusionParameters fusion)
    {
        _store = store;
        _bm25 = bm25;
        _time = time;
        _fusion = fusion;
    }

    /// <summary>An index persisted in <paramref name="folder"/>; the newest intact version is loaded on first use.</summary>
    public static EmbeddedChunkIndex InFolder(string folder, Bm25Parameters? bm25 = null, TimeProvider? time = null, ILogger? logger = null, FusionParameters? fusion = null) =>
        new(new EmbeddedIndexStore(folder, logger ?? NullLogger.Instance), bm25 ?? Bm25Parameters.Default, time ?? TimeProvider.System, fusion ?? FusionParameters.Default);

    /// <summary>An index that lives in memory only (evaluation, tests).</summary>
    public static EmbeddedChunkIndex InMemory(Bm25Parameters? bm25 = null, TimeProvider? time = null, FusionParameters? fusion = null) =>
        new(null, bm25 ?? Bm25Parameters.Default, time ?? TimeProvider.System, fusion ?? FusionParameters.Default);

    /// <inheritdoc />
    public async Task<IndexInfo?> GetInfoAsync(CancellationToken cancellationToken = default) =>
        (await LoadOnceAsync(cancellationToken).ConfigureAwait(false))?.Info;

    /// <inheritdoc />
    public async Task<IndexInfo> ReplaceAsync(IndexSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        DenseVectorCheck.Validate(snapshot.Chunks, snapshot.Dense);
        var chunks = snapshot.Chunks.Select(Store).ToList();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SaveAsync(snapshot.AnalyzerVersion, snapshot.Documents, chunks, snapshot.Dense, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentSource>?> ListSourcesAsync(CancellationToken cancellationToken = default) =>
        (await LoadOnceAsync(cancellationToken).ConfigureAwait(false))?.Stored.Documents
            .Select(d => new DocumentSource(d.Id, d.SourcePath, d.ContentHash))
            .ToList();

    /// <inheritdoc />
    /// <remarks>
    /// Writes a new version like <see cref="ReplaceAsync"/>, atomically, reusing the stored chunks of every document
    /// the update does not touch. Documents are kept in source-path order, the order a full read of the corpus gives,
    /// so the new version is the one a full build would write. The dense model (if any) stays the live version's: the
    /// update's chunks must carry vectors of it.
    /// </remarks>
    public async Task<IndexInfo> UpdateAsync(IndexUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var touched = update.TouchedDocumentIds();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var live = await LoadLockedAsync(cancellationToken).ConfigureAwait(false) ?? throw NoIndex();
            if (live.Stored.AnalyzerVersion != update.AnalyzerVersion)
            {
                throw new InvalidOperationException(
                    $"The live index was built by analyser {live.Stored.AnalyzerVersion}, the update by {update.AnalyzerVersion}: run a full re-index.");
            }

            DenseVectorCheck.Validate(update.Chunks, live.Stored.Dense);

            var documents = live.Stored.Documents.Where(d => !touched.Contains(d.Id))
                .Concat(update.Documents)
                .OrderBy(d => d.SourcePath, StringComparer.Ordinal)
                .ToList();
            var position = documents.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
            var chunks = live.Stored.Chunks.Where(c => !touched.Contains(c.Chunk.DocumentId))
                .Concat(update.Chunks.Select(Store))
                .OrderBy(c => position.GetValueOrDefault(c.Chunk.DocumentId, int.MaxValue))
                .ThenBy(c => c.Chunk.Ordinal)
                .ToList();
            return await SaveAsync(update.AnalyzerVersion, documents, chunks, live.Stored.Dense, cancellationToken).ConfigureAwait(false);
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
        Func<int, bool>? accepts = query.Filter is { IsEmpty: false } filter ? i => filter.Accepts(live.Stored.Chunks[i].Chunk) : null;
        if (query.Dense is not { } dense || live.Vectors is null || dense.Model != live.Stored.Dense?.Name)
        {
            return live.Bm25.Search(query, limit, accepts)
                .Select(hit => new ChunkHit(live.Stored.Chunks[hit.Document].Chunk, hit.Score, hit.Coverage))
                .ToList();
        }

        var candidates = Math.Max(limit, _fusion.Candidates);
        var sparse = live.Bm25.Search(query, candidates, accepts);
        var coverage = sparse.ToDictionary(hit => hit.Document, hit => hit.Coverage);
        var fused = RankFusion.Reciprocal([sparse.Select(hit => hit.Document).ToList(), live.Vectors.Nearest(dense.Vector, candidates, accepts)], _fusion.K, limit);
        return fused
            .Select(hit => new ChunkHit(
                live.Stored.Chunks[hit.Item].Chunk,
                hit.Score,
                coverage.TryGetValue(hit.Item, out var covered) ? covered : live.Bm25.Coverage(query, hit.Item)))
            .ToList();
    }

    /// <inheritdoc />
    public async Task<IndexStatistics?> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var live = await RequireAsync(cancellationToken).ConfigureAwait(false);
        return live.Statistics;
    }

    /// <inheritdoc />
    public async Task<byte[]?> GetDenseModelStateAsync(CancellationToken cancellationToken = default) =>
        (await LoadOnceAsync(cancellationToken).ConfigureAwait(false))?.Stored.Dense?.State;

    /// <inheritdoc />
    public async Task<IReadOnlyList<CorpusDocument>> ListDocumentsAsync(CancellationToken cancellationToken = default)
    {
        var live = await RequireAsync(cancellationToken).ConfigureAwait(false);
        return live.Stored.Documents.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public async Task<CorpusDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        var live = await RequireAsync(cancellationToken).ConfigureAwait(false);
        return live.Documents.GetValueOrDefault(documentId);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default)
    {
        var live = await RequireAsync(cancellationToken).ConfigureAwait(false);
        return live.ChunksByDocument.GetValueOrDefault(documentId) ?? [];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListProvincesAsync(CancellationToken cancellationToken = default)
    {
        var live = await RequireAsync(cancellationToken).ConfigureAwait(false);
        return live.Provinces;
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task<LiveIndex> RequireAsync(CancellationToken cancellationToken) =>
        await LoadOnceAsync(cancellationToken).ConfigureAwait(false) ?? throw NoIndex();

    private static IndexUnavailableException NoIndex() =>
        new("No index has been built yet: run 'ingest', or wait for the service to finish its first ingestion.");

    private static StoredChunk Store(IndexedChunk chunk) => new(chunk.Chunk, chunk.Terms.Frequencies, chunk.Terms.Length, chunk.Vector);

    // Callers hold _gate.
    private async Task<IndexInfo> SaveAsync(
        string analyzerVersion, IReadOnlyList<CorpusDocument> documents, IReadOnlyList<StoredChunk> chunks, DenseModel? dense, CancellationToken cancellationToken)
    {
        var contentHash = ContentDigest.Combine(analyzerVersion, dense?.Name, ContentDigest.PerDocument(documents, chunks));
        var builtAt = _time.GetUtcNow();
        StoredIndex Build(long version) => new(StoredIndex.CurrentFormat, version, analyzerVersion, builtAt, contentHash, documents, chunks, dense);
        var version = _store is null
            ? (_live?.Info.Version ?? 0) + 1
            : await _store.SaveAsync(Build, cancellationToken).ConfigureAwait(false);
        var live = new LiveIndex(Build(version), _bm25);
        _live = live;
        _loadAttempted = true;
        return live.Info;
    }

    private async Task<LiveIndex?> LoadOnceAsync(CancellationToken cancellationToken)
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
    private async Task<LiveIndex?> LoadLockedAsync(CancellationToken cancellationToken)
    {
        if (!_loadAttempted && _store is not null)
        {
            var stored = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
            _live = stored is null ? null : new LiveIndex(stored, _bm25);
            _loadAttempted = true;
        }

        return _live;
    }

    private sealed class LiveIndex
    {
        public LiveIndex(StoredIndex stored, Bm25Parameters bm25)
        {
            Stored = stored;
            Bm25 = new Bm25Index(stored.Chunks.Select(c => new TermBag(c.Terms, c.Length)).ToList(), bm25);
            Statistics = new IndexStatistics(Bm25.Count, Bm25.AverageLength, Bm25.DocumentFrequency);
            Documents = stored.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
            ChunksByDocument = stored.Chunks
                .GroupBy(c => c.Chunk.DocumentId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<Chunk>)g.Select(c => c.Chunk).OrderBy(c => c.Ordinal).ToList(), StringComparer.Ordinal);
            Vectors = stored.Dense is { } dense ? new DenseMatrix(stored.Chunks.Select(c => c.Vector).ToList(), dense.Dimensions) : null;
            Provinces = stored.Chunks.Select(c => c.Chunk.Province).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            Info = new IndexInfo(
                stored.Version, stored.AnalyzerVersion, stored.Documents.Count, stored.Chunks.Count, stored.BuiltAt, stored.ContentHash, stored.Dense?.Name, stored.Dense?.Dimensions ?? 0);
        }

        public DenseMatrix? Vectors { get; }

        public StoredIndex Stored { get; }

        public Bm25Index Bm25 { get; }

        public IndexStatistics Statistics { get; }

        public IReadOnlyDictionary<string, CorpusDocument> Documents { get; }

        public IReadOnlyDictionary<string, IReadOnlyList<Chunk>> ChunksByDocument { get; }

        public IReadOnlyList<string> Provinces { get; }

        public IndexInfo Info { get; }
    }
}
