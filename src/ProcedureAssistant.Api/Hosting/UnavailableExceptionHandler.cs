using Microsoft.AspNetCore.Diagnostics;
using ProcedureAssistant.Api.Admin;
using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Api.Hosting;

/// <summary>
/// Maps what the service expects to be missing at times to 503 ProblemDetails that give the reason: the index
/// (<see cref="IndexUnavailableException"/>: not built yet, or Qdrant unreachable; with a retry hint) and the corpus
/// folder the admin API writes to (<see cref="CorpusUnavailableException"/>).
/// </summary>
internal sealed class UnavailableExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (title, retryAfterSeconds) = exception switch
        {
            IndexUnavailableException => ("The index is not ready", "5"),
            CorpusUnavailableException => ("The corpus folder is not available", null),
            _ => (null, null),
        };
        if (title is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        if (retryAfterSeconds is not null)
        {
            httpContext.Response.Headers.RetryAfter = retryAfterSeconds;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = title,
                Detail = exception.Message,
            },
            Exception = exception,
        }).ConfigureAwait(false);
    }
}
