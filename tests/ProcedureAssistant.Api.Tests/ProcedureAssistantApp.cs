using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProcedureAssistant.Core.Communes;

namespace ProcedureAssistant.Api.Tests;

/// <summary>The API over a corpus folder (the small test corpus by default) with its index in a temp folder.</summary>
public sealed class ProcedureAssistantApp : WebApplicationFactory<Program>
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "pa-api-tests-" + Guid.NewGuid().ToString("N"));

    public string CorpusPath { get; init; } = Path.Combine(AppContext.BaseDirectory, "TestCorpus");

    /// <summary>The app's own data folder (index, audit log, withdrawn files), deleted with the app.</summary>
    public string DataPath => _data;

    /// <summary>More configuration, such as <c>Llm:Endpoint</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The hosting environment (Testing unless a test needs Development or Production).</summary>
    public string Environment { get; init; } = "Testing";

    /// <summary>Changes to the app's services, applied after its own registrations (to wrap the index, say).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>The repository's bundled corpus, found by walking up to the solution file.</summary>
    public static string BundledCorpusPath
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "ProcedureAssistant.sln")))
                {
                    return Path.Combine(folder.FullName, "corpus");
                }
            }

            throw new DirectoryNotFoundException("ProcedureAssistant.sln was not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A client for an app whose start-up indexing has finished.</summary>
    public async Task<HttpClient> CreateReadyClientAsync()
    {
        var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return client;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The app did not become ready within 60 seconds.");
    }

    // Every app of a test run reads the same commune mapping (about 6.5 MB once loaded): one copy for the test
    // process, not one per app, so that apps still alive in other test classes do not crowd the fuzz suite's heap bound.
    private static readonly CommuneDirectory Communes = CommuneDirectory.LoadDefault();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);

        // Per-client rate limits are generous unless a test sets its own: every request of the test host comes
        // from the same (unknown) client. Added last, so that they win over appsettings.{Environment}.json too.
        var settings = new Dictionary<string, string?>
        {
            ["RateLimiting:QuestionsPerMinute"] = "100000",
            ["RateLimiting:SubmissionsPerMinute"] = "100000",
            ["RateLimiting:AdminPerMinute"] = "100000",
            ["Corpus:Path"] = CorpusPath,
            ["VectorStore:DataPath"] = _data,
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(services => services.AddSingleton(Communes));

        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
