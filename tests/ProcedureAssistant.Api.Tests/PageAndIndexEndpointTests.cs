using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProcedureAssistant.Api.Tests.Fakes;
using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Api.Tests;

/// <summary>The pages and the API reference the service serves itself, <c>GET /api/index</c>, and the submissions in the OpenAPI document.</summary>
public sealed class PageAndIndexEndpointTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/", "<title>Trợ lý thủ tục hành chính</title>")]
    [InlineData("/admin", "<title>Quản trị — Trợ lý thủ tục hành chính</title>")]
    public async Task Pages_AreServedWithAPolicyThatAllowsOnlyTheirOwnScripts(string path, string title)
    {
        using var response = await fixture.Client.GetAsync(new Uri(path, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(title, await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiReference_IsServedFromThePackage()
    {
        using var page = await fixture.Client.GetAsync(new Uri("/scalar/", UriKind.Relative), Token);
        using var script = await fixture.Client.GetAsync(new Uri("/scalar/scalar.js", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Token);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task IndexStatus_SaysWhenTheLiveIndexWasBuilt()
    {
        var status = await fixture.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/index", UriKind.Relative), Token);

        Assert.Equal(Directory.GetFiles(fixture.App.CorpusPath).Length, status.GetProperty("documents").GetInt32());
        Assert.True(status.GetProperty("chunks").GetInt32() >= status.GetProperty("documents").GetInt32());
        var built = status.GetProperty("indexedAt").GetDateTimeOffset();
        Assert.InRange(built, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task IndexStatus_WhileTheIndexLoads_Returns503()
    {
        var gate = new IndexGate();
        gate.Close();
        await using var app = new ProcedureAssistantApp
        {
            TestServices = services =>
            {
                var index = services.Last(d => d.ServiceType == typeof(IChunkIndex));
                services.Remove(index);
                services.AddSingleton(sp => GatedChunkIndex.Wrap((IChunkIndex)index.ImplementationFactory!(sp), gate));
            },
        };
        using var client = app.CreateClient();
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30), Token);

        using var loading = await client.GetAsync(new Uri("/api/index", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, loading.StatusCode);
        Assert.Equal("application/problem+json", loading.Content.Headers.ContentType?.MediaType);

        gate.Open();
        using var ready = await app.CreateReadyClientAsync();
        using var loaded = await ready.GetAsync(new Uri("/api/index", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Submissions_HaveDescriptionsExamplesAndTheirErrors()
    {
        var document = await fixture.Client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative), Token);
        var paths = document.GetProperty("paths");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        foreach (var (path, schema) in new[] { ("/api/feedback", "FeedbackRequest"), ("/api/handoffs", "HandoffRequest") })
        {
            var operation = paths.GetProperty(path).GetProperty("post");
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("description").GetString()));
            var body = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
            Assert.Equal($"#/components/schemas/{schema}", body.GetProperty("schema").GetProperty("$ref").GetString());
            Assert.Equal(JsonValueKind.Object, body.GetProperty("example").ValueKind);
            Assert.Equal(JsonValueKind.Object, operation.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json").GetProperty("example").ValueKind);
            Assert.All(["400", "429"], status => Assert.True(operation.GetProperty("responses").TryGetProperty(status, out _), $"{path} lacks {status}"));
            foreach (var property in schemas.GetProperty(schema).GetProperty("properties").EnumerateObject())
            {
                Assert.True(property.Value.TryGetProperty("description", out _), $"{schema}.{property.Name} has no description");
            }
        }

        var handoffExample = paths.GetProperty("/api/handoffs").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.True(handoffExample.GetProperty("consent").GetBoolean());
        Assert.True(paths.TryGetProperty("/api/index", out _));
        Assert.True(paths.GetProperty("/api/admin/handoffs/{reference}/answered").TryGetProperty("post", out _));
    }
}
