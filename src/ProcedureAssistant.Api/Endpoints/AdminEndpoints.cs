using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ProcedureAssistant.Api.Admin;
using ProcedureAssistant.Api.Contracts;
using ProcedureAssistant.Api.Hosting;
using ProcedureAssistant.Core.Ingestion;

namespace ProcedureAssistant.Api.Endpoints;

/// <summary>The admin API behind the admin key: re-index jobs, the audit log and (in <see cref="AdminDocumentEndpoints"/>) the corpus documents.</summary>
internal static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(AdminKeyMiddleware.PathPrefix).WithTags("Admin").RequireRateLimiting(RateLimitPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        // A public OpenAPI document describes what the public may call; operators read the admin routes in any other environment.
        if (app.ServiceProvider.GetRequiredService<IHostEnvironment>().IsProduction())
        {
            group.ExcludeFromDescription();
        }

        group.MapPost("/reindex", StartReindexAsync).WithName("Reindex")
            .WithSummary("Start a re-index: incremental (default: only changed files) or full (a new index, switched to once complete); the live index keeps answering.");
        group.MapGet("/jobs/{id:guid}", GetJob).WithName("GetJob").WithSummary("A re-index job's state and progress.");
        group.MapDelete("/jobs/{id:guid}", CancelJobAsync).WithName("CancelJob").WithSummary("Cancel a queued or running re-index; the previous index stays live.");
        group.MapGet("/audit", ReadAuditAsync).WithName("Audit").WithSummary("The latest admin actions (1 to 1000, default 100), newest first.").ProducesValidationProblem();
        group.MapAdminDocumentEndpoints();
        group.MapAdminSubmissionEndpoints();
        return group;
    }

    private static async Task<Results<Accepted<JobResponse>, ValidationProblem, ProblemHttpResult>> StartReindexAsync(
        HttpContext context, ReindexJobs jobs, AuditLog audit, CancellationToken cancellationToken,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ReindexRequest? request = null)
    {
        if (!TryParseMode(request?.Mode, out var mode))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["mode"] = [$"'{request?.Mode}' is not a re-index mode: use 'incremental' or 'full'."] });
        }

        var actor = audit.Actor(context);
        if (!jobs.TryReserve(actor, $"{ModeName(mode)} re-index", out var job, mode))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "A re-index is already running",
                detail: $"Job {job.Id} is {job.State}; wait for it to finish.",
                extensions: new Dictionary<string, object?> { ["jobId"] = job.Id });
        }

        // Audited before it starts; a job the log cannot show does not run.
        try
        {
            await audit.RecordAsync(actor, "reindex", null, $"job {job.Id}, {ModeName(mode)}", cancellationToken);
        }
        catch
        {
            jobs.Abandon(job);
            throw;
        }

        jobs.Start(job);
        return TypedResults.Accepted($"/api/admin/jobs/{job.Id}", ToResponse(job));
    }

    private static Results<Ok<JobResponse>, ProblemHttpResult> GetJob(Guid id, ReindexJobs jobs) =>
        jobs.Find(id) is { } job
            ? TypedResults.Ok(ToResponse(job))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Job not found", detail: $"No job has the id {id}.");

    private static async Task<Results<Accepted<JobResponse>, ProblemHttpResult>> CancelJobAsync(
        Guid id, HttpContext context, ReindexJobs jobs, AuditLog audit, CancellationToken cancellationToken)
    {
        if (jobs.Find(id) is not { } job)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Job not found", detail: $"No job has the id {id}.");
        }

        if (job.IsFinished)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The job has finished", detail: $"Job {id} is {job.State}.");
        }

        await audit.RecordAsync(audit.Actor(context), "cancel-reindex", null, $"job {id}", cancellationToken);
        await job.Cancellation.CancelAsync();
        return TypedResults.Accepted($"/api/admin/jobs/{id}", ToResponse(job));
    }

    private static async Task<Ok<IReadOnlyList<AuditEntry>>> ReadAuditAsync(AuditLog audit, CancellationToken cancellationToken, [Range(1, 1000)] int last = 100) =>
        TypedResults.Ok(await audit.ReadAsync(last, cancellationToken));

    private static bool TryParseMode(string? text, out IngestionMode mode)
    {
        IngestionMode? parsed = text?.ToLowerInvariant() switch
        {
            null or "incremental" => IngestionMode.Incremental,
            "full" => IngestionMode.Full,
            _ => null,
        };
        mode = parsed ?? IngestionMode.Incremental;
        return parsed is not null;
    }

    private static string ModeName(IngestionMode mode) => mode.ToString().ToLowerInvariant();

    private static JobResponse ToResponse(ReindexJob job) => new(
        job.Id,
        job.State,
        job.RequestedBy,
        job.Reason,
        job.RequestedAt,
        job.StartedAt,
        job.FinishedAt,
        job.Done,
        job.Total,
        job.Error,
        job.Report is { } report
            ? new JobResult(
                report.Index.Version,
                report.Index.DocumentCount,
                report.Index.ChunkCount,
                report.Failures.Select(f => new FailedFile(f.SourcePath, f.Reason)).ToList(),
                ModeName(report.Mode),
                report.Changes.Added,
                report.Changes.Changed,
                report.Changes.Unchanged,
                report.Changes.Removed)
            : null,
        ModeName(job.Mode));
}
