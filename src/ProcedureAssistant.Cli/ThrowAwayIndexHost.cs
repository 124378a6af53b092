using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Qdrant;
using Spectre.Console;

namespace ProcedureAssistant.Cli;

/// <summary>
/// The service graph over a throw-away index, for evaluations: a new temporary data folder and, on Qdrant, an
/// alias of its own (<c>pa-eval-…</c>), so the live index is never touched. Both are deleted on dispose.
/// </summary>
internal sealed class ThrowAwayIndexHost : IAsyncDisposable
{
    private readonly DirectoryInfo _data;

    private ThrowAwayIndexHost(IHost host, DirectoryInfo data)
    {
        Host = host;
        _data = data;
        Provider = host.Services.GetRequiredService<IOptions<VectorStoreOptions>>().Value.Provider;
    }

    public IHost Host { get; }

    public VectorStoreProvider Provider { get; }

    public IChunkIndex Index => Host.Services.GetRequiredService<IChunkIndex>();

    public static ThrowAwayIndexHost Create(ParseResult parse, string? llmCache = null)
    {
        var data = Directory.CreateTempSubdirectory("pa-eval-");
        var host = CliHost.Build(parse, new Dictionary<string, string?>
        {
            ["VectorStore:DataPath"] = data.FullName,
            ["Qdrant:Collection"] = "pa-eval-" + Guid.NewGuid().ToString("N")[..12],
        }, llmCache);
        return new ThrowAwayIndexHost(host, data);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Provider == VectorStoreProvider.Qdrant && Index is QdrantChunkIndex qdrant)
            {
                await qdrant.DeleteAllAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is QdrantException or IndexUnavailableException)
        {
            // The evaluation's own outcome (or error) matters more than the clean-up's.
            CliHost.Status.MarkupLineInterpolated($"[yellow]Could not delete the throw-away Qdrant index:[/] {ex.Message}");
        }
        finally
        {
            Host.Dispose();
            _data.Delete(recursive: true);
        }
    }
}
