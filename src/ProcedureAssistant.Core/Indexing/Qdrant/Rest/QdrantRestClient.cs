using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ProcedureAssistant.Core.Indexing.Qdrant.Rest;

/// <summary>
/// A small typed client over Qdrant's REST API (see ../shared/qdrant/REST-NOTES.md): what a RAG service needs and
/// nothing more. Every call checks the server version once (1.10 or later), sends the <c>api-key</c> header when a
/// key is configured, retries with exponential backoff on connection errors and on 408, 429 and 503 only, and turns
/// any other error answer into a <see cref="QdrantException"/> that carries the status and Qdrant's error text.
/// A server that cannot be reached gives an <see cref="IndexUnavailableException"/>. Thread-safe.
/// </summary>
internal sealed class QdrantRestClient
{
    private const string ApiKeyHeader = "api-key";
    private const int MaxErrorLength = 1000;
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly QdrantOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _baseUrl;
    private readonly Uri _url;
    private volatile QdrantServerInfo? _server;

    public QdrantRestClient(HttpClient http, Uri url, QdrantOptions options, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _url = url;
        _baseUrl = url.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    /// <summary>The server's base URL.</summary>
    public Uri Url => _url;

    /// <summary>The server's name and version (<c>GET /</c>, no envelope, no key needed).</summary>
    public async Task<QdrantServerInfo> GetServerInfoAsync(CancellationToken cancellationToken = default)
    {
        using var document = await SendAsync(HttpMethod.Get, "/", body: null, checkServer: false, cancellationToken).ConfigureAwait(false);
        return document.Deserialize<QdrantServerInfo>(QdrantJson.Options)
            ?? throw new RestQdrantException($"Qdrant at {Url} answered GET / without a version.");
    }

    /// <summary>The server's version (checked once, then cached), to gate features such as <c>{"rrf":{"k":..}}</c> (1.16+).</summary>
    public async Task<Version> GetServerVersionAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSupportedServerAsync(cancellationToken).ConfigureAwait(false);
        return ParseVersion(_server!.Version)!;
    }

    public async Task<bool> CollectionExistsAsync(string collection, CancellationToken cancellationToken = default) =>
        (await SendForResultAsync<CollectionExistence>(HttpMethod.Get, $"/collections/{Escape(collection)}/exists", null, cancellationToken).ConfigureAwait(false)).Exists;

    public async Task<IReadOnlyList<string>> ListCollectionsAsync(CancellationToken cancellationToken = default) =>
        (await SendForResultAsync<CollectionList>(HttpMethod.Get, "/collections", null, cancellationToken).ConfigureAwait(false))
            .Collections.Select(c => c.Name).ToList();

    /// <summary>
    /// Creates a collection with the named sparse vector <paramref name="sparseVector"/> (IDF modifier) and, when
    /// <paramref name="denseDimension"/> is given, the named cosine dense vector <paramref name="denseVector"/>.
    /// </summary>
    public Task CreateCollectionAsync(string collection, string sparseVector, string denseVector = "dense", int? denseDimension = null, CancellationToken cancellationToken = default)
    {
        var body = new CreateCollectionRequest(
            denseDimension is { } size ? new Dictionary<string, DenseVectorParams> { [denseVector] = new(size, "Cosine") } : null,
            new Dictionary<string, SparseVectorParams> { [sparseVector] = new("idf") });
        return SendForResultAsync<bool>(HttpMethod.Put, $"/collections/{Escape(collection)}?timeout={Seconds(_options.Timeout)}", body, cancellationToken);
    }

