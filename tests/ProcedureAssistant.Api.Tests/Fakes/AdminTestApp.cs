using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace ProcedureAssistant.Api.Tests.Fakes;

/// <summary>
/// A ready app with the admin key set, over its own copy of the test corpus and its own data folder (both deleted
/// with it), and requests that carry the key.
/// </summary>
public sealed class AdminTestApp : IAsyncDisposable
{
    public const string Key = "test-admin-key-0123456789";

    private readonly DirectoryInfo _corpus;

    private AdminTestApp(DirectoryInfo corpus, ProcedureAssistantApp app, HttpClient client)
    {
        _corpus = corpus;
        App = app;
        Client = client;
    }

    public ProcedureAssistantApp App { get; }

    public HttpClient Client { get; }

    public string CorpusPath => _corpus.FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// Starts the app. <paramref name="prepareCorpus"/> may change the corpus copy first; with
    /// <paramref name="waitUntilReady"/> false the client is returned at once (for a corpus that cannot be indexed).
    /// </summary>
    public static async Task<AdminTestApp> StartAsync(
        Action<string>? prepareCorpus = null,
        IReadOnlyDictionary<string, string>? settings = null,
        bool waitUntilReady = true,
        string? corpusPath = null,
        Action<IServiceCollection>? services = null)
    {
        var corpus = Directory.CreateTempSubdirectory("pa-admin-corpus-");
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestCorpus")))
        {
            File.Copy(file, Path.Combine(corpus.FullName, Path.GetFileName(file)));
        }

        prepareCorpus?.Invoke(corpus.FullName);
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["Admin:ApiKey"] = Key };
        var app = new ProcedureAssistantApp { CorpusPath = corpusPath ?? corpus.FullName, Settings = all, TestServices = services };
        var client = waitUntilReady ? await app.CreateReadyClientAsync() : app.CreateClient();
        return new AdminTestApp(corpus, app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        _corpus.Delete(recursive: true);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content = null, string? key = Key)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        if (key is not null)
        {
            request.Headers.Add("X-Admin-Key", key);
        }

        return await Client.SendAsync(request, Token);
    }

    public async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await SendAsync(HttpMethod.Get, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
    }

    /// <summary>Polls a job's status URL until it reaches <paramref name="state"/>.</summary>
    public async Task<JsonElement> WaitForJobAsync(string location, string state = "succeeded")
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement job = default;
        while (DateTime.UtcNow < deadline)
        {
            job = await GetJsonAsync(location);
            if (job.GetProperty("state").GetString() == state)
            {
                return job;
            }

            await Task.Delay(20, Token);
        }

        throw new TimeoutException($"The job did not reach '{state}': {job}");
    }

    /// <summary>Polls a document's admin status until it is <paramref name="status"/>.</summary>
    public async Task<JsonElement> WaitForDocumentAsync(string id, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement document = default;
        while (DateTime.UtcNow < deadline)
        {
            document = await GetJsonAsync($"/api/admin/documents/{id}");
            if (document.GetProperty("status").GetString() == status)
            {
                return document;
            }

            await Task.Delay(20, Token);
        }

        throw new TimeoutException($"The document did not become '{status}': {document}");
    }

    /// <summary>Every file below the corpus folder with the SHA-256 of its bytes, to show that nothing changed.</summary>
    public SortedDictionary<string, string> CorpusFiles() => Files(CorpusPath);

    public static SortedDictionary<string, string> Files(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(folder, path).Replace('\\', '/'), path => Sha256(File.ReadAllBytes(path))),
        StringComparer.Ordinal);

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>A multipart/form-data body with the file in a 'file' part and the given metadata fields.</summary>
    public static MultipartFormDataContent Form(string fileName, byte[] content, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", fileName);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }
}
