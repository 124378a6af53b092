using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Diagnostics;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Ingestion;

/// <summary>
/// Makes sure an index is ready: loads the one in the data folder, or ingests the corpus when there is none
/// or when it was built by another version of the text analyser.
/// </summary>
public sealed class IndexBootstrapper(
    IChunkIndex index,
    IngestionPipeline pipeline,
    IOptions<CorpusOptions> options,
    ILogger<IndexBootstrapper> logger)
{
    /// <summary>Returns the live index's description, building the index first when needed.</summary>
    public async Task<IndexInfo> EnsureIndexAsync(IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var info = await index.GetInfoAsync(cancellationToken).ConfigureAwait(false);
        if (info is not null && info.AnalyzerVersion == TextAnalyzer.Version)
        {
            Log.IndexLoaded(logger, info.Version, info.DocumentCount, info.ChunkCount);
            return info;
        }

        if (!options.Value.IngestOnStart)
        {
            throw new IndexUnavailableException("There is no usable index and Corpus:IngestOnStart is false: run 'ingest' first.");
        }

        if (info is not null)
        {
            Log.AnalyzerChanged(logger, info.AnalyzerVersion, TextAnalyzer.Version);
        }
        else
        {
            Log.IngestingOnStart(logger, Path.GetFullPath(options.Value.Path));
        }

        var report = await pipeline.RunAsync(options.Value.Path, progress, cancellationToken).ConfigureAwait(false);
        return report.Index;
    }
}
