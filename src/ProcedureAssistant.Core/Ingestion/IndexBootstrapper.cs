using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Diagnostics;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Ingestion;

/// <summary>
/// Makes sure an index is ready: checks the configured dense model's dimensions, then loads the index in the data
/// folder, or ingests the corpus when there is none, when it was built by another version of the text analyser, or
/// when its dense vectors are not those <c>Embeddings</c> configures (another model, or other dimensions).
/// </summary>
public sealed class IndexBootstrapper(
    IChunkIndex index,
    IngestionPipeline pipeline,
    DenseEncoder encoder,
    IOptions<CorpusOptions> options,
    ILogger<IndexBootstrapper> logger)
{
    /// <summary>Returns the live index's description, building the index first when needed.</summary>
    public async Task<IndexInfo> EnsureIndexAsync(IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await encoder.VerifyModelAsync(cancellationToken).ConfigureAwait(false);
        var info = await index.GetInfoAsync(cancellationToken).ConfigureAwait(false);
        if (info is not null && info.AnalyzerVersion == TextAnalyzer.Version && encoder.Matches(info))
        {
            Log.IndexLoaded(logger, info.Version, info.DocumentCount, info.ChunkCount);
            return info;
        }

        if (!options.Value.IngestOnStart)
        {
            throw new IndexUnavailableException(info is not null && !encoder.Matches(info)
                ? $"The index's dense vectors ({info.DenseModel ?? "none"}, {info.DenseDimensions} dimensions) do not match Embeddings:Provider {encoder.Provider} and Embeddings:Dimensions, and Corpus:IngestOnStart is false: run 'ingest' first."
                : "There is no usable index and Corpus:IngestOnStart is false: run 'ingest' first.");
        }

        if (info is not null && info.AnalyzerVersion != TextAnalyzer.Version)
        {
            Log.AnalyzerChanged(logger, info.AnalyzerVersion, TextAnalyzer.Version);
        }
        else if (info is not null)
        {
            Log.DenseModelChanged(logger, info.DenseModel ?? "none", encoder.Provider.ToString());
        }
        else
        {
            Log.IngestingOnStart(logger, Path.GetFullPath(options.Value.Path));
        }

        var report = await pipeline.RunAsync(options.Value.AllSources(), IngestionMode.Full, progress, cancellationToken).ConfigureAwait(false);
        return report.Index;
    }
}
