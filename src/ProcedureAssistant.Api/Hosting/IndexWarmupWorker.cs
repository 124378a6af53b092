using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Diagnostics;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Qdrant;
using ProcedureAssistant.Core.Ingestion;
using ProcedureAssistant.Core.Retrieval;

namespace ProcedureAssistant.Api.Hosting;

/// <summary>
/// Loads the index at start-up, or ingests the corpus when there is none, without holding up the HTTP server:
/// until it is done, /health/ready answers 503 with the reason and questions get a 503 ProblemDetails. Ready means
/// ready to answer at once: the version's per-version work (the catalog's statistics, the vocabulary, the reranker's
/// statistics) is done and one question has gone through every step before readiness says 200. While the index
/// cannot be reached (Qdrant still starting, or down) it tries again every <see cref="RetryDelay"/>, which is
/// waiting, not failing; an error that waiting will not cure (a Qdrant server too old, a missing corpus) stops it,
/// and the reason stays on show.
/// </summary>
internal sealed partial class IndexWarmupWorker(
    IndexBootstrapper bootstrapper,
    IndexReadiness readiness,
    DocumentCatalog catalog,
    IChunkIndex index,
    AnswerService answers,
    TimeProvider time,
    ILogger<IndexWarmupWorker> logger) : BackgroundService
{
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    // Goes through normalisation, diacritic restoration, retrieval, reranking and the answer, whatever the corpus holds.
    private const string WarmUpQuestion = "thu tuc hanh chinh can giay to gi";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var activity = Telemetry.Source.StartActivity("index.warmup");
        while (true)
        {
            try
            {
                await bootstrapper.EnsureIndexAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                await catalog.CurrentAsync(stoppingToken).ConfigureAwait(false);
                await index.GetStatisticsAsync(stoppingToken).ConfigureAwait(false);
                await answers.AskAsync(new AskQuery(WarmUpQuestion, Persona.Citizen, null, "warm-up"), stoppingToken).ConfigureAwait(false);
                readiness.MarkReady();
                return;
            }
            catch (IndexUnavailableException ex)
            {
                LogWarmupRetrying(logger, ex.Message, RetryDelay.TotalSeconds);
                readiness.MarkWaiting($"{ex.Message} (trying again every {RetryDelay.TotalSeconds:0} s)");
                await Task.Delay(RetryDelay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is QdrantException or DirectoryNotFoundException)
            {
                // Expected failures: their message says what to do, a stack trace would only hide it.
                LogWarmupFailed(logger, ex.Message);
                readiness.MarkFailed(ex.Message);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Start-up must not crash the host: the reason is logged and shown by /health/ready.
                LogWarmupCrashed(logger, ex);
                readiness.MarkFailed(ex.Message);
                return;
            }
        }
    }

    [LoggerMessage(1, LogLevel.Error, "The index could not be prepared; the service stays unready")]
    private static partial void LogWarmupCrashed(ILogger logger, Exception exception);

    [LoggerMessage(2, LogLevel.Error, "The index could not be prepared; the service stays unready: {Reason}")]
    private static partial void LogWarmupFailed(ILogger logger, string reason);

    [LoggerMessage(3, LogLevel.Warning, "The index cannot be reached yet ({Reason}); trying again in {DelaySeconds} s")]
    private static partial void LogWarmupRetrying(ILogger logger, string reason, double delaySeconds);
}
