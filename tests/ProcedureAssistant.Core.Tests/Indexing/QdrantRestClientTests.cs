using System.Net;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Qdrant;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>
/// Retries, errors and the version gate of the REST client, with a fake handler and canned answers; then the
/// calls the index does not make itself (snapshots, delete by filter, paging) against the real server.
/// </summary>
public sealed class QdrantRestClientTests : IAsyncDisposable
{
    private const string CountPath = "/collections/docs/points/count";

    private readonly QdrantOptions _options = QdrantTestServer.Options();
    private readonly List<string> _collections = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_503ThenOk_IsRetried()
    {
        var answers = new Queue<HttpResponseMessage>([RecordingHandler.Error(HttpStatusCode.ServiceUnavailable, "Service unavailable: shard not ready"), RecordingHandler.Ok("""{"count":7}""")]);
        var (client, handler) = Fake(request => request.Path == "/" ? RecordingHandler.Root() : answers.Dequeue());

        var count = await client.CountAsync("docs", null, Token);

        Assert.Equal(7, count);
        Assert.Equal(["/", CountPath, CountPath], handler.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Send_ConnectionRefusedThenOk_IsRetried()
    {
        var refused = 0;
        var (client, handler) = Fake(request => request.Path switch
        {
            "/" => RecordingHandler.Root(),
            _ when Interlocked.Increment(ref refused) == 1 => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:6333)"),
            _ => RecordingHandler.Ok("""{"count":3}"""),
        });

        Assert.Equal(3, await client.CountAsync("docs", null, Token));
        Assert.Equal(["/", CountPath, CountPath], handler.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Send_400_IsNotRetriedAndCarriesQdrantsError()
    {
        var (client, handler) = Fake(request => request.Path == "/"
            ? RecordingHandler.Root()
            : RecordingHandler.Error(HttpStatusCode.BadRequest, "Wrong input: Vector dimension error: expected dim: 384, got 3"));

        var error = await Assert.ThrowsAsync<QdrantException>(() => client.CountAsync("docs", null, Token));

        Assert.Equal(
            "Qdrant answered 400 BadRequest to POST /collections/docs/points/count: Wrong input: Vector dimension error: expected dim: 384, got 3",
            error.Message);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(["/", CountPath], handler.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Send_401PlainText_CarriesTheText()
    {
        var (client, _) = Fake(request => request.Path == "/"
            ? RecordingHandler.Root()
            : new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("Must provide an API key or an Authorization bearer token") });

        var error = await Assert.ThrowsAsync<QdrantException>(() => client.ListAliasesAsync(Token));

        Assert.Equal("Qdrant answered 401 Unauthorized to GET /aliases: Must provide an API key or an Authorization bearer token", error.Message);
    }

    [Fact]
    public async Task Send_503EveryTime_GivesUpAfterTheConfiguredRetries()
    {
        var (client, handler) = Fake(request => request.Path == "/" ? RecordingHandler.Root() : RecordingHandler.Error(HttpStatusCode.ServiceUnavailable, "already_in_progress"), maxRetries: 2);

        var error = await Assert.ThrowsAsync<QdrantException>(() => client.CountAsync("docs", null, Token));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, handler.Requests.Count(r => r.Path == CountPath));
    }

    [Fact]
    public async Task Send_WithAnApiKey_SendsItOnEveryRequest()
    {
        var (client, handler) = Fake(request => request.Path == "/" ? RecordingHandler.Root() : RecordingHandler.Ok("""{"aliases":[]}"""), apiKey: "s3cret");

        await client.ListAliasesAsync(Token);

        Assert.Equal(["s3cret", "s3cret"], handler.Requests.Select(r => r.ApiKey));
    }

    [Fact]
    public async Task FirstUse_ServerOlderThan110_IsRefused()
    {
        var (client, handler) = Fake(_ => RecordingHandler.Root("1.9.7"));

        var error = await Assert.ThrowsAsync<QdrantException>(() => client.ListAliasesAsync(Token));

        Assert.Equal(
            "Qdrant 1.9.7 at http://qdrant.test:6333/ is too old: this service needs Qdrant 1.10 or later (Query API, sparse vectors with the IDF modifier). Upgrade the server.",
            error.Message);
        Assert.Equal(["/"], handler.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task FirstUse_SupportedServer_IsCheckedOnce()
    {
        var (client, handler) = Fake(request => request.Path == "/" ? RecordingHandler.Root("1.16.3") : RecordingHandler.Ok("""{"aliases":[]}"""));

        await client.ListAliasesAsync(Token);
        await client.ListAliasesAsync(Token);

        Assert.Equal(["/", "/aliases", "/aliases"], handler.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Snapshots_CreateListDelete_FollowTheSnapshotFile()
    {
        await QdrantTestServer.RequireAsync();
        var client = QdrantTestServer.Client(_options);
        var collection = await CreateAsync(client);

        var snapshot = await client.CreateSnapshotAsync(collection, Token);
        var listed = await client.ListSnapshotsAsync(collection, Token);
        await client.DeleteSnapshotAsync(collection, snapshot.Name, Token);

        Assert.StartsWith(collection + "-", snapshot.Name, StringComparison.Ordinal);
        Assert.Equal(64, snapshot.Checksum?.Length);
        Assert.Equal([snapshot.Name], listed.Select(s => s.Name));
        Assert.Empty(await client.ListSnapshotsAsync(collection, Token));
    }

    [Fact]
    public async Task DeleteByFilter_RemovesOnlyTheMatchingPoints()
    {
        await QdrantTestServer.RequireAsync();
        var client = QdrantTestServer.Client(_options);
        var collection = await CreateAsync(client);
        await client.UpsertAsync(collection, Points(5), Token);

        await client.DeleteAsync(collection, QdrantFilter.All(QdrantFilter.Match("document_id", "d1")), Token);

        Assert.Equal(3, await client.CountAsync(collection, null, Token));
        Assert.Equal(0, await client.CountAsync(collection, QdrantFilter.All(QdrantFilter.Match("document_id", "d1")), Token));
    }

    [Fact]
    public async Task ScrollAll_PagesSmallerThanTheCollection_ReturnsEveryPointOnce()
    {
        await QdrantTestServer.RequireAsync();
        var client = QdrantTestServer.Client(_options);
        var collection = await CreateAsync(client);
        var points = Points(7);
        await client.UpsertAsync(collection, points, Token);

        var read = new List<Guid>();
        await foreach (var point in client.ScrollAllAsync<object>(collection, null, false, pageSize: 3, cancellationToken: Token))
        {
            read.Add(point.Id.GetGuid());
        }

        Assert.Equal(points.Select(p => p.Id).Order(), read.Order());
    }

    [Fact]
    public async Task CollectionExists_BeforeAndAfterCreate_SaysSo()
    {
        await QdrantTestServer.RequireAsync();
        var client = QdrantTestServer.Client(_options);
        var name = _options.Collection + "-v1";

        Assert.False(await client.CollectionExistsAsync(name, Token));
        await CreateAsync(client);
        Assert.True(await client.CollectionExistsAsync(name, Token));
    }

    public async ValueTask DisposeAsync()
    {
        if (_collections.Count > 0)
        {
            await QdrantTestServer.DeleteBuildsAsync(_options);
        }
    }

    private static (QdrantRestClient Client, RecordingHandler Handler) Fake(Func<RecordedRequest, HttpResponseMessage?> answer, int maxRetries = 3, string? apiKey = null)
    {
        var handler = new RecordingHandler(answer);
        var options = new QdrantOptions { Url = new Uri("http://qdrant.test:6333"), ApiKey = apiKey, MaxRetries = maxRetries, RetryDelay = TimeSpan.FromMilliseconds(1) };
        return (new QdrantRestClient(new HttpClient(handler), options), handler);
    }

    private async Task<string> CreateAsync(QdrantRestClient client)
    {
        var name = _options.Collection + "-v1";
        _collections.Add(name);
        await client.CreateCollectionAsync(name, QdrantChunkIndex.SparseVectorName, cancellationToken: Token);
        await client.CreatePayloadIndexAsync(name, "document_id", PayloadSchemaType.Keyword, Token);
        return name;
    }

    private static List<PointStruct> Points(int count) =>
        Enumerable.Range(0, count)
            .Select(i => new PointStruct(
                QdrantChunkIndex.ChunkPointId($"d{i % 3}#{i}"),
                new Dictionary<string, object> { [QdrantChunkIndex.SparseVectorName] = new SparseVector([(uint)i + 1], [1f]) },
                new { document_id = $"d{i % 3}", ordinal = i }))
            .ToList();
}
