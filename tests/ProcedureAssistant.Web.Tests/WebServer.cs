using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using ProcedureAssistant.Api.Tests;

namespace ProcedureAssistant.Web.Tests;

/// <summary>
/// The whole service as a real HTTP server on a free loopback port (Kestrel, not the in-memory test server), over
/// its own copy of the test corpus and its own data folder, with the embedded index: what the browser talks to.
/// </summary>
public sealed class WebServer : IAsyncDisposable
{
    public const string AdminKey = "web-test-admin-key-0123456789";

    private readonly DirectoryInfo _corpus;
    private bool _disposed;

    private WebServer(ProcedureAssistantApp app, DirectoryInfo corpus, Uri address)
    {
        App = app;
        _corpus = corpus;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
        Http.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
    }

    public ProcedureAssistantApp App { get; }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>A client of the real server that carries the admin key.</summary>
    public HttpClient Http { get; }

    public string CorpusPath => _corpus.FullName;

    public string DataPath => App.DataPath;

    public Uri Url(string path) => new(Address, path);

    /// <summary>
    /// Starts the service and, unless <paramref name="waitUntilReady"/> is false, waits until its index is ready.
    /// <paramref name="dataPath"/> reuses another server's data folder (a restart). <paramref name="corpusFolder"/> is
    /// the test corpus copied in (a folder of the test output).
    /// </summary>
    public static async Task<WebServer> StartAsync(
        IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null,
        bool waitUntilReady = true,
        string corpusFolder = "TestCorpus")
    {
        var corpus = Directory.CreateTempSubdirectory("pa-web-corpus-");
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, corpusFolder)))
        {
            File.Copy(file, Path.Combine(corpus.FullName, Path.GetFileName(file)));
        }

        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Admin:ApiKey"] = AdminKey,
            // The browser tests send more than a person would; the limiter itself is tested in the API tests.
            ["RateLimiting:QuestionsPerMinute"] = "10000",
            ["RateLimiting:SubmissionsPerMinute"] = "10000",
            ["RateLimiting:AdminPerMinute"] = "10000",
        };
        var app = new ProcedureAssistantApp { CorpusPath = corpus.FullName, Settings = all, TestServices = services };
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var server = new WebServer(app, corpus, new Uri(address.TrimEnd('/') + "/"));
        if (waitUntilReady)
        {
            await server.WaitUntilReadyAsync();
        }

        return server;
    }

    public async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await Http.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The service did not become ready within 60 seconds.");
    }

    /// <summary>Stops the service (a second call does nothing: a test may stop it half-way).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Http.Dispose();
        await App.DisposeAsync();
        _corpus.Delete(recursive: true);
    }
}
