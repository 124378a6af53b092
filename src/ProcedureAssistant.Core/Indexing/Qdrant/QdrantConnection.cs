using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using ClientException = Qdrant.Client.QdrantException;

namespace ProcedureAssistant.Core.Indexing.Qdrant;

/// <summary>
/// The Qdrant server as the index reaches it: the official client (<c>Qdrant.Client</c>, gRPC) plus what that client
/// does not do. On first use it asks the server's version (health check) once, refuses a server older than
/// <see cref="QdrantOptions.MinimumServerVersion"/> and keeps the <see cref="QdrantFeatures"/> that version allows.
/// Every call has the configured timeout, sends the <c>api-key</c> header when a key is configured, and is retried
/// with exponential backoff when it did not reach the server or the server refused it as unavailable or overloaded;
/// any other error becomes a <see cref="QdrantException"/> that names the operation, the status and Qdrant's error
/// text, and a server that cannot be reached gives an <see cref="IndexUnavailableException"/>. Thread-safe.
/// </summary>
internal sealed class QdrantConnection : IDisposable
{
    // Answers carry whole documents and the index metadata (every term's document frequency): far above gRPC's
    // default of 4 MB. Requests stay under the server's own limit (32 MB by default) through QdrantOptions.BatchSize.
    private const int MaxAnswerBytes = 256 << 20;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Payloads (texts, whole documents, term lists) are kept on disk and read only for the hits, as the server does
    /// by default: the client sends <c>false</c> unless told, which would hold every text in the server's memory.
    /// Indexed fields (kind, document, province, levels...) stay in memory either way.
    /// </summary>
    public const bool PayloadOnDisk = true;

    private readonly GrpcChannel _channel;
    private readonly QdrantClient _client;
    private readonly QdrantOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile QdrantFeatures? _features;

