using System.Globalization;
using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Text;
using Qdrant.Client.Grpc;
using static ProcedureAssistant.Core.Indexing.Qdrant.QdrantRequests;

namespace ProcedureAssistant.Core.Indexing.Qdrant;

/// <summary>
/// The index in a Qdrant server, reached over gRPC through the official client (see <see cref="QdrantConnection"/>).
/// Readers use an alias (<see cref="QdrantOptions.Collection"/>);
/// every build fills a new collection <c>{alias}-v{n}</c>, checks it holds every document and chunk, then switches
/// the alias to it in one atomic step and deletes the collections of earlier builds. A build that fails before the
/// switch deletes its half-built collection and leaves the alias where it was (one killed outright is deleted by the
/// next build that succeeds). Chunks are scored with BM25 through a sparse vector and the collection's IDF modifier,
/// so results match <see cref="Bm25Index"/> (see <see cref="Bm25SparseEncoder"/>). A search's <see cref="SearchFilter"/>
/// (a province, procedure levels) is a filter inside the query, applied before the limit. Collections are sharded,
/// replicated and write-confirmed as <see cref="QdrantOptions"/> says, for a cluster. Thread-safe; builds and updates
/// in one process run one at a time, and only one process should write to an alias at a time.
/// </summary>
/// <remarks>
/// Each collection holds one point per chunk (its fields, its single-syllable terms and, on a document's first chunk,
/// the whole document, which serves <see cref="ListDocumentsAsync"/> and <see cref="GetDocumentAsync"/> by scroll) and
/// one metadata point without a vector: what <see cref="GetInfoAsync"/> reports plus the document frequency of every
/// single-syllable term. <see cref="ChunkHit.Coverage"/> needs both sides of that: whether the chunk has the term
/// (from its stored term list, exact, not re-derived from text) and how rare the term is (from the metadata, read once
/// per build and cached), which Qdrant computes internally but does not expose. Stored term lists rather than
/// re-analysing the hit's text keep coverage tied to the terms that were indexed, whoever built the snapshot.
/// <para>
/// <see cref="UpdateAsync"/> changes the live collection in place, and readers keep using it throughout: (1) the
/// points of the added and changed documents are upserted, overwriting old chunks with the same id; (2) every other
/// point of those documents and of the removed ones is deleted by a filter on the update's revision; (3) the term
/// statistics are recounted from the chunks' stored terms and the documents and chunks are counted; (4) the
/// metadata point is written, which commits the update. So a reader never misses a document that stays, may for a
/// moment see a changed document's old and new chunks side by side, and sees the counts, version and term
/// statistics switch in one step at (4); another process's cached statistics follow within
/// <see cref="StatisticsMaxAge"/>. An update killed before (4) leaves the service answering from a mix of old and
/// new chunks of the documents it was writing; those points carry a revision above the committed one, so
/// <see cref="ListSourcesAsync"/> marks their documents for reading again and the next update rewrites them whole.
/// New document vectors use the average chunk length of the last full build, so after many updates the length
/// normalisation drifts from a fresh build's (a warning says by how much; a full re-index resets it).
/// </para>
/// <para>
/// With dense vectors each chunk point also holds the named vector <see cref="DenseVectorName"/>, a search that
/// carries a query vector of the same model is one server-side hybrid query (BM25 and dense prefetches fused by RRF
/// with the constant of <see cref="FusionParameters"/>, as <see cref="RankFusion"/> does in process), and a model
/// trained on the corpus is stored in the collection itself as vector-less parts (see <see cref="DenseModelPartPayload"/>).
/// An update embeds its chunks with that same model and leaves the parts alone.
/// </para>
/// </remarks>
public sealed class QdrantChunkIndex : IChunkIndex, IDisposable
{
    /// <summary>Name of the sparse BM25 vector in each collection.</summary>
    public const string SparseVectorName = "bm25";

    /// <summary>Name of the dense vector in collections built with a dense model.</summary>
    public const string DenseVectorName = "dense";

    // Raw bytes per dense-model part: base64 makes it 1.33 MiB, well inside the server's 32 MiB request limit.
    private const int DenseModelPartBytes = 1 << 20;

    // Namespaces of the name-based point ids: chunk ids for chunk points, document ids for documents without chunks.
    private static readonly Guid ChunkNamespace = new("dade2970-98ee-4156-9b8c-112c94049112");
    private static readonly Guid DocumentNamespace = new("3d8ac19e-5eff-4678-97b6-50d8a44e773f");
    private static readonly Guid DenseModelNamespace = new("9b1f3c52-6c1e-4d8e-a3a5-2f6f0e7d4c11");

