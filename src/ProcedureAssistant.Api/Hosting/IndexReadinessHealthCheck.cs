using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProcedureAssistant.Api.Hosting;

/// <summary>Ready once the index is loaded or built; unhealthy with the reason when start-up indexing failed.</summary>
internal sealed class IndexReadinessHealthCheck(IndexReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness switch
        {
            { IsReady: true } => HealthCheckResult.Healthy("The index is loaded."),
            { Failure: { } failure } => HealthCheckResult.Unhealthy("The index could not be prepared: " + failure),
            _ => HealthCheckResult.Unhealthy("The index is still being prepared."),
        });
}
