using System.Text.RegularExpressions;
using Grpc.Core.Interceptors;
using ProcedureAssistant.Core.Indexing.Qdrant;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>
/// The real Qdrant server the integration tests use: <c>QDRANT_URL</c> is its REST address (as CI sets it), and the
/// index talks gRPC to <c>QDRANT_GRPC_URL</c> or, without it, to the REST port + 1 (Qdrant's default layout);
/// <c>QDRANT_API_KEY</c> when it needs a key. Without <c>QDRANT_URL</c>, or when the server does not answer, each test
/// that needs it is skipped and says why. Start one with <c>../shared/qdrant/run-qdrant.sh /tmp/qdrant-dev 16333</c> and
/// <c>export QDRANT_URL=http://127.0.0.1:16333</c>.
/// </summary>
internal static class QdrantTestServer
{
    private static readonly Lazy<Task<string?>> Unavailable = new(ProbeAsync);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static Uri? Url => Environment.GetEnvironmentVariable("QDRANT_URL") is { Length: > 0 } url ? new Uri(url) : null;

    /// <summary>The gRPC address: <c>QDRANT_GRPC_URL</c>, or the REST address with its port + 1.</summary>
    public static Uri? GrpcEndpoint => GrpcEndpointOf(Url, Environment.GetEnvironmentVariable("QDRANT_GRPC_URL"));

    public static string? ApiKey => Environment.GetEnvironmentVariable("QDRANT_API_KEY") is { Length: > 0 } key ? key : null;

    /// <summary>The gRPC address for a REST address: <paramref name="grpcUrl"/> when set, else the REST port + 1.</summary>
    public static Uri? GrpcEndpointOf(Uri? restUrl, string? grpcUrl) =>
        grpcUrl is { Length: > 0 } ? new Uri(grpcUrl)
        : restUrl is null ? null
        : new UriBuilder(restUrl) { Port = restUrl.Port + 1, Path = "/" }.Uri;

    /// <summary>Skips the calling test, with the reason, unless the server is configured and answers.</summary>
    public static async Task RequireAsync()
    {
        if (await Unavailable.Value is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    public static async Task<bool> IsAvailableAsync() => await Unavailable.Value is null;

    /// <summary>Options for an index under a fresh alias nobody else uses.</summary>
    public static QdrantOptions Options(int batchSize = 2) => new()
    {
        Endpoint = GrpcEndpoint,
        ApiKey = ApiKey,
        Collection = "pa-test-" + Guid.NewGuid().ToString("N")[..12],
        BatchSize = batchSize,
        RetryDelay = TimeSpan.FromMilliseconds(50),
    };

    /// <summary>A connection of the test's own (dispose it); <paramref name="interceptor"/> sees every call.</summary>
    public static QdrantConnection Connect(QdrantOptions options, Interceptor? interceptor = null) => new(options, interceptor: interceptor);

    /// <summary>An index over a connection that <paramref name="interceptor"/> watches (faults, recorded calls).</summary>
    public static QdrantChunkIndex Index(QdrantOptions options, Interceptor interceptor) => new(Connect(options, interceptor), options.Collection);

    /// <summary>The collections of the alias's builds (<c>{alias}-v{n}</c>), in name order.</summary>
    public static async Task<IReadOnlyList<string>> BuildCollectionsAsync(QdrantOptions options, CancellationToken cancellationToken)
    {
        var pattern = new Regex("^" + Regex.Escape(options.Collection) + "-v[0-9]+$", RegexOptions.CultureInvariant);
        using var connection = Connect(options);
        var all = await connection.ListCollectionsAsync(cancellationToken);
        return all.Where(name => pattern.IsMatch(name)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The collection the alias points to, or null.</summary>
    public static async Task<string?> AliasTargetAsync(QdrantOptions options, CancellationToken cancellationToken)
    {
        using var connection = Connect(options);
        return await connection.GetAliasTargetAsync(options.Collection, cancellationToken);
    }

    /// <summary>Deletes every collection a test created under its alias (deleting them removes the alias too).</summary>
    public static async Task DeleteBuildsAsync(QdrantOptions options)
    {
        using var connection = Connect(options);
        foreach (var collection in await BuildCollectionsAsync(options, CancellationToken.None))
        {
            await connection.DeleteCollectionAsync(collection, CancellationToken.None);
        }
    }

    private static async Task<string?> ProbeAsync()
    {
        if (Url is not { } url)
        {
            return "QDRANT_URL is unset: start Qdrant (../shared/qdrant/run-qdrant.sh /tmp/qdrant-dev 16333) and set QDRANT_URL=http://127.0.0.1:16333 to run the Qdrant tests.";
        }

        try
        {
            using var response = await Http.GetAsync(new Uri(url, "/readyz"));
            return response.IsSuccessStatusCode ? null : $"QDRANT_URL={url} is unreachable: /readyz answered {(int)response.StatusCode}.";
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return $"QDRANT_URL={url} is unreachable: {ex.Message}";
        }
    }
}
