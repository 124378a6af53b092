using Grpc.Core;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Qdrant;
using Qdrant.Client.Grpc;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>
/// Retries, errors and the version gate of the connection, with an interceptor that answers in the server's place
/// (no server behind it); then calls the index relies on (delete by filter, paging) against the real server.
/// </summary>
public sealed class QdrantConnectionTests : IAsyncDisposable
{
    private readonly QdrantOptions _options = QdrantTestServer.Options();
    private readonly List<string> _collections = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Call_UnavailableThenOk_IsRetried()
    {
        var answers = new Queue<object>([RecordingInterceptor.Error(StatusCode.Unavailable, "Service unavailable: shard not ready"), new CountResponse { Result = new CountResult { Count = 7 } }]);
        var (connection, calls) = Fake(call => call.Method == RecordingInterceptor.HealthCheck ? Health() : answers.Dequeue());

        var count = await connection.CountAsync("docs", null, Token);

        Assert.Equal(7, count);
        Assert.Equal([RecordingInterceptor.HealthCheck, RecordingInterceptor.Count, RecordingInterceptor.Count], calls.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task Call_ConnectionRefusedThenOk_IsRetried()
    {
        var refused = 0;
        var (connection, calls) = Fake(call => call.Method switch
        {
            RecordingInterceptor.HealthCheck => Health(),
            _ when Interlocked.Increment(ref refused) == 1 => RecordingInterceptor.ConnectionRefused(),
            _ => new CountResponse { Result = new CountResult { Count = 3 } },
        });

        Assert.Equal(3, await connection.CountAsync("docs", null, Token));
        Assert.Equal([RecordingInterceptor.HealthCheck, RecordingInterceptor.Count, RecordingInterceptor.Count], calls.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task Call_ConnectionLostMidAnswer_IsNotRetried()
    {
        // The server may have carried the call out: only a call that never reached it is sent again.
        var (connection, calls) = Fake(call => call.Method == RecordingInterceptor.HealthCheck
            ? Health()
            : RecordingInterceptor.Error(StatusCode.Unavailable, "Error reading next message.", new IOException("The response ended prematurely.")));

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => connection.CountAsync("docs", null, Token));

        Assert.StartsWith("Qdrant at http://qdrant.test:6334/ cannot be reached (Count docs): Unavailable: The response ended prematurely.", error.Message, StringComparison.Ordinal);
        Assert.Single(calls.Calls, c => c.Method == RecordingInterceptor.Count);
    }

    [Fact]
    public async Task Call_InvalidArgument_IsNotRetriedAndCarriesQdrantsError()
    {
        var (connection, calls) = Fake(call => call.Method == RecordingInterceptor.HealthCheck
            ? Health()
            : RecordingInterceptor.Error(StatusCode.InvalidArgument, "Wrong input: Vector dimension error: expected dim: 384, got 3"));

        var error = await Assert.ThrowsAsync<QdrantException>(() => connection.CountAsync("docs", null, Token));

        Assert.Equal("Qdrant answered InvalidArgument to Count docs: Wrong input: Vector dimension error: expected dim: 384, got 3", error.Message);
        Assert.Equal(StatusCode.InvalidArgument, error.Status);
        Assert.Single(calls.Calls, c => c.Method == RecordingInterceptor.Count);
    }

    [Fact]
    public async Task Call_Unauthenticated_CarriesTheText()
    {
        var (connection, _) = Fake(call => call.Method == RecordingInterceptor.HealthCheck
            ? Health()
            : RecordingInterceptor.Error(StatusCode.Unauthenticated, "Must provide an API key or an Authorization bearer token"));

        var error = await Assert.ThrowsAsync<QdrantException>(() => connection.GetAliasTargetAsync("pa", Token));

        Assert.Equal("Qdrant answered Unauthenticated to ListAliases: Must provide an API key or an Authorization bearer token", error.Message);
    }

    [Fact]
    public async Task Call_UnavailableEveryTime_GivesUpAfterTheConfiguredRetries()
    {
        var (connection, calls) = Fake(call => call.Method == RecordingInterceptor.HealthCheck ? Health() : RecordingInterceptor.Error(StatusCode.Unavailable, "already_in_progress"), maxRetries: 2);

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => connection.CountAsync("docs", null, Token));

        Assert.Contains("cannot be reached (Count docs)", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, calls.Calls.Count(c => c.Method == RecordingInterceptor.Count));
    }

    [Fact]
    public async Task Call_WithAnApiKey_SendsItOnEveryCall()
    {
        var (connection, calls) = Fake(call => call.Method == RecordingInterceptor.HealthCheck ? Health() : new ListAliasesResponse(), apiKey: "s3cret");

        await connection.GetAliasTargetAsync("pa", Token);

        Assert.Equal(["s3cret", "s3cret"], calls.Calls.Select(c => c.ApiKey));
    }

    [Fact]
    public async Task FirstUse_ServerOlderThan110_IsRefused()
    {
        var (connection, calls) = Fake(_ => Health("1.9.7"));

        var error = await Assert.ThrowsAsync<QdrantException>(() => connection.GetAliasTargetAsync("pa", Token));

        Assert.Equal(
            "Qdrant 1.9.7 at http://qdrant.test:6334/ is too old: this service needs Qdrant 1.10 or later (Query API, sparse vectors with the IDF modifier). Upgrade the server.",
            error.Message);
        Assert.Equal([RecordingInterceptor.HealthCheck], calls.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task FirstUse_SupportedServer_IsCheckedOnceAndItsVersionDecidesTheFeatures()
    {
        var (connection, calls) = Fake(call => call.Method == RecordingInterceptor.HealthCheck ? Health("1.15.2") : new ListAliasesResponse());

        await connection.GetAliasTargetAsync("pa", Token);
        await connection.GetAliasTargetAsync("pa", Token);
        var features = await connection.GetFeaturesAsync(Token);

        Assert.Single(calls.Calls, c => c.Method == RecordingInterceptor.HealthCheck);
        Assert.Equal(3, calls.Calls.Count);
        Assert.Equal((new Version(1, 15, 2), false, true), (features.Server, features.RrfConstant, features.TenantIndex));
    }

    [Fact]
    public async Task Call_ServerUnreachable_ThrowsIndexUnavailableAfterItsRetries()
    {
        // Port 9 (discard) on loopback has no listener: the connection is refused at once, for real.
        using var connection = new QdrantConnection(new QdrantOptions { Endpoint = new Uri("http://127.0.0.1:9"), MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(1) });

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => connection.GetAliasTargetAsync("pa", Token));

        Assert.StartsWith("Qdrant at http://127.0.0.1:9/ cannot be reached (HealthCheck)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteByFilter_RemovesOnlyTheMatchingPoints()
    {
        await QdrantTestServer.RequireAsync();
        using var connection = QdrantTestServer.Connect(_options);
        var collection = await CreateAsync(connection);
        await connection.UpsertAsync(collection, Points(5), Token);

        await connection.DeleteAsync(collection, QdrantRequests.Keyword("document_id", "d1"), Token);

        Assert.Equal(3, await connection.CountAsync(collection, null, Token));
        Assert.Equal(0, await connection.CountAsync(collection, QdrantRequests.Keyword("document_id", "d1"), Token));
    }

    [Fact]
    public async Task ScrollAll_PagesSmallerThanTheCollection_ReturnsEveryPointOnce()
    {
        await QdrantTestServer.RequireAsync();
        using var connection = QdrantTestServer.Connect(_options);
        var collection = await CreateAsync(connection);
        var points = Points(7);
        await connection.UpsertAsync(collection, points, Token);

        var read = new List<string>();
        await foreach (var point in connection.ScrollAllAsync(collection, null, QdrantRequests.All, pageSize: 3, cancellationToken: Token))
        {
            read.Add(point.Id.Uuid);
        }

        Assert.Equal(points.Select(p => p.Id.Uuid).Order(), read.Order());
    }

    [Fact]
    public async Task DeleteCollection_NoSuchCollection_ReturnsFalse()
    {
        await QdrantTestServer.RequireAsync();
        using var connection = QdrantTestServer.Connect(_options);
        var collection = await CreateAsync(connection);

        Assert.True(await connection.DeleteCollectionAsync(collection, Token));
        Assert.False(await connection.DeleteCollectionAsync(collection, Token));
    }

    public async ValueTask DisposeAsync()
    {
        if (_collections.Count > 0)
        {
            await QdrantTestServer.DeleteBuildsAsync(_options);
        }
    }

    private static HealthCheckReply Health(string version = "1.16.3") => new() { Title = "qdrant - vector search engine", Version = version, Commit = "bd49f45a" };

    private static (QdrantConnection Connection, RecordingInterceptor Calls) Fake(Func<RecordedCall, object?> answer, int maxRetries = 3, string? apiKey = null)
    {
        var calls = new RecordingInterceptor(call => answer(call) ?? throw new InvalidOperationException($"The test gave no answer for {call.Method}."));
        var options = new QdrantOptions { Endpoint = new Uri("http://qdrant.test:6334"), ApiKey = apiKey, MaxRetries = maxRetries, RetryDelay = TimeSpan.FromMilliseconds(1) };
        return (new QdrantConnection(options, interceptor: calls), calls);
    }

    private async Task<string> CreateAsync(QdrantConnection connection)
    {
        var name = _options.Collection + "-v1";
        _collections.Add(name);
        await connection.CreateCollectionAsync(name, QdrantChunkIndex.SparseVectorName, QdrantChunkIndex.DenseVectorName, null, Token);
        await connection.CreatePayloadIndexAsync(name, "document_id", PayloadSchemaType.Keyword, null, Token);
        return name;
    }

    private static List<PointStruct> Points(int count) =>
        Enumerable.Range(0, count)
            .Select(i => new PointStruct
            {
                Id = QdrantChunkIndex.ChunkPointId($"d{i % 3}#{i}"),
                Vectors = QdrantRequests.Vectors(new SparseTermVector([(uint)i + 1], [1f]), null),
                Payload = { ["document_id"] = $"d{i % 3}", ["ordinal"] = i },
            })
            .ToList();
}
