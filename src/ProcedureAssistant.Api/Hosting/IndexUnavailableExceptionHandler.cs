using Microsoft.AspNetCore.Diagnostics;
using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Api.Hosting;

/// <summary>Maps <see cref="IndexUnavailableException"/> to 503 ProblemDetails with a retry hint.</summary>
internal sealed class IndexUnavailableExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not IndexUnavailableException unavailable)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The index is not ready",
                Detail = unavailable.Message,
            },
            Exception = exception,
        }).ConfigureAwait(false);
    }
}
