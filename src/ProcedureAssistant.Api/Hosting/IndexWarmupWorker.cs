using ProcedureAssistant.Core.Diagnostics;
using ProcedureAssistant.Core.Ingestion;

namespace ProcedureAssistant.Api.Hosting;

/// <summary>
/// Loads the index at start-up, or ingests the corpus when there is none, without holding up the HTTP server:
/// until it is done, /health/ready answers 503 and questions get a 503 ProblemDetails.
/// </summary>
internal sealed partial class IndexWarmupWorker(IndexBootstrapper bootstrapper, IndexReadiness readiness, ILogger<IndexWarmupWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var activity = Telemetry.Source.StartActivity("index.warmup");
        try
        {
            await bootstrapper.EnsureIndexAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
            readiness.MarkReady();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Start-up must not crash the host: the reason is logged and shown by /health/ready.
            LogWarmupFailed(logger, ex);
            readiness.MarkFailed(ex.Message);
        }
    }

    [LoggerMessage(1, LogLevel.Error, "The index could not be prepared; the service stays unready")]
    private static partial void LogWarmupFailed(ILogger logger, Exception exception);
}