    /// <summary>Deletes a collection; false when there was none. An alias name deletes nothing.</summary>
    public async Task<bool> DeleteCollectionAsync(string collection, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SendForResultAsync<bool>(HttpMethod.Delete, $"/collections/{Escape(collection)}?timeout={Seconds(_options.Timeout)}", null, cancellationToken).ConfigureAwait(false);
        }
        catch (RestQdrantException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Indexes a payload field (<see cref="PayloadSchemaType"/>); repeating it is harmless.</summary>
    public Task CreatePayloadIndexAsync(string collection, string field, string schema, CancellationToken cancellationToken = default) =>
        SendForResultAsync<UpdateResult>(HttpMethod.Put, $"/collections/{Escape(collection)}/index?wait=true", new CreateFieldIndexRequest(field, schema), cancellationToken);

    /// <summary>
    /// Writes the points in batches of <see cref="QdrantOptions.BatchSize"/>, each confirmed (<c>wait=true</c>) before
    /// the next. Ids are deterministic, so a batch sent twice (after a retry) leaves the same points.
    /// </summary>
    public async Task UpsertAsync(string collection, IReadOnlyList<PointStruct> points, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        foreach (var batch in points.Chunk(_options.BatchSize))
        {
            await SendForResultAsync<UpdateResult>(HttpMethod.Put, $"/collections/{Escape(collection)}/points?wait=true", new UpsertRequest(batch), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<PointRecord<TPayload>>> QueryAsync<TPayload>(string collection, QueryRequest query, CancellationToken cancellationToken = default) =>
        (await SendForResultAsync<QueryResult<TPayload>>(HttpMethod.Post, $"/collections/{Escape(collection)}/points/query", query, cancellationToken).ConfigureAwait(false)).Points;

    public Task DeleteAsync(string collection, QdrantFilter filter, CancellationToken cancellationToken = default) =>
        SendForResultAsync<UpdateResult>(HttpMethod.Post, $"/collections/{Escape(collection)}/points/delete?wait=true", new DeleteByFilterRequest(filter), cancellationToken);

    public Task<ScrollResult<TPayload>> ScrollAsync<TPayload>(string collection, ScrollRequest request, CancellationToken cancellationToken = default) =>
        SendForResultAsync<ScrollResult<TPayload>>(HttpMethod.Post, $"/collections/{Escape(collection)}/points/scroll", request, cancellationToken);

    /// <summary>Every point that matches the filter, page by page (points come in id order).</summary>
    public async IAsyncEnumerable<PointRecord<TPayload>> ScrollAllAsync<TPayload>(
        string collection, QdrantFilter? filter, object? withPayload, int pageSize = 256, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        JsonElement? offset = null;
        do
        {
            var page = await ScrollAsync<TPayload>(collection, new ScrollRequest(filter, pageSize, withPayload, Offset: offset), cancellationToken).ConfigureAwait(false);
            foreach (var point in page.Points)
            {
                yield return point;
            }

            offset = page.NextPageOffset is { ValueKind: not JsonValueKind.Null } next ? next : null;
        }
        while (offset is not null);
    }

    public async Task<long> CountAsync(string collection, QdrantFilter? filter, CancellationToken cancellationToken = default) =>
        (await SendForResultAsync<CountResult>(HttpMethod.Post, $"/collections/{Escape(collection)}/points/count", new CountRequest(filter), cancellationToken).ConfigureAwait(false)).Count;

    public async Task<IReadOnlyList<PointRecord<TPayload>>> RetrieveAsync<TPayload>(string collection, IReadOnlyList<Guid> ids, object? withPayload, CancellationToken cancellationToken = default) =>
        await SendForResultAsync<List<PointRecord<TPayload>>>(HttpMethod.Post, $"/collections/{Escape(collection)}/points", new RetrieveRequest(ids, withPayload), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<AliasDescription>> ListAliasesAsync(CancellationToken cancellationToken = default) =>
        (await SendForResultAsync<AliasList>(HttpMethod.Get, "/aliases", null, cancellationToken).ConfigureAwait(false)).Aliases;

    /// <summary>The collection the alias points to, or null when there is no such alias.</summary>
    public async Task<string?> GetAliasTargetAsync(string alias, CancellationToken cancellationToken = default) =>
        (await ListAliasesAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(a => a.AliasName == alias)?.CollectionName;

    /// <summary>Points <paramref name="alias"/> at <paramref name="collection"/> in one atomic step (remove, then create).</summary>
    public Task SwapAliasAsync(string alias, string collection, CancellationToken cancellationToken = default) =>
        SendForResultAsync<bool>(
            HttpMethod.Post,
            $"/collections/aliases?timeout={Seconds(_options.Timeout)}",
            new ChangeAliasesRequest([new AliasAction(DeleteAlias: new DeleteAlias(alias)), new AliasAction(CreateAlias: new CreateAlias(collection, alias))]),
            cancellationToken);

    /// <summary>Takes a snapshot of the collection on the server's disk and waits for it.</summary>
    public Task<SnapshotDescription> CreateSnapshotAsync(string collection, CancellationToken cancellationToken = default) =>
        SendForResultAsync<SnapshotDescription>(HttpMethod.Post, $"/collections/{Escape(collection)}/snapshots?wait=true", null, cancellationToken);

    public async Task<IReadOnlyList<SnapshotDescription>> ListSnapshotsAsync(string collection, CancellationToken cancellationToken = default) =>
        await SendForResultAsync<List<SnapshotDescription>>(HttpMethod.Get, $"/collections/{Escape(collection)}/snapshots", null, cancellationToken).ConfigureAwait(false);

    /// <summary>Deletes a snapshot file; deleting a collection leaves its snapshots on disk.</summary>
    public Task DeleteSnapshotAsync(string collection, string snapshot, CancellationToken cancellationToken = default) =>
        SendForResultAsync<bool>(HttpMethod.Delete, $"/collections/{Escape(collection)}/snapshots/{Escape(snapshot)}?wait=true", null, cancellationToken);

    private static string Escape(string name) => Uri.EscapeDataString(name);

    private static string Seconds(TimeSpan timeout) => ((long)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private async Task<T> SendForResultAsync<T>(HttpMethod method, string pathAndQuery, object? body, CancellationToken cancellationToken)
    {
        using var document = await SendAsync(method, pathAndQuery, body, checkServer: true, cancellationToken).ConfigureAwait(false);
        var envelope = document.Deserialize<QdrantEnvelope<T>>(QdrantJson.Options);
        if (envelope is null || envelope.Status.ValueKind == JsonValueKind.Object || envelope.Result is null)
        {
            throw new RestQdrantException(HttpStatusCode.OK, method.Method, PathOf(pathAndQuery), ErrorText(document.RootElement.GetRawText()));
        }

        return envelope.Result;
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, string pathAndQuery, object? body, bool checkServer, CancellationToken cancellationToken)
    {
        if (checkServer)
        {
            await EnsureSupportedServerAsync(cancellationToken).ConfigureAwait(false);
        }

        var content = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), QdrantJson.Options);
        var path = PathOf(pathAndQuery);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, _baseUrl + pathAndQuery);
            if (!string.IsNullOrEmpty(_options.ApiKey))
            {
                request.Headers.Add(ApiKeyHeader, _options.ApiKey);
            }

            if (content is not null)
            {
                request.Content = new ByteArrayContent(content);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            HttpStatusCode status;
            string text;
            TimeSpan? retryAfter;
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                status = response.StatusCode;
                retryAfter = RetryAfter(response);
                text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (IsConnectionError(ex) && attempt < _options.MaxRetries)
            {
                await BackOffAsync(method, path, ex.Message, attempt, retryAfter: null, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (HttpRequestException ex)
            {
                throw new IndexUnavailableException($"Qdrant at {Url} cannot be reached ({method} {path}): {ex.Message}", ex);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new IndexUnavailableException($"Qdrant at {Url} did not answer {method} {path} within {_options.Timeout}.", ex);
            }

            if ((int)status is >= 200 and < 300)
            {
                return ParseJson(text, method, path);
            }

            if (IsTransient(status) && attempt < _options.MaxRetries)
            {
                await BackOffAsync(method, path, $"{(int)status} {ErrorText(text)}", attempt, retryAfter, cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw new RestQdrantException(status, method.Method, path, ErrorText(text));
        }
    }

    private async Task EnsureSupportedServerAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            return;
        }

        // Concurrent first calls may both ask; the answer is the same, so no lock.
        var server = await GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        if (ParseVersion(server.Version) is not { } version)
        {
            throw new RestQdrantException($"Qdrant at {Url} reports the version '{server.Version}', which is not a version number.");
        }

        if (version < QdrantOptions.MinimumServerVersion)
        {
            throw new RestQdrantException(
                $"Qdrant {server.Version} at {Url} is too old: this service needs Qdrant {QdrantOptions.MinimumServerVersion} or later " +
                "(Query API, sparse vectors with the IDF modifier). Upgrade the server.");
        }

        QdrantLog.Connected(_logger, server.Version, Url);
        _server = server;
    }

    private static Version? ParseVersion(string text) => Version.TryParse(text.Split('-', '+')[0], out var version) ? version : null;

    private async Task BackOffAsync(HttpMethod method, string path, string reason, int attempt, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var delay = retryAfter ?? _options.RetryDelay * Math.Pow(2, attempt);
        if (delay > MaxRetryAfter)
        {
            delay = MaxRetryAfter;
        }

        QdrantLog.Retrying(_logger, method.Method + " " + path, reason, attempt + 1, _options.MaxRetries, (long)delay.TotalMilliseconds);
        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
    }

    // Only failures to connect are retried: the request never reached the server. A connection lost mid-answer
    // is not, since a non-idempotent call (creating a collection) may already have been applied.
    private static bool IsConnectionError(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? TimeSpan.FromTicks(Math.Max(0, (date - _time.GetUtcNow()).Ticks)) : null;
    }

    private static string PathOf(string pathAndQuery) => pathAndQuery.Split('?', 2)[0];

    private JsonDocument ParseJson(string text, HttpMethod method, string path)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new RestQdrantException($"Qdrant at {Url} answered {method} {path} with something that is not JSON: {Truncate(text)}", ex);
        }
    }

    /// <summary>
    /// Qdrant's error text: <c>status.error</c> of the JSON envelope, a string <c>status</c>, or the body itself
    /// (401 and some 404 answers are plain text).
    /// </summary>
    internal static string ErrorText(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "(empty answer)";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("status", out var status))
            {
                if (status.ValueKind == JsonValueKind.Object && status.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
                {
                    return error.GetString()!;
                }

                if (status.ValueKind == JsonValueKind.String)
                {
                    return "status " + status.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the plain text is the error.
        }

        return Truncate(body.Trim());
    }

    private static string Truncate(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength] + "…";
}
