using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProcedureAssistant.Api.Tests.Fakes;
using ProcedureAssistant.Core.Ingestion;

namespace ProcedureAssistant.Api.Tests;

/// <summary>What an operator meets: 503 bodies, start-up logs, the audit log, the OpenAPI document in Production, the README's run command.</summary>
public sealed class OperationsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IndexUnreachable_AnonymousBodies_DoNotShowTheInternalAddress()
    {
        var port = ClosedPort();
        await using var app = QdrantApp(port, new CapturedLogs());
        using var client = app.CreateClient();

        await WaitUntilAsync(async () => (await ReadyTextAsync(client)).Contains("cannot be reached", StringComparison.Ordinal));
        using var ask = await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question = "khai sinh" }, Token);
        using var search = await client.GetAsync(new Uri("/api/search?q=khai%20sinh", UriKind.Relative), Token);
        var bodies = new[] { await ask.Content.ReadAsStringAsync(Token), await search.Content.ReadAsStringAsync(Token), await ReadyTextAsync(client) };

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ask.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, search.StatusCode);
        Assert.Equal("5", ask.Headers.RetryAfter?.ToString());
        var problem = JsonSerializer.Deserialize<JsonElement>(bodies[0]);
        Assert.Equal("urn:procedure-assistant:problem:index-unavailable", problem.GetProperty("type").GetString());
        RequestHygieneTests.AssertVietnamese(problem.GetProperty("title").GetString());
        Assert.All(bodies, body =>
        {
            Assert.DoesNotContain($"127.0.0.1:{port}", body, StringComparison.Ordinal);
            Assert.DoesNotContain("http://", body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Startup_IndexNotReadyYet_LogsNoErrors()
    {
        var logs = new CapturedLogs();
        await using var app = QdrantApp(ClosedPort(), logs);
        using var client = app.CreateClient();

        // What a load balancer and early users do while the index is not there yet.
        await WaitUntilAsync(async () => (await ReadyTextAsync(client)).Contains("cannot be reached", StringComparison.Ordinal));
        for (var i = 0; i < 3; i++)
        {
            await ReadyTextAsync(client);
            using var ask = await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question = "khai sinh" }, Token);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ask.StatusCode);
        }

        Assert.Empty(logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.ToString()));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("cannot be reached", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApi_InProduction_HidesTheAdminRoutes()
    {
        await using var app = new ProcedureAssistantApp { Environment = "Production" };
        using var client = app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative), Token);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/ask", paths);
        Assert.DoesNotContain(paths, path => path.StartsWith("/api/admin", StringComparison.Ordinal));
        Assert.DoesNotContain(document.GetProperty("components").GetProperty("schemas").EnumerateObject(), schema => schema.Name.StartsWith("Admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_NamesTheKeyByAKeyedHmac_NotByAHashAnyoneCanCompute()
    {
        await using var admin = await AdminTestApp.StartAsync();

        var job = await AdminEndpointTests.RunReindexAsync(admin.Client, null);
        await AdminEndpointTests.RunReindexAsync(admin.Client, null);
        var entries = await admin.GetJsonAsync("/api/admin/audit");

        var actors = entries.EnumerateArray().Select(e => e.GetProperty("actor").GetString()!).ToList();
        Assert.Equal(2, actors.Count);
        Assert.Single(actors.Distinct());
        var unsalted = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AdminTestApp.Key)));
        Assert.DoesNotContain(unsalted[..8], actors[0], StringComparison.Ordinal);
        Assert.Matches("^key:[0-9a-f]{16,}$", actors[0]);
        Assert.Equal("succeeded", job.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Reindex_AuditLogNotWritable_Returns503ProblemAndStartsNoJob()
    {
        await using var admin = await AdminTestApp.StartAsync();
        var status = admin.App.Services.GetRequiredService<IngestionStatus>();
        var before = status.Last;
        var audit = Path.Combine(admin.App.DataPath, "audit.jsonl");
        Directory.CreateDirectory(audit); // unwritable as a file whoever runs the test, root included

        using var refused = await admin.SendAsync(HttpMethod.Post, "/api/admin/reindex");
        await Task.Delay(TimeSpan.FromSeconds(1), Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var problem = await RequestHygieneTests.ProblemAsync(refused);
        Assert.Equal("urn:procedure-assistant:problem:audit-unavailable", problem.GetProperty("type").GetString());
        Assert.Null(refused.Headers.Location);
        Assert.Same(before, status.Last);

        Directory.Delete(audit);
        using var accepted = await admin.SendAsync(HttpMethod.Post, "/api/admin/reindex");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Fact]
    public void Readme_SaysHowToChangeThePort_WithACommandThatOverridesTheLaunchProfile()
    {
        var root = Path.GetDirectoryName(ProcedureAssistantApp.BundledCorpusPath)!;
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var launch = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(root, "src/ProcedureAssistant.Api/Properties/launchSettings.json")));
        var url = new Uri(launch.GetProperty("profiles").GetProperty("http").GetProperty("applicationUrl").GetString()!);

        // dotnet run applies launchSettings.json, whose applicationUrl wins over ASPNETCORE_URLS; --urls wins over both.
        Assert.Contains($"http://localhost:{url.Port}", readme, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"dotnet run --project src/ProcedureAssistant\.Api -- --urls http://\S+:\d+"), readme);
    }

    private static ProcedureAssistantApp QdrantApp(int port, CapturedLogs logs) => new()
    {
        Settings = new Dictionary<string, string>
        {
            ["VectorStore:Provider"] = "Qdrant",
            ["Qdrant:Endpoint"] = $"http://127.0.0.1:{port}",
            ["Qdrant:Collection"] = "pa-unreachable",
            ["Qdrant:MaxRetries"] = "0",
        },
        TestServices = logs.AddTo,
    };

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> ReadyTextAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Token);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 60 s");
            await Task.Delay(50, Token);
        }
    }
}
