using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Api.Tests.Fakes;
using ProcedureAssistant.Core;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Indexing.Qdrant;
using ProcedureAssistant.Core.Tests.Indexing;

namespace ProcedureAssistant.Api.Tests;

/// <summary>
/// The API on Qdrant (<c>VectorStore:Provider=Qdrant</c>): the backend switch, a server that is down or too old,
/// and, against a real server (<c>QDRANT_URL</c>, gRPC on its port + 1 or <c>QDRANT_GRPC_URL</c>; skipped, with the
/// reason, without one), questions and re-index jobs.
/// </summary>
public sealed class QdrantBackendTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void CompositionRoot_QdrantWithoutEndpoint_FailsNamingTheSetting()
    {
        using var host = CoreHost(("VectorStore:Provider", "Qdrant"), ("Qdrant:Url", "http://qdrant.test:6333"));

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IChunkIndex>());

        Assert.Contains("Qdrant:Endpoint is required when VectorStore:Provider is Qdrant", error.Message, StringComparison.Ordinal);
        Assert.Contains("Qdrant:Url, the REST address, is no longer read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompositionRoot_WriteConsistencyAboveTheReplicationFactor_FailsNamingTheSetting()
    {
        using var host = CoreHost(("VectorStore:Provider", "Qdrant"), ("Qdrant:Endpoint", "http://qdrant.test:6334"), ("Qdrant:ReplicationFactor", "2"), ("Qdrant:WriteConsistencyFactor", "3"));

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IChunkIndex>());

        Assert.Contains("Qdrant:WriteConsistencyFactor must not exceed Qdrant:ReplicationFactor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompositionRoot_QdrantWithEndpoint_ChoosesTheQdrantIndexUnderTheConfiguredAlias()
    {
        using var host = CoreHost(("VectorStore:Provider", "Qdrant"), ("Qdrant:Endpoint", "http://qdrant.test:6334"), ("Qdrant:Collection", "pa-prod"));

        var index = Assert.IsType<QdrantChunkIndex>(host.Services.GetRequiredService<IChunkIndex>());

        Assert.Equal("pa-prod", index.Alias);
    }

    [Fact]
    public void CompositionRoot_Default_ChoosesTheEmbeddedIndexWithoutAQdrantUrl()
    {
        using var host = CoreHost();

        Assert.IsType<EmbeddedChunkIndex>(host.Services.GetRequiredService<IChunkIndex>());
    }

    [Fact]
    public async Task Startup_QdrantUnreachable_StaysUnreadySayingWhyAndAnswers503()
    {
        // Port 9 (discard) on loopback has no listener: the connection is refused at once.
        await using var app = QdrantApp(new Uri("http://127.0.0.1:9"), "pa-unreachable", ("Qdrant:MaxRetries", "0"));
        using var client = app.CreateClient();

        var ready = await WaitForReadinessAsync(client, "cannot be reached");

        Assert.Contains("Qdrant at [configured address] cannot be reached", ready, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1:9", ready, StringComparison.Ordinal);
        Assert.Contains("trying again", ready, StringComparison.Ordinal);
        using var ask = await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question = "khai sinh" }, Token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ask.StatusCode);
        Assert.Equal("application/problem+json", ask.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", await ask.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_QdrantTooOld_StaysUnreadySayingWhichVersionIsNeeded()
    {
        await using var qdrant = await FakeQdrantServer.StartAsync("1.9.2");
        await using var app = QdrantApp(qdrant.Endpoint, "pa-too-old");
        using var client = app.CreateClient();

        var ready = await WaitForReadinessAsync(client, "too old");

        Assert.Contains("Qdrant 1.9.2", ready, StringComparison.Ordinal);
        Assert.Contains("needs Qdrant 1.10 or later", ready, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealQdrant_AskAndReindex_WorkAndTheDefaultJobUpdatesInPlace()
    {
        await QdrantTestServer.RequireAsync();
        var options = QdrantTestServer.Options();
        var alias = options.Collection;
        try
        {
            await using var app = QdrantApp(options.Endpoint!, alias, ("Admin:ApiKey", AdminKey), ("Qdrant:ApiKey", options.ApiKey ?? string.Empty));
            using var client = await app.CreateReadyClientAsync();

            using var ask = await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question = "lam giay khai sinh cho con can gi" }, Token);
            var answer = await ask.Content.ReadFromJsonAsync<JsonElement>(Token);
            Assert.Equal("tthc-1.001193", answer.GetProperty("citations")[0].GetProperty("documentId").GetString());

            var incremental = await AdminEndpointTests.RunReindexAsync(client, null);
            Assert.Equal("incremental", incremental.GetProperty("result").GetProperty("mode").GetString());
            Assert.Equal(1, incremental.GetProperty("result").GetProperty("indexVersion").GetInt64());
            Assert.Equal(5, incremental.GetProperty("result").GetProperty("unchanged").GetInt32());

            var full = await AdminEndpointTests.RunReindexAsync(client, "full");
            Assert.Equal(2, full.GetProperty("result").GetProperty("indexVersion").GetInt64());
            var ready = await client.GetFromJsonAsync<JsonElement>(new Uri("/health/ready", UriKind.Relative), Token);
            Assert.Contains("version 2", ready.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await QdrantTestServer.DeleteBuildsAsync(options);
        }
    }

    private const string AdminKey = AdminEndpointTests.Key;

    private static ProcedureAssistantApp QdrantApp(Uri endpoint, string alias, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["VectorStore:Provider"] = "Qdrant",
            ["Qdrant:Endpoint"] = endpoint.ToString(),
            ["Qdrant:Collection"] = alias,
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return new ProcedureAssistantApp { Settings = settings };
    }

    // The same graph as the API and the CLI, without a web host.
    private static IHost CoreHost(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddProcedureAssistant();
        return builder.Build();
    }

    private static async Task<string> WaitForReadinessAsync(HttpClient client, string expected)
    {
        var text = string.Empty;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!text.Contains(expected, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Token);
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Token);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            text = await response.Content.ReadAsStringAsync(Token);
        }

        Assert.Contains(expected, text, StringComparison.Ordinal);
        return text;
    }
}
