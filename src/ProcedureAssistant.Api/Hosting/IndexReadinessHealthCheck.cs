using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Qdrant;

namespace ProcedureAssistant.Api.Hosting;

/// <summary>
/// Ready once the index is loaded or built and still answers (for Qdrant: the server is reachable and the alias
/// holds an index). Degraded (503, logged as a warning) while start-up is still preparing or waiting for the index,
/// the normal state of the first seconds; unhealthy (503, logged as an error) when start-up failed for good or a
/// ready index stops answering. The reason is given without the backend's address.
/// </summary>
internal sealed class IndexReadinessHealthCheck(IndexReadiness readiness, IChunkIndex index) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady)
        {
            return (readiness.Failure, readiness.Waiting) switch
            {
                ({ } failure, _) => HealthCheckResult.Unhealthy("The index could not be prepared: " + InternalAddress.Hide(failure)),
                (_, { } waiting) => HealthCheckResult.Degraded(InternalAddress.Hide(waiting)),
                _ => HealthCheckResult.Degraded("The index is still being prepared."),
            };
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            return await index.GetInfoAsync(timeout.Token).ConfigureAwait(false) is { } info
                ? HealthCheckResult.Healthy($"The index is loaded (version {info.Version}, {info.DocumentCount} documents).")
                : HealthCheckResult.Unhealthy("The index has gone: nothing is built under the configured name any more. Run a full re-index.");
        }
        catch (Exception ex) when (ex is IndexUnavailableException or QdrantException)
        {
            return HealthCheckResult.Unhealthy("The index does not answer: " + InternalAddress.Hide(ex.Message));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The index did not answer within {Timeout.TotalSeconds:0} s.");
        }
    }
}
