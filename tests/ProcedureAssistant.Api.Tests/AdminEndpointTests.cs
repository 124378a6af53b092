using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ProcedureAssistant.Api.Tests;

public sealed class AdminEndpointTests
{
    internal const string Key = "test-admin-key-0123456789";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", HttpStatusCode.Forbidden)]
    [InlineData("test-admin-key-012345678", HttpStatusCode.Forbidden)]
    public async Task Admin_MissingOrWrongKey_IsRefused(string? key, HttpStatusCode expected)
    {
        await using var app = new ProcedureAssistantApp { Settings = new Dictionary<string, string> { ["Admin:ApiKey"] = Key } };
        using var client = await app.CreateReadyClientAsync();

        // The last three are requests routing would answer itself (415 wrong body type, 405 wrong method, 404
        // unknown route) if the key were checked only by the endpoints: without a key, nothing may be learnt.
        var jsonUpload = Request(HttpMethod.Post, "/api/admin/documents", key);
        jsonUpload.Content = JsonContent.Create(new { title = "x" });
        var requests = new[]
        {
            Request(HttpMethod.Post, "/api/admin/reindex", key), Request(HttpMethod.Get, "/api/admin/documents", key), Request(HttpMethod.Get, "/api/admin/audit", key),
            jsonUpload, Request(HttpMethod.Patch, "/api/admin/reindex", key), Request(HttpMethod.Get, "/api/admin/no-such-route", key),
        };
        foreach (var request in requests)
        {
            using var response = await client.SendAsync(request, Token);
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Admin_NoKeyConfigured_RefusesEveryKey()
    {
        await using var app = new ProcedureAssistantApp();
        using var client = await app.CreateReadyClientAsync();

        using var response = await client.SendAsync(Request(HttpMethod.Post, "/api/admin/reindex", "anything"), Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Admin:ApiKey", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_RunsAsAJob_AndIsAudited()
    {
        await using var app = new ProcedureAssistantApp { Settings = new Dictionary<string, string> { ["Admin:ApiKey"] = Key } };
        using var client = await app.CreateReadyClientAsync();

        using var started = await client.SendAsync(Request(HttpMethod.Post, "/api/admin/reindex", Key), Token);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = await started.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal($"/api/admin/jobs/{job.GetProperty("id").GetString()}", started.Headers.Location?.OriginalString);
        Assert.Equal("incremental", job.GetProperty("mode").GetString());

        // Nothing changed since start-up: the update reads no file and writes no new version.
        var finished = await WaitForJobAsync(client, started.Headers.Location!.OriginalString, "succeeded");
        var result = finished.GetProperty("result");
        Assert.Equal(("incremental", 1, 5, 5, 0), (result.GetProperty("mode").GetString(), result.GetProperty("indexVersion").GetInt64(), result.GetProperty("documents").GetInt32(), result.GetProperty("unchanged").GetInt32(), result.GetProperty("changed").GetInt32()));
        Assert.Equal(5, finished.GetProperty("done").GetInt32());

        using var audit = await client.SendAsync(Request(HttpMethod.Get, "/api/admin/audit", Key), Token);
        var entries = await audit.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("reindex", entries[0].GetProperty("action").GetString());
        Assert.EndsWith("incremental", entries[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("key:", entries[0].GetProperty("actor").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_Full_BuildsANewVersion()
    {
        await using var app = new ProcedureAssistantApp { Settings = new Dictionary<string, string> { ["Admin:ApiKey"] = Key } };
        using var client = await app.CreateReadyClientAsync();

        var finished = await RunReindexAsync(client, "Full");

        var result = finished.GetProperty("result");
        Assert.Equal(("full", "full", 2, 5, 5), (finished.GetProperty("mode").GetString(), result.GetProperty("mode").GetString(), result.GetProperty("indexVersion").GetInt64(), result.GetProperty("documents").GetInt32(), result.GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task Reindex_ChangedFile_UpdatesOnlyThatDocument()
    {
        var corpus = Directory.CreateTempSubdirectory("pa-admin-corpus-");
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestCorpus")))
            {
                File.Copy(file, Path.Combine(corpus.FullName, Path.GetFileName(file)));
            }

            await using var app = new ProcedureAssistantApp { CorpusPath = corpus.FullName, Settings = new Dictionary<string, string> { ["Admin:ApiKey"] = Key } };
            using var client = await app.CreateReadyClientAsync();
            File.Delete(Path.Combine(corpus.FullName, "guide-injection.md"));
            await File.AppendAllTextAsync(Path.Combine(corpus.FullName, "tthc-1.001193.md"), "\nGhi chú: hồ sơ nộp trực tuyến được ưu tiên.\n", Token);

            var result = (await RunReindexAsync(client, "incremental")).GetProperty("result");

            Assert.Equal((2, 0, 1, 3, 1, 4), (result.GetProperty("indexVersion").GetInt64(), result.GetProperty("added").GetInt32(), result.GetProperty("changed").GetInt32(), result.GetProperty("unchanged").GetInt32(), result.GetProperty("removed").GetInt32(), result.GetProperty("documents").GetInt32()));
            var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/documents/tthc-1.001193", UriKind.Relative), Token);
            Assert.Contains("ưu tiên", document.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            corpus.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("""{"mode":"partial"}""")]
    [InlineData("""{"mode":""}""")]
    [InlineData("""{"mode":"0"}""")]
    public async Task Reindex_UnknownMode_ReturnsValidationProblemNamingMode(string body)
    {
        await using var app = new ProcedureAssistantApp { Settings = new Dictionary<string, string> { ["Admin:ApiKey"] = Key } };
        using var client = await app.CreateReadyClientAsync();
        using var request = Request(HttpMethod.Post, "/api/admin/reindex", Key);
        request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.SendAsync(request, Token);

        await AskEndpointTests.AssertValidationProblemAsync(response, "mode");
    }

    /// <summary>Starts a re-index (with a body naming <paramref name="mode"/>, or none) and waits for it to succeed.</summary>
    internal static async Task<JsonElement> RunReindexAsync(HttpClient client, string? mode)
    {
        using var request = Request(HttpMethod.Post, "/api/admin/reindex", Key);
        if (mode is not null)
        {
            request.Content = JsonContent.Create(new { mode });
        }

        using var started = await client.SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return await WaitForJobAsync(client, started.Headers.Location!.OriginalString, "succeeded");
    }

    [Fact]
    public async Task Reindex_KilledHalfWay_LeavesTheOldIndexAnswering()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "This test blocks the re-index on a named pipe (mkfifo), which needs a POSIX system.");
        var corpus = Directory.CreateTempSubdirectory("pa-admin-corpus-");
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestCorpus")))
            {
                File.Copy(file, Path.Combine(corpus.FullName, Path.GetFileName(file)));
            }

            await using var app = new ProcedureAssistantApp { CorpusPath = corpus.FullName, Settings = new Dictionary<string, string> { ["Admin:ApiKey"] = Key } };
            using var client = await app.CreateReadyClientAsync();

            // The last file is a named pipe: the re-index reads the others, then waits on it.
            var blocker = Path.Combine(corpus.FullName, "zz-blocker.md");
            using (var mkfifo = Process.Start("mkfifo", blocker))
            {
                await mkfifo.WaitForExitAsync(Token);
                Assert.Equal(0, mkfifo.ExitCode);
            }

            using var started = await client.SendAsync(Request(HttpMethod.Post, "/api/admin/reindex", Key), Token);
            var location = started.Headers.Location!.OriginalString;
            await WaitForJobAsync(client, location, "running");

            using var second = await client.SendAsync(Request(HttpMethod.Post, "/api/admin/reindex", Key), Token);
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
            Assert.Contains(location["/api/admin/jobs/".Length..], await second.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);

            using var cancel = await client.SendAsync(Request(HttpMethod.Delete, location, Key), Token);
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
            // Opening the pipe's other end lets the blocked read return; the job then sees its cancellation.
            await using (new FileStream(blocker, FileMode.Open, FileAccess.Write))
            {
            }

            var job = await WaitForJobAsync(client, location, "cancelled");
            Assert.Contains("previous index is still live", job.GetProperty("error").GetString(), StringComparison.Ordinal);
            using var ask = await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question = "lam giay khai sinh cho con can gi" }, Token);
            var answer = await ask.Content.ReadFromJsonAsync<JsonElement>(Token);
            Assert.Equal("tthc-1.001193", answer.GetProperty("citations")[0].GetProperty("documentId").GetString());
            var documents = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/documents", UriKind.Relative), Token);
            Assert.Equal(5, documents.GetProperty("documents").GetArrayLength());
            var ready = await client.GetFromJsonAsync<JsonElement>(new Uri("/health/ready", UriKind.Relative), Token);
            Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        }
        finally
        {
            corpus.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Documents_ListsIndexedAndFailedFilesWithReasons()
    {
        var corpus = Directory.CreateTempSubdirectory("pa-admin-corpus-");
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "TestCorpus", "tthc-1.001193.md"), Path.Combine(corpus.FullName, "tthc-1.001193.md"));
            await File.WriteAllTextAsync(Path.Combine(corpus.FullName, "broken.md"), "---\ntype: guide\n---\n", Token);
            await using var app = new ProcedureAssistantApp { CorpusPath = corpus.FullName, Settings = new Dictionary<string, string> { ["Admin:ApiKey"] = Key } };
            using var client = await app.CreateReadyClientAsync();

            using var response = await client.SendAsync(Request(HttpMethod.Get, "/api/admin/documents", Key), Token);
            var documents = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("documents");

            Assert.Equal("broken.md", documents[0].GetProperty("sourcePath").GetString());
            Assert.Equal("failed", documents[0].GetProperty("status").GetString());
            Assert.Contains("no 'id'", documents[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal("indexed", documents[1].GetProperty("status").GetString());
            Assert.Equal("tthc-1.001193", documents[1].GetProperty("id").GetString());
        }
        finally
        {
            corpus.Delete(recursive: true);
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, string? key)
    {
        var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Add("X-Admin-Key", key);
        }

        return request;
    }

    private static async Task<JsonElement> WaitForJobAsync(HttpClient client, string location, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement job = default;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.SendAsync(Request(HttpMethod.Get, location, Key), Token);
            job = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
            if (job.GetProperty("state").GetString() == state)
            {
                return job;
            }

            await Task.Delay(20, Token);
        }

        throw new TimeoutException($"The job did not reach '{state}': {job}");
    }
}
