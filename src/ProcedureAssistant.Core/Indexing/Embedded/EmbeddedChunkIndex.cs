using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// The default index: held in memory, searched with BM25, persisted as versioned files in a data folder
/// (or nowhere, for throw-away evaluation indexes). Readers always see one complete version.
/// </summary>
public sealed class EmbeddedChunkIndex : IChunkIndex, IDisposable
{
    private readonly EmbeddedIndexStore? _store;
    private readonly Bm25Parameters _bm25;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile LiveIndex? _live;
    private volatile bool _loadAttempted;

    private EmbeddedChunkIndex(EmbeddedIndexStore? store, Bm25Parameters bm25, TimeProvider time)
    {
        _store = store;
        _bm25 = bm25;
        _time = time;
    }

    /// <summary>An index persisted in <paramref name="folder"/>; the newest intact version is loaded on first use.</summary>
    public static EmbeddedChunkIndex InFolder(string folder, Bm25Parameters? bm25 = null, TimeProvider? time = null, ILogger? logger = null) =>
        new(new EmbeddedIndexStore(folder, logger ?? NullLogger.Instance), bm25 ?? Bm25Parameters.Default, time ?? TimeProvider.System);

    /// <summary>An index that lives in memory only (evaluation, tests).</summary>
    public static EmbeddedChunkIndex InMemory(Bm25Parameters? bm25 = null, TimeProvider? time = null) =>
        new(null, bm25 ?? Bm25Parameters.Default, time ?? TimeProvider.System);

    /// <inheritdoc />
    public async Task<IndexInfo?> GetInfoAsync(CancellationToken cancellationToken = default) =>
        (await LoadOnceAsync(cancellationToken).ConfigureAwait(false))?.Info;

    /// <inheritdoc />
    public async Task<IndexInfo> ReplaceAsync(IndexSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var chunks = snapshot.Chunks.Select(Store).ToList();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SaveAsync(snapshot.AnalyzerVersion, snapshot.Documents, chunks, cancellationToken).ConfigureAwait(false);
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
    /// so the new version is the one a full build would write.
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
            return await SaveAsync(update.AnalyzerVersion, documents, chunks, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChunkHit>> SearchAsync(QueryTerms query, int limit, CancellationToken cancellationToken = default)
    {
        var live = await RequireAsync(cancellationToken).ConfigureAwait(false);
        return live.Bm25.Search(query, limit)
            .Select(hit => new ChunkHit(live.Stored.Chunks[hit.Document].Chunk, hit.Score, hit.Coverage))
            .ToList();
    }

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
    public void Dispose() => _gate.Dispose();

    private async Task<LiveIndex> RequireAsync(CancellationToken cancellationToken) =>
        await LoadOnceAsync(cancellationToken).ConfigureAwait(false) ?? throw NoIndex();

    private static IndexUnavailableException NoIndex() =>
        new("No index has been built yet: run 'ingest', or wait for the service to finish its first ingestion.");

    private static StoredChunk Store(IndexedChunk chunk) => new(chunk.Chunk, chunk.Terms.Frequencies, chunk.Terms.Length);

    // Callers hold _gate.
    private async Task<IndexInfo> SaveAsync(string analyzerVersion, IReadOnlyList<CorpusDocument> documents, IReadOnlyList<StoredChunk> chunks, CancellationToken cancellationToken)
    {
        var contentHash = ContentDigest.Combine(analyzerVersion, ContentDigest.PerDocument(documents, chunks));
        var builtAt = _time.GetUtcNow();
        StoredIndex Build(long version) => new(StoredIndex.CurrentFormat, version, analyzerVersion, builtAt, contentHash, documents, chunks);
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
            Documents = stored.Documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
            ChunksByDocument = stored.Chunks
                .GroupBy(c => c.Chunk.DocumentId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<Chunk>)g.Select(c => c.Chunk).OrderBy(c => c.Ordinal).ToList(), StringComparer.Ordinal);
            Info = new IndexInfo(stored.Version, stored.AnalyzerVersion, stored.Documents.Count, stored.Chunks.Count, stored.BuiltAt, stored.ContentHash);
        }

        public StoredIndex Stored { get; }

        public Bm25Index Bm25 { get; }

        public IReadOnlyDictionary<string, CorpusDocument> Documents { get; }

        public IReadOnlyDictionary<string, IReadOnlyList<Chunk>> ChunksByDocument { get; }

        public IndexInfo Info { get; }
    }
}