    /// <summary>A connection to the server <paramref name="options"/> names; <paramref name="interceptor"/> sees every call (tests inject faults with it).</summary>
    public QdrantConnection(QdrantOptions options, TimeProvider? time = null, ILogger? logger = null, Interceptor? interceptor = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        Endpoint = options.Endpoint ?? throw new ArgumentException("Qdrant:Endpoint is required.", nameof(options));
        _channel = GrpcChannel.ForAddress(Endpoint, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = MaxAnswerBytes,
            HttpHandler = new SocketsHttpHandler
            {
                // One long-lived HTTP/2 connection, pinged so that a server that went away is noticed before a call
                // waits on it, and renewed now and then so that a change of address behind the name shows.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                KeepAlivePingDelay = TimeSpan.FromSeconds(20),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
                EnableMultipleHttp2Connections = true,
            },
            DisposeHttpClient = true,
        });
        // The last interceptor added runs first: the key is on the call before the given interceptor sees it.
        var invoker = _channel.CreateCallInvoker();
        if (interceptor is not null)
        {
            invoker = invoker.Intercept(interceptor);
        }

        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            invoker = invoker.Intercept(metadata =>
            {
                metadata.Add("api-key", options.ApiKey);
                return metadata;
            });
        }

        _client = new QdrantClient(new QdrantGrpcClient(invoker), options.Timeout);
    }

    /// <summary>The server's gRPC address.</summary>
    public Uri Endpoint { get; }

    /// <summary>The options the connection was made with (batch size, shards, retries).</summary>
    public QdrantOptions Options => _options;

    /// <summary>What the server's version allows (checked once, then cached).</summary>
    public async Task<QdrantFeatures> GetFeaturesAsync(CancellationToken cancellationToken = default)
    {
        if (_features is { } known)
        {
            return known;
        }

        // Concurrent first calls may both ask; the answer is the same, so no lock.
        var health = await CallAsync("HealthCheck", (client, token) => client.HealthAsync(token), cancellationToken, checkServer: false).ConfigureAwait(false);
        if (QdrantFeatures.ParseVersion(health.Version) is not { } version)
        {
            throw new QdrantException($"Qdrant at {Endpoint} reports the version '{health.Version}', which is not a version number.");
        }

        if (version < QdrantOptions.MinimumServerVersion)
        {
            throw new QdrantException(
                $"Qdrant {health.Version} at {Endpoint} is too old: this service needs Qdrant {QdrantOptions.MinimumServerVersion} or later " +
                "(Query API, sparse vectors with the IDF modifier). Upgrade the server.");
        }

        QdrantLog.Connected(_logger, health.Version, Endpoint);
        var features = new QdrantFeatures(version);
        _features = features;
        return features;
    }

    public Task<IReadOnlyList<string>> ListCollectionsAsync(CancellationToken cancellationToken = default) =>
        CallAsync("ListCollections", (client, token) => client.ListCollectionsAsync(token), cancellationToken);

    /// <summary>
    /// Creates a collection with the named sparse vector <paramref name="sparseVector"/> (IDF modifier) and, when
    /// <paramref name="denseDimensions"/> is given, the named cosine dense vector <paramref name="denseVector"/>;
    /// sharded, replicated and write-confirmed as the options say. Payloads stay on disk (<see cref="PayloadOnDisk"/>).
    /// </summary>
    public Task CreateCollectionAsync(string collection, string sparseVector, string denseVector, int? denseDimensions, CancellationToken cancellationToken = default)
    {
        var dense = denseDimensions is { } size
            ? new VectorParamsMap { Map = { [denseVector] = new VectorParams { Size = (ulong)size, Distance = Distance.Cosine } } }
            : null;
        var sparse = new SparseVectorConfig { Map = { [sparseVector] = new SparseVectorParams { Modifier = Modifier.Idf } } };
        return CallAsync(
            "CreateCollection " + collection,
            (client, token) => client.CreateCollectionAsync(
                collection,
                dense,
                shardNumber: (uint)_options.Shards,
                replicationFactor: (uint)_options.ReplicationFactor,
                writeConsistencyFactor: (uint)_options.WriteConsistencyFactor,
                onDiskPayload: PayloadOnDisk,
                timeout: _options.Timeout,
                sparseVectorsConfig: sparse,
                cancellationToken: token),
            cancellationToken);
    }

    /// <summary>Deletes a collection; false when there was none. An alias name deletes nothing.</summary>
    public async Task<bool> DeleteCollectionAsync(string collection, CancellationToken cancellationToken = default)
    {
        try
        {
            await CallAsync("DeleteCollection " + collection, (client, token) => client.DeleteCollectionAsync(collection, _options.Timeout, token), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (QdrantException ex) when (ex.Status == StatusCode.NotFound || ex.InnerException is ClientException)
        {
            // The client reports "not deleted" (there was no such collection) as its own exception.
            return false;
        }
    }

    /// <summary>Indexes a payload field and waits for the index; repeating it is harmless.</summary>
    public Task CreatePayloadIndexAsync(string collection, string field, PayloadSchemaType type, PayloadIndexParams? parameters, CancellationToken cancellationToken = default) =>
        CallAsync(
            $"CreateFieldIndex {collection}.{field}",
            (client, token) => client.CreatePayloadIndexAsync(collection, field, type, parameters, wait: true, cancellationToken: token),
            cancellationToken);

    /// <summary>
    /// Writes the points in batches of <see cref="QdrantOptions.BatchSize"/>, each confirmed (<c>wait</c>) before the
    /// next. Ids are deterministic, so a batch sent twice (after a retry) leaves the same points.
    /// </summary>
    public async Task UpsertAsync(string collection, IReadOnlyList<PointStruct> points, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        foreach (var batch in points.Chunk(_options.BatchSize))
        {
            await CallAsync("Upsert " + collection, (client, token) => client.UpsertAsync(collection, batch, wait: true, cancellationToken: token), cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<IReadOnlyList<ScoredPoint>> QueryAsync(QueryPoints request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallAsync(
            "Query " + request.CollectionName,
            (client, token) => client.QueryAsync(
                request.CollectionName,
                request.Query,
                request.Prefetch,
                request.HasUsing ? request.Using : null,
                request.Filter,
                limit: request.Limit,
                payloadSelector: request.WithPayload,
                cancellationToken: token),
            cancellationToken);
    }

    public Task DeleteAsync(string collection, Filter filter, CancellationToken cancellationToken = default) =>
        CallAsync("Delete " + collection, (client, token) => client.DeleteAsync(collection, filter, wait: true, cancellationToken: token), cancellationToken);

    public Task<ScrollResponse> ScrollAsync(string collection, Filter? filter, int limit, WithPayloadSelector payload, PointId? offset = null, CancellationToken cancellationToken = default) =>
        CallAsync(
            "Scroll " + collection,
            (client, token) => client.ScrollAsync(collection, filter, (uint)limit, offset, payload, cancellationToken: token),
            cancellationToken);

    /// <summary>Every point that matches the filter, page by page (points come in id order).</summary>
    public async IAsyncEnumerable<RetrievedPoint> ScrollAllAsync(
        string collection, Filter? filter, WithPayloadSelector payload, int pageSize = 256, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        PointId? offset = null;
        do
        {
            var page = await ScrollAsync(collection, filter, pageSize, payload, offset, cancellationToken).ConfigureAwait(false);
            foreach (var point in page.Result)
            {
                yield return point;
            }

            offset = page.NextPageOffset;
        }
        while (offset is not null);
    }

    /// <summary>The exact number of points that match the filter.</summary>
    public async Task<long> CountAsync(string collection, Filter? filter, CancellationToken cancellationToken = default) =>
        (long)await CallAsync("Count " + collection, (client, token) => client.CountAsync(collection, filter, exact: true, cancellationToken: token), cancellationToken).ConfigureAwait(false);

    public Task<IReadOnlyList<RetrievedPoint>> RetrieveAsync(string collection, IReadOnlyList<PointId> ids, WithPayloadSelector payload, CancellationToken cancellationToken = default) =>
        CallAsync(
            "Get " + collection,
            (client, token) => client.RetrieveAsync(collection, ids, payload, new WithVectorsSelector { Enable = false }, cancellationToken: token),
            cancellationToken);

    /// <summary>The collection the alias points to, or null when there is no such alias.</summary>
    public async Task<string?> GetAliasTargetAsync(string alias, CancellationToken cancellationToken = default) =>
        (await CallAsync("ListAliases", (client, token) => client.ListAliasesAsync(token), cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(a => a.AliasName == alias)?.CollectionName;

    /// <summary>Points <paramref name="alias"/> at <paramref name="collection"/> in one atomic step (remove, then create).</summary>
    public Task SwapAliasAsync(string alias, string collection, CancellationToken cancellationToken = default) =>
        CallAsync(
            $"UpdateAliases {alias} -> {collection}",
            (client, token) => client.UpdateAliasesAsync(
                [
                    new AliasOperations { DeleteAlias = new DeleteAlias { AliasName = alias } },
                    new AliasOperations { CreateAlias = new CreateAlias { CollectionName = collection, AliasName = alias } },
                ],
                _options.Timeout,
                token),
            cancellationToken);

    public void Dispose()
    {
        _client.Dispose();
        _channel.Dispose();
    }

    private async Task CallAsync(string operation, Func<QdrantClient, CancellationToken, Task> call, CancellationToken cancellationToken) =>
        await CallAsync<bool>(
            operation,
            async (client, token) =>
            {
                await call(client, token).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);

    private async Task<T> CallAsync<T>(string operation, Func<QdrantClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken, bool checkServer = true)
    {
        if (checkServer)
        {
            await GetFeaturesAsync(cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call(_client, cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException ex) when (IsTransient(ex) && attempt < _options.MaxRetries)
            {
                await BackOffAsync(operation, Describe(ex), attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException($"{operation} was cancelled.", ex, cancellationToken);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable)
            {
                throw new IndexUnavailableException($"Qdrant at {Endpoint} cannot be reached ({operation}): {Describe(ex)}", ex);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.DeadlineExceeded)
            {
                throw new IndexUnavailableException($"Qdrant at {Endpoint} did not answer {operation} within {_options.Timeout}.", ex);
            }
            catch (RpcException ex)
            {
                throw new QdrantException(ex.StatusCode, operation, ex.Status.Detail, ex);
            }
            catch (ClientException ex)
            {
                throw new QdrantException($"Qdrant did not carry out {operation}: {ex.Message}", ex);
            }
        }
    }

    private async Task BackOffAsync(string operation, string reason, int attempt, CancellationToken cancellationToken)
    {
        var delay = _options.RetryDelay * Math.Pow(2, attempt);
        if (delay > MaxRetryDelay)
        {
            delay = MaxRetryDelay;
        }

        QdrantLog.Retrying(_logger, operation, reason, attempt + 1, _options.MaxRetries, (long)delay.TotalMilliseconds);
        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether a failed call may be sent again: the server said it is overloaded, or unavailable for now (a shard
    /// still loading, a node restarting), or the call never reached it (the connection was refused). A connection
    /// lost while the server may have been working on the call is not retried, since a call that is not idempotent
    /// (creating a collection) may already have been carried out.
    /// </summary>
    internal static bool IsTransient(RpcException exception) => exception.StatusCode switch
    {
        StatusCode.ResourceExhausted => true,
        StatusCode.Unavailable => exception.Status.DebugException switch
        {
            null => true,
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
            SocketException => true,
            _ => false,
        },
        _ => false,
    };

    private static string Describe(RpcException exception) =>
        exception.Status.DebugException is { } cause ? $"{exception.StatusCode}: {cause.Message}" : $"{exception.StatusCode}: {exception.Status.Detail}";
}