    // Chunk ids always hold '#' ({documentId}#{ordinal}), so this name cannot be a chunk's.
    private static readonly Guid MetadataPointId = UuidV5.Create(ChunkNamespace, "index-metadata");

    // Updates warn when the average chunk length has moved further than this from the one vectors were encoded with.
    private const double AverageLengthDriftWarning = 0.05;

    private readonly QdrantConnection _client;
    private readonly string _alias;
    private readonly Regex _versionName;
    private readonly Bm25Parameters _bm25;
    private readonly FusionParameters _fusion;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedStatistics? _statistics;
    private volatile CachedIndexStatistics? _indexStatistics;
    private volatile CachedProvinces? _provinces;

    /// <summary>An index in the Qdrant server that <paramref name="options"/> names, under its alias.</summary>
    public QdrantChunkIndex(QdrantOptions options, Bm25Parameters? bm25 = null, TimeProvider? time = null, ILogger? logger = null, FusionParameters? fusion = null)
        : this(new QdrantConnection(options, time, logger), (options ?? throw new ArgumentNullException(nameof(options))).Collection, bm25, time, logger, fusion)
    {
    }

    /// <summary>An index over a connection of its own (tests pass one with an interceptor); disposing the index disposes it.</summary>
    internal QdrantChunkIndex(QdrantConnection client, string alias, Bm25Parameters? bm25 = null, TimeProvider? time = null, ILogger? logger = null, FusionParameters? fusion = null)
    {
        _fusion = fusion ?? FusionParameters.Default;
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        _client = client;
        _alias = alias;
        _versionName = new Regex("^" + Regex.Escape(alias) + "-v([0-9]{1,18})$", RegexOptions.CultureInvariant);
        _bm25 = bm25 ?? Bm25Parameters.Default;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The alias readers use.</summary>
    public string Alias => _alias;

    /// <summary>How long term statistics read from the metadata point are used before they are read again.</summary>
    public static TimeSpan StatisticsMaxAge { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The collection that holds build <paramref name="version"/>.</summary>
    public string CollectionName(long version) => $"{_alias}-v{version.ToString(CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public async Task<IndexInfo?> GetInfoAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var metadata = await ReadMetadataAsync(_alias, AllBut(PayloadField.UnigramDocumentFrequencies, PayloadField.Documents), cancellationToken).ConfigureAwait(false);
            return metadata?.ToInfo();
        }
        catch (QdrantException ex) when (ex.Status == StatusCode.NotFound)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<IndexInfo> ReplaceAsync(IndexSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        DenseVectorCheck.Validate(snapshot.Chunks, snapshot.Dense);
        var chunks = snapshot.Chunks.Select(Store).ToList();
        var entries = Entries(snapshot.Documents, chunks);
        var unigrams = TermStatistics.CountUnigrams(snapshot.Chunks);
        var encoder = Bm25SparseEncoder.For(snapshot.Chunks, _bm25);
        return await ReplaceWithAsync(
            snapshot.Dense,
            async (collection, version, token) =>
            {
                await _client.UpsertAsync(collection, Points(snapshot.Documents, snapshot.Chunks, encoder, version, version), token).ConfigureAwait(false);
                return new IndexMetadataPayload
                {
                    Kind = [PointKind.Metadata],
                    IndexVersion = version,
                    Revision = version,
                    AverageLength = encoder.AverageLength,
                    Bm25K1 = _bm25.K1,
                    Bm25B = _bm25.B,
                    AnalyzerVersion = snapshot.AnalyzerVersion,
                    DocumentCount = snapshot.Documents.Count,
                    ChunkCount = snapshot.Chunks.Count,
                    BuiltAt = _time.GetUtcNow(),
                    ContentHash = ContentDigest.Combine(snapshot.AnalyzerVersion, snapshot.Dense?.Name, entries.Select(e => KeyValuePair.Create(e.Key, e.Value.Digest))),
                    UnigramDocumentFrequencies = unigrams,
                    Documents = entries,
                    DenseModel = snapshot.Dense?.Name,
                    DenseDimensions = snapshot.Dense?.Dimensions ?? 0,
                    Provinces = ProvincesOf(snapshot.Chunks.Select(c => c.Chunk.Province)),
                };
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Builds a new version, like <see cref="ReplaceAsync"/>, from parts that arrive one after another (each with whole
    /// documents and their chunks), for corpora too large to hold as one snapshot (the scale benchmark): each part is
    /// encoded and written as it comes, so memory holds one part and the term statistics. BM25 normalises every chunk
    /// by the mean chunk length, which must be known before the first vector is written: the caller gives it. No
    /// commit record of the documents is kept (at a million documents it would outgrow one point), so the version can
    /// be replaced but not updated in place; its content hash covers the parts in the order they came. Sparse only.
    /// </summary>
    internal Task<IndexInfo> ReplaceInPartsAsync(string analyzerVersion, IAsyncEnumerable<IndexSnapshot> parts, double averageLength, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var encoder = new Bm25SparseEncoder(_bm25, averageLength);
        return ReplaceWithAsync(
            null,
            async (collection, version, token) =>
            {
                var unigrams = new Dictionary<string, int>(StringComparer.Ordinal);
                var provinces = new HashSet<string>(StringComparer.Ordinal);
                using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(analyzerVersion + "\n"));
                var (documents, chunks) = (0, 0L);
                await foreach (var part in parts.WithCancellation(token).ConfigureAwait(false))
                {
                    DenseVectorCheck.Validate(part.Chunks, null);
                    await _client.UpsertAsync(collection, Points(part.Documents, part.Chunks, encoder, version, version), token).ConfigureAwait(false);
                    foreach (var (term, count) in TermStatistics.CountUnigrams(part.Chunks))
                    {
                        unigrams[term] = unigrams.GetValueOrDefault(term) + count;
                    }

                    provinces.UnionWith(part.Chunks.Select(c => c.Chunk.Province).OfType<string>());
                    foreach (var (id, digest) in ContentDigest.PerDocument(part.Documents, part.Chunks.Select(Store)))
                    {
                        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{id}\t{digest}\n"));
                    }

                    documents += part.Documents.Count;
                    chunks += part.Chunks.Count;
                    progress?.Report(chunks);
                }

                return new IndexMetadataPayload
                {
                    Kind = [PointKind.Metadata],
                    IndexVersion = version,
                    AverageLength = encoder.AverageLength,
                    Bm25K1 = _bm25.K1,
                    Bm25B = _bm25.B,
                    AnalyzerVersion = analyzerVersion,
                    DocumentCount = documents,
                    ChunkCount = checked((int)chunks),
                    BuiltAt = _time.GetUtcNow(),
                    ContentHash = Convert.ToHexStringLower(hash.GetHashAndReset()),
                    UnigramDocumentFrequencies = unigrams,
                    Provinces = ProvincesOf(provinces),
                };
            },
            cancellationToken);
    }

    /// <summary>
    /// A full build: the next version's collection is created, <paramref name="fill"/> writes its points and says what
    /// they are (the metadata), then the build is committed, checked and switched to, and earlier builds deleted.
    /// </summary>
    private async Task<IndexInfo> ReplaceWithAsync(DenseModel? dense, Func<string, long, CancellationToken, Task<IndexMetadataPayload>> fill, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var previous = await _client.GetAliasTargetAsync(_alias, cancellationToken).ConfigureAwait(false);
            var live = await GetInfoAsync(cancellationToken).ConfigureAwait(false);
            var collections = await _client.ListCollectionsAsync(cancellationToken).ConfigureAwait(false);
            var version = Math.Max(NextVersion(collections), (live?.Version ?? 0) + 1);
            var collection = CollectionName(version);

            QdrantLog.Building(_logger, collection, _alias);
            var metadata = await BuildAsync(collection, version, dense, fill, cancellationToken).ConfigureAwait(false);
            QdrantLog.AliasSwitched(_logger, _alias, collection, metadata.DocumentCount, metadata.ChunkCount, previous ?? "nothing");
            _statistics = new CachedStatistics(new TermStatistics(version, metadata.ChunkCount, metadata.UnigramDocumentFrequencies ?? new Dictionary<string, int>()), _time.GetUtcNow());

            // Earlier builds of this alias go, including half-built ones of killed processes; a collection someone
            // else pointed the alias at, or a later build, stays.
            foreach (var stale in collections.Where(c => BuildNumber(c) is > 0 and var build && build < version))
            {
                await TryDeleteAsync(stale).ConfigureAwait(false);
            }

            return metadata.ToInfo();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DocumentSource>?> ListSourcesAsync(CancellationToken cancellationToken = default)
    {
        var collection = await _client.GetAliasTargetAsync(_alias, cancellationToken).ConfigureAwait(false);
        var metadata = collection is null ? null : await ReadMetadataAsync(collection, AllBut(PayloadField.UnigramDocumentFrequencies), cancellationToken).ConfigureAwait(false);
        if (collection is null || metadata is null || CannotUpdate(metadata) is not null)
        {
            return null;
        }

        var (dirty, _) = await UncommittedAsync(collection, metadata, cancellationToken).ConfigureAwait(false);
        var sources = metadata.Documents!
            .Where(e => e.Value.SourcePath is not null)
            .Select(e => new DocumentSource(e.Key, e.Value.SourcePath!, dirty.Contains(e.Key) ? string.Empty : e.Value.ContentHash ?? string.Empty))
            .ToList();

        // Documents a killed update had started to add: unknown to the commit record, they must be read again (or removed).
        sources.AddRange(dirty.Where(id => !metadata.Documents!.ContainsKey(id)).Select(id => new DocumentSource(id, string.Empty, string.Empty)));
        return sources;
    }

    /// <inheritdoc />
    public async Task<IndexInfo> UpdateAsync(IndexUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var touched = update.TouchedDocumentIds();
        var chunks = update.Chunks.Select(Store).ToList();

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Everything goes to the collection the alias names now, so that a full build switching the alias
            // meanwhile is not mixed into.
            var collection = await _client.GetAliasTargetAsync(_alias, cancellationToken).ConfigureAwait(false) ?? throw NoIndex();
            var metadata = await ReadMetadataAsync(collection, AllBut(PayloadField.UnigramDocumentFrequencies), cancellationToken).ConfigureAwait(false)
                ?? throw new IndexUnavailableException($"The Qdrant collection '{collection}' behind '{_alias}' has no index metadata: it was not built by this service. Run a full re-index.");
            if (CannotUpdate(metadata) is { } reason)
            {
                throw new InvalidOperationException($"The Qdrant index '{_alias}' cannot be updated in place ({reason}): run a full re-index.");
            }

            if (metadata.AnalyzerVersion != update.AnalyzerVersion)
            {
                throw new InvalidOperationException(
                    $"The live index was built by analyser {metadata.AnalyzerVersion}, the update by {update.AnalyzerVersion}: run a full re-index.");
            }

            DenseVectorCheck.Validate(update.Chunks, metadata.Dense);

            // A revision no point carries yet, not even one of a killed update, so step (2) keeps only this update's points.
            var (_, highest) = await UncommittedAsync(collection, metadata, cancellationToken).ConfigureAwait(false);
            var revision = Math.Max(highest, metadata.Revision!.Value) + 1;
            var encoder = new Bm25SparseEncoder(_bm25, metadata.AverageLength!.Value);
            var entries = metadata.Documents!.Where(e => !touched.Contains(e.Key)).ToDictionary(StringComparer.Ordinal);
            foreach (var (id, entry) in Entries(update.Documents, chunks))
            {
                entries[id] = entry;
            }

            QdrantLog.Updating(_logger, collection, _alias, update.Documents.Count, update.RemovedDocumentIds.Count, revision);
            await _client.UpsertAsync(collection, Points(update.Documents, update.Chunks, encoder, metadata.IndexVersion, revision), cancellationToken).ConfigureAwait(false);
            if (touched.Count > 0)
            {
                var stale = new Filter
                {
                    Must = { Conditions.Match(PayloadField.DocumentId, touched.ToList()) },
                    MustNot = { Conditions.Match(PayloadField.Revision, revision) },
                };
                await _client.DeleteAsync(collection, stale, cancellationToken).ConfigureAwait(false);
            }

            var (statistics, provinces) = await RecountAsync(collection, metadata.IndexVersion, cancellationToken).ConfigureAwait(false);
            var documentCount = entries.Values.Count(e => e.SourcePath is not null);
            var chunkCount = entries.Values.Sum(e => e.Chunks);
            await VerifyCountsAsync(collection, documentCount, chunkCount, statistics.ChunkCount, "the update is not committed; the next update repairs it", cancellationToken).ConfigureAwait(false);

            var committed = metadata with
            {
                Revision = revision,
                DocumentCount = documentCount,
                ChunkCount = chunkCount,
                BuiltAt = _time.GetUtcNow(),
                ContentHash = ContentDigest.Combine(update.AnalyzerVersion, metadata.DenseModel, entries.Select(e => KeyValuePair.Create(e.Key, e.Value.Digest))),
                UnigramDocumentFrequencies = statistics.UnigramDocumentFrequencies,
                Documents = entries,
                Provinces = provinces,
            };
            await _client.UpsertAsync(collection, [VectorlessPoint(MetadataPointId, committed)], cancellationToken).ConfigureAwait(false);
            _statistics = new CachedStatistics(statistics, _time.GetUtcNow());

            var averageLength = chunkCount == 0 ? encoder.AverageLength : entries.Values.Sum(e => e.Length) / (double)chunkCount;
            if (Math.Abs((averageLength / encoder.AverageLength) - 1) > AverageLengthDriftWarning)
            {
                QdrantLog.AverageLengthDrifted(_logger, _alias, encoder.AverageLength, averageLength);
            }

            return committed.ToInfo();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Deletes every collection of this alias's builds, and with them the alias (throw-away indexes).</summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var collection in (await _client.ListCollectionsAsync(cancellationToken).ConfigureAwait(false)).Where(c => BuildNumber(c) > 0))
            {
                await _client.DeleteCollectionAsync(collection, cancellationToken).ConfigureAwait(false);
            }
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
        var vector = Bm25SparseEncoder.Query(query);
        if (limit <= 0 || vector.Indices.Count == 0)
        {
            _ = await GetInfoAsync(cancellationToken).ConfigureAwait(false) ?? throw NoIndex();
            return [];
        }

        // The query vector is used only on vectors of its own model: the alias may hold another build by now.
        var dense = query.Dense is { } asked && (await GetInfoAsync(cancellationToken).ConfigureAwait(false))?.DenseModel == asked.Model ? asked : null;
        var features = await _client.GetFeaturesAsync(cancellationToken).ConfigureAwait(false);
        if (dense is not null && !features.RrfConstant && _fusion.K != 2)
        {
            QdrantLog.RrfConstantUnsupported(_logger, _fusion.K);
        }

        var request = Search(_alias, vector, dense, limit, _fusion.Candidates, query.Filter, features, _fusion.K);

        // The hits and the term statistics are two reads; should the alias move between them, search again.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var points = await OnAliasAsync(() => _client.QueryAsync(request, cancellationToken)).ConfigureAwait(false);
            if (points.Count == 0)
            {
                return [];
            }

            var payloads = points.Select(p => ChunkPayload.Read(p.Payload)).ToList();
            var statistics = await StatisticsAsync(payloads[0].IndexVersion, cancellationToken).ConfigureAwait(false);
            if (statistics is null)
            {
                continue;
            }

            return points.Zip(payloads, (point, payload) => new ChunkHit(
                payload.ToChunk(),
                point.Score,
                statistics.Coverage(query, payload.UnigramSet()))).ToList();
        }

        throw new IndexUnavailableException("The Qdrant index was replaced several times during one search; try again.");
    }

    /// <inheritdoc />
    public async Task<IndexStatistics?> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        // The small read tells whether the cached statistics are still those of the live build; the large one
        // (every term's document frequency) happens once per build.
        var info = await OnAliasAsync(() => ReadMetadataAsync(_alias, AllBut(PayloadField.UnigramDocumentFrequencies, PayloadField.Documents), cancellationToken)).ConfigureAwait(false)
            ?? throw NoIndex();
        if (_indexStatistics is { } cached && cached.Version == info.IndexVersion && cached.ContentHash == info.ContentHash)
        {
            return cached.Statistics;
        }

        var metadata = await OnAliasAsync(() => ReadMetadataAsync(_alias, AllBut(PayloadField.Documents), cancellationToken)).ConfigureAwait(false) ?? throw NoIndex();
        if (metadata.AverageLength is not { } averageLength)
        {
            return null;
        }

        var frequencies = metadata.UnigramDocumentFrequencies ?? new Dictionary<string, int>();
        var statistics = new IndexStatistics(metadata.ChunkCount, averageLength, term => frequencies.GetValueOrDefault(term));
        _indexStatistics = new CachedIndexStatistics(metadata.IndexVersion, metadata.ContentHash, statistics);
        return statistics;
    }

    /// <inheritdoc />
    public Task<byte[]?> GetDenseModelStateAsync(CancellationToken cancellationToken = default) =>
        OnAliasAsync<byte[]?>(async () =>
        {
            var parts = new List<DenseModelPartPayload>();
            await foreach (var point in _client.ScrollAllAsync(_alias, Keyword(PayloadField.Kind, PointKind.DenseModel), All, pageSize: 4, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                parts.Add(QdrantPayloadJson.Read<DenseModelPartPayload>(point.Payload));
            }

            if (parts.Count == 0)
            {
                return null;
            }

            if (parts.Select(p => p.Part).Order().SequenceEqual(Enumerable.Range(0, parts[0].Parts)) is false || parts.Any(p => p.IndexVersion != parts[0].IndexVersion))
            {
                throw new QdrantException($"The dense model stored behind '{_alias}' is incomplete ({parts.Count} of {parts[0].Parts} parts).");
            }

            return parts.OrderBy(p => p.Part).SelectMany(p => Convert.FromBase64String(p.Data)).ToArray();
        });

    /// <inheritdoc />
    public Task<IReadOnlyList<CorpusDocument>> ListDocumentsAsync(CancellationToken cancellationToken = default) =>
        OnAliasAsync<IReadOnlyList<CorpusDocument>>(async () =>
        {
            var documents = new List<CorpusDocument>();
            await foreach (var point in _client.ScrollAllAsync(_alias, Keyword(PayloadField.Kind, PointKind.Document), Only(PayloadField.Document), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                documents.Add(QdrantPayloadJson.Read<DocumentPayload>(point.Payload).Document ?? throw new QdrantException($"A document point of '{_alias}' has no document."));
            }

            return documents.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        });

    /// <inheritdoc />
    public Task<CorpusDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken = default) =>
        OnAliasAsync(async () =>
        {
            var filter = Keyword(PayloadField.Kind, PointKind.Document) & Keyword(PayloadField.DocumentId, documentId);
            var page = await _client.ScrollAsync(_alias, filter, 1, Only(PayloadField.Document), cancellationToken: cancellationToken).ConfigureAwait(false);
            return page.Result.Count == 0 ? null : QdrantPayloadJson.Read<DocumentPayload>(page.Result[0].Payload).Document;
        });

    /// <inheritdoc />
    public Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default) =>
        OnAliasAsync<IReadOnlyList<Chunk>>(async () =>
        {
            var chunks = new List<Chunk>();
            var filter = Keyword(PayloadField.Kind, PointKind.Chunk) & Keyword(PayloadField.DocumentId, documentId);
            await foreach (var point in _client.ScrollAllAsync(_alias, filter, AllBut(PayloadField.Document, PayloadField.Unigrams), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                chunks.Add(ChunkPayload.Read(point.Payload).ToChunk());
            }

            return chunks.OrderBy(c => c.Ordinal).ToList();
        });

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListProvincesAsync(CancellationToken cancellationToken = default)
    {
        var info = await GetInfoAsync(cancellationToken).ConfigureAwait(false) ?? throw NoIndex();
        if (_provinces is { } cached && cached.Version == info.Version && cached.ContentHash == info.ContentHash)
        {
            return cached.Provinces;
        }

        var points = await OnAliasAsync(() => _client.RetrieveAsync(_alias, [MetadataPointId], Only(PayloadField.Provinces), cancellationToken)).ConfigureAwait(false);
        var provinces = points.Count == 0 ? [] : QdrantPayloadJson.Read<ProvincesPayload>(points[0].Payload).Provinces ?? [];
        _provinces = new CachedProvinces(info.Version, info.ContentHash, provinces);
        return provinces;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _gate.Dispose();
        _client.Dispose();
    }

    /// <summary>The point id of a chunk: a UUID v5 of its id, so re-writing a chunk overwrites its point.</summary>
    internal static Guid ChunkPointId(string chunkId) => UuidV5.Create(ChunkNamespace, chunkId);

    /// <summary>
    /// The points of a build or update: chunks (a document's first also holds the document), then documents without
    /// chunks. <paramref name="version"/> is the collection's build, <paramref name="revision"/> the writing one.
    /// </summary>
    private static List<PointStruct> Points(IReadOnlyList<CorpusDocument> documents, IReadOnlyList<IndexedChunk> chunks, Bm25SparseEncoder encoder, long version, long revision)
    {
        var byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var points = new List<PointStruct>(chunks.Count + 1);
        foreach (var indexed in chunks)
        {
            var chunk = indexed.Chunk;
            var document = byId.GetValueOrDefault(chunk.DocumentId);
            var isFirst = document is not null && seen.Add(chunk.DocumentId);
            points.Add(new PointStruct
            {
                Id = ChunkPointId(chunk.Id),
                Vectors = Vectors(encoder.Document(indexed.Terms), indexed.Vector),
                Payload = { ChunkPayload.From(indexed, document, isFirst, version, revision).ToPayload() },
            });
        }

        foreach (var document in documents.Where(d => !seen.Contains(d.Id)))
        {
            points.Add(VectorlessPoint(UuidV5.Create(DocumentNamespace, document.Id), new DocumentPayload(document, [PointKind.Document], document.Id, version, revision)));
        }

        return points;
    }

    /// <summary>The commit-record entry of every document id of a set of documents and chunks.</summary>
    private static Dictionary<string, DocumentEntry> Entries(IReadOnlyList<CorpusDocument> documents, IReadOnlyList<StoredChunk> chunks)
    {
        var byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var groups = chunks.GroupBy(c => c.Chunk.DocumentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return ContentDigest.PerDocument(documents, chunks).ToDictionary(
            d => d.Key,
            d =>
            {
                var document = byId.GetValueOrDefault(d.Key);
                var own = groups.GetValueOrDefault(d.Key) ?? [];
                return new DocumentEntry(document?.SourcePath, document?.ContentHash, own.Count, own.Sum(c => (long)c.Length), d.Value);
            },
            StringComparer.Ordinal);
    }

    private async Task<IndexMetadataPayload> BuildAsync(
        string collection, long version, DenseModel? dense, Func<string, long, CancellationToken, Task<IndexMetadataPayload>> fill, CancellationToken cancellationToken)
    {
        try
        {
            await _client.CreateCollectionAsync(collection, SparseVectorName, DenseVectorName, dense?.Dimensions, cancellationToken).ConfigureAwait(false);
            var features = await _client.GetFeaturesAsync(cancellationToken).ConfigureAwait(false);
            if (!features.TenantIndex)
            {
                QdrantLog.TenantIndexUnsupported(_logger, collection);
            }

            foreach (var (field, type, parameters) in PayloadIndexes(features))
            {
                await _client.CreatePayloadIndexAsync(collection, field, type, parameters, cancellationToken).ConfigureAwait(false);
            }

            var metadata = await fill(collection, version, cancellationToken).ConfigureAwait(false);
            foreach (var part in DenseModelParts(dense?.State, version))
            {
                // One part per request: each is about a megabyte.
                await _client.UpsertAsync(collection, [part], cancellationToken).ConfigureAwait(false);
            }

            // The metadata point goes last: a collection that has one was filled completely.
            await _client.UpsertAsync(collection, [VectorlessPoint(MetadataPointId, metadata)], cancellationToken).ConfigureAwait(false);
            await VerifyCountsAsync(collection, metadata.DocumentCount, metadata.ChunkCount, null, $"the alias '{_alias}' was not switched", cancellationToken).ConfigureAwait(false);
            await _client.SwapAliasAsync(_alias, collection, cancellationToken).ConfigureAwait(false);
            return metadata;
        }
        catch (Exception ex)
        {
            // A creation that failed may have happened all the same (in a cluster it waits for every node, and times
            // out while one is down): the name is this build's alone, so whatever exists under it goes.
            QdrantLog.BuildFailed(_logger, collection, _alias, ex.Message);
            await TryDeleteAsync(collection).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Checks that the collection holds the expected number of document and chunk points (and, when given, that
    /// the chunks just scanned were as many); else throws, saying what was not done.
    /// </summary>
    private async Task VerifyCountsAsync(string collection, int documents, int chunks, int? scannedChunks, string consequence, CancellationToken cancellationToken)
    {
        var chunkPoints = await _client.CountAsync(collection, Keyword(PayloadField.Kind, PointKind.Chunk), cancellationToken).ConfigureAwait(false);
        var documentPoints = await _client.CountAsync(collection, Keyword(PayloadField.Kind, PointKind.Document), cancellationToken).ConfigureAwait(false);
        if (chunkPoints != chunks || documentPoints != documents || (scannedChunks is { } scanned && scanned != chunks))
        {
            throw new QdrantException(
                $"Collection '{collection}' holds {chunkPoints} chunk points and {documentPoints} document points instead of {chunks} and {documents} " +
                $"(are chunk and document ids unique?); {consequence}.");
        }
    }

    /// <summary>Why the commit record does not allow an update in place, or null when it does.</summary>
    private string? CannotUpdate(IndexMetadataPayload metadata) => metadata switch
    {
        { Documents: null } or { Revision: null } or { AverageLength: null } => "it was built before incremental updates existed",
        _ when metadata.Bm25K1 != _bm25.K1 || metadata.Bm25B != _bm25.B =>
            $"its vectors use BM25 k1={metadata.Bm25K1}, b={metadata.Bm25B}, the configuration k1={_bm25.K1}, b={_bm25.B}",
        _ => null,
    };

    /// <summary>The documents of points a killed update wrote after the last commit, and the highest revision any point carries.</summary>
    private async Task<(IReadOnlySet<string> Documents, long HighestRevision)> UncommittedAsync(string collection, IndexMetadataPayload metadata, CancellationToken cancellationToken)
    {
        var committed = metadata.Revision!.Value;
        Filter filter = Conditions.Range(PayloadField.Revision, new global::Qdrant.Client.Grpc.Range { Gt = committed });
        var documents = new HashSet<string>(StringComparer.Ordinal);
        var highest = committed;
        await foreach (var point in _client.ScrollAllAsync(collection, filter, Only(PayloadField.DocumentId, PayloadField.Revision), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var state = PointStatePayload.Read(point.Payload);
            if (state.DocumentId is { } id)
            {
                documents.Add(id);
            }

            highest = Math.Max(highest, state.Revision ?? committed);
        }

        if (documents.Count > 0)
        {
            QdrantLog.UncommittedFound(_logger, collection, documents.Count);
        }

        return (documents, highest);
    }

    /// <summary>The term statistics and the provinces of the collection as it is now, read from every chunk's stored terms and province.</summary>
    private async Task<(TermStatistics Statistics, IReadOnlyList<string> Provinces)> RecountAsync(string collection, long version, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var provinces = new List<string?>();
        var chunks = 0;
        await foreach (var point in _client.ScrollAllAsync(collection, Keyword(PayloadField.Kind, PointKind.Chunk), Only(PayloadField.Unigrams, PayloadField.Province), pageSize: 1024, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var state = PointStatePayload.Read(point.Payload);
            chunks++;
            provinces.Add(state.Province);
            foreach (var term in state.Unigrams)
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }
        }

        return (new TermStatistics(version, chunks, counts), ProvincesOf(provinces));
    }

    private static List<string> ProvincesOf(IEnumerable<string?> provinces) =>
        provinces.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static PointStruct VectorlessPoint(Guid id, object payload) =>
        new() { Id = id, Vectors = NoVectors(), Payload = { QdrantPayloadJson.Write(payload) } };

    // Cleanup must not hide the error that caused it, and runs even when the build was cancelled. A collection the
    // alias points to (a switch that went through although its answer was lost) is never deleted.
    private async Task TryDeleteAsync(string collection)
    {
        try
        {
            if (await _client.GetAliasTargetAsync(_alias, CancellationToken.None).ConfigureAwait(false) != collection)
            {
                await _client.DeleteCollectionAsync(collection, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is QdrantException or IndexUnavailableException)
        {
            QdrantLog.DeleteFailed(_logger, collection, ex.Message);
        }
    }

    // One more than any build number in use, so that a collection left behind by a crashed build is never reused.
    private long NextVersion(IEnumerable<string> collections) => collections.Select(BuildNumber).DefaultIfEmpty(0).Max() + 1;

    /// <summary>The build number of one of this alias's collections, or 0 for any other collection.</summary>
    private long BuildNumber(string collection) =>
        _versionName.Match(collection) is { Success: true } match ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    private static IEnumerable<PointStruct> DenseModelParts(byte[]? state, long version)
    {
        var parts = state is null ? 0 : (state.Length + DenseModelPartBytes - 1) / DenseModelPartBytes;
        for (var part = 0; part < parts; part++)
        {
            var bytes = state.AsSpan(part * DenseModelPartBytes, Math.Min(DenseModelPartBytes, state!.Length - (part * DenseModelPartBytes)));
            yield return VectorlessPoint(
                UuidV5.Create(DenseModelNamespace, part.ToString(CultureInfo.InvariantCulture)),
                new DenseModelPartPayload([PointKind.DenseModel], version, part, parts, Convert.ToBase64String(bytes)));
        }
    }

    private async Task<IndexMetadataPayload?> ReadMetadataAsync(string collection, WithPayloadSelector payload, CancellationToken cancellationToken)
    {
        var points = await _client.RetrieveAsync(collection, [MetadataPointId], payload, cancellationToken).ConfigureAwait(false);
        return points.Count == 0 ? null : QdrantPayloadJson.Read<IndexMetadataPayload>(points[0].Payload);
    }

    /// <summary>
    /// The term statistics of build <paramref name="version"/>, or null when the alias now holds another build.
    /// Cached, and read again once older than <see cref="StatisticsMaxAge"/> so that updates made by another process show.
    /// </summary>
    private async Task<TermStatistics?> StatisticsAsync(long version, CancellationToken cancellationToken)
    {
        if (_statistics is { } cached && cached.Statistics.Version == version && _time.GetUtcNow() - cached.ReadAt < StatisticsMaxAge)
        {
            return cached.Statistics;
        }

        var metadata = await OnAliasAsync(() => ReadMetadataAsync(_alias, AllBut(PayloadField.Documents), cancellationToken)).ConfigureAwait(false)
            ?? throw new IndexUnavailableException($"The Qdrant collection behind '{_alias}' has no index metadata: it was not built by this service. Run 'ingest'.");
        if (metadata.IndexVersion != version)
        {
            return null;
        }

        var statistics = new TermStatistics(version, metadata.ChunkCount, metadata.UnigramDocumentFrequencies ?? new Dictionary<string, int>());
        _statistics = new CachedStatistics(statistics, _time.GetUtcNow());
        return statistics;
    }

    private async Task<T> OnAliasAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (QdrantException ex) when (ex.Status == StatusCode.NotFound)
        {
            throw NoIndex(ex);
        }
    }

    private sealed record CachedIndexStatistics(long Version, string ContentHash, IndexStatistics Statistics);

    private sealed record CachedProvinces(long Version, string ContentHash, IReadOnlyList<string> Provinces);

    private IndexUnavailableException NoIndex(Exception? inner = null) =>
        new($"No index has been built in Qdrant yet (alias '{_alias}' does not exist): run 'ingest', or wait for the service to finish its first ingestion.", inner);

    private static StoredChunk Store(IndexedChunk chunk) => new(chunk.Chunk, chunk.Terms.Frequencies, chunk.Terms.Length, chunk.Vector);

    private sealed record CachedStatistics(TermStatistics Statistics, DateTimeOffset ReadAt);
}
