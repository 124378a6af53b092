using System.Text.RegularExpressions;
using ProcedureAssistant.Core.Indexing.Qdrant;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>
/// The real Qdrant server the integration tests use: <c>QDRANT_URL</c> (and <c>QDRANT_API_KEY</c> when it needs a key).
/// Without it, or when it does not answer, each test that needs it is skipped and says why. Start one with
/// <c>../shared/qdrant/run-qdrant.sh /tmp/qdrant-dev 16333</c> and <c>export QDRANT_URL=http://127.0.0.1:16333</c>.
/// </summary>
internal static class QdrantTestServer
{
    private static readonly Lazy<Task<string?>> Unavailable = new(ProbeAsync);

    /// <summary>One client for all tests; the index's requests set their own timeouts.</summary>
    public static HttpClient Http { get; } = new() { Timeout = Timeout.InfiniteTimeSpan };

    public static Uri? Url => Environment.GetEnvironmentVariable("QDRANT_URL") is { Length: > 0 } url ? new Uri(url) : null;

    public static string? ApiKey => Environment.GetEnvironmentVariable("QDRANT_API_KEY") is { Length: > 0 } key ? key : null;

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
        Url = Url,
        ApiKey = ApiKey,
        Collection = "pa-test-" + Guid.NewGuid().ToString("N")[..12],
        BatchSize = batchSize,
        RetryDelay = TimeSpan.FromMilliseconds(50),
    };

    public static QdrantRestClient Client(QdrantOptions options, HttpClient? http = null) => new(http ?? Http, options);

    /// <summary>The collections of the alias's builds (<c>{alias}-v{n}</c>), in name order.</summary>
    public static async Task<IReadOnlyList<string>> BuildCollectionsAsync(QdrantOptions options, CancellationToken cancellationToken)
    {
        var pattern = new Regex("^" + Regex.Escape(options.Collection) + "-v[0-9]+$", RegexOptions.CultureInvariant);
        var all = await Client(options).ListCollectionsAsync(cancellationToken);
        return all.Where(name => pattern.IsMatch(name)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Deletes every collection a test created under its alias (deleting them removes the alias too).</summary>
    public static async Task DeleteBuildsAsync(QdrantOptions options)
    {
        var client = Client(options);
        foreach (var collection in await BuildCollectionsAsync(options, CancellationToken.None))
        {
            await client.DeleteCollectionAsync(collection, CancellationToken.None);
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
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var response = await Http.GetAsync(new Uri(url, "/readyz"), timeout.Token);
            return response.IsSuccessStatusCode ? null : $"QDRANT_URL={url} is unreachable: /readyz answered {(int)response.StatusCode}.";
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return $"QDRANT_URL={url} is unreachable: {ex.Message}";
        }
    }
}
