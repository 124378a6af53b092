using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcedureAssistant.Api.Tests.Fakes;

namespace ProcedureAssistant.Api.Tests;

/// <summary>The OpenAI-compatible embeddings provider, end to end against <see cref="FakeEmbeddingServer"/>.</summary>
public sealed class EmbeddingProviderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static ProcedureAssistantApp App(FakeEmbeddingServer server, int dimensions = 16) => new()
    {
        Settings = new Dictionary<string, string>
        {
            ["Embeddings:Provider"] = "OpenAI",
            ["Embeddings:Endpoint"] = server.Endpoint.ToString(),
            ["Embeddings:Model"] = "test-embed",
            ["Embeddings:ApiKey"] = "sk-test",
            ["Embeddings:Dimensions"] = dimensions.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Embeddings:BatchSize"] = "2",
        },
    };

    [Fact]
    public async Task Ingest_AndSearch_EmbedThroughTheEndpoint()
    {
        await using var server = await FakeEmbeddingServer.StartAsync();
        await using var app = App(server);
        using var client = await app.CreateReadyClientAsync();
        var afterIngest = server.Requests.Count;

        using var response = await client.GetAsync(new Uri("/api/search?q=đăng ký khai sinh&top=3", UriKind.Relative), Token);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("results");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(0, results.GetArrayLength());
        var requests = server.Requests.ToList();
        Assert.All(requests, r =>
        {
            Assert.Equal("test-embed", r.Body.GetProperty("model").GetString());
            Assert.Equal(16, r.Body.GetProperty("dimensions").GetInt32());
            Assert.Equal("Bearer sk-test", r.Authorization);
        });

        // The probe at start-up, then the chunks two at a time, then the question.
        Assert.Equal(["kiểm tra"], requests[0].Body.GetProperty("input").EnumerateArray().Select(i => i.GetString()));
        Assert.All(requests.Skip(1).Take(afterIngest - 2), r => Assert.InRange(r.Body.GetProperty("input").GetArrayLength(), 1, 2));
        Assert.Equal(["đăng ký khai sinh"], requests[^1].Body.GetProperty("input").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public async Task Startup_ModelDimensionsDifferFromTheSetting_StaysUnreadyNamingTheSetting()
    {
        await using var server = await FakeEmbeddingServer.StartAsync();
        server.Vector = (_, _) => new float[4];
        await using var app = App(server, dimensions: 16);
        using var client = app.CreateClient();

        var reason = string.Empty;
        for (var i = 0; i < 200 && !reason.Contains("Embeddings:Dimensions", StringComparison.Ordinal); i++)
        {
            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Token);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            reason = await ready.Content.ReadAsStringAsync(Token);
            await Task.Delay(50, Token);
        }

        Assert.Contains("Embeddings:Dimensions is 16 but the OpenAI model", reason, StringComparison.Ordinal);
        Assert.Contains("returns vectors of 4 dimensions", reason, StringComparison.Ordinal);
    }
}
