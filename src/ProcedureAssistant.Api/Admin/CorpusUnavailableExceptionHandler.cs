using Microsoft.AspNetCore.Diagnostics;

namespace ProcedureAssistant.Api.Admin;

/// <summary>Maps <see cref="CorpusUnavailableException"/> to a 503 ProblemDetails that gives the reason.</summary>
internal sealed class CorpusUnavailableExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not CorpusUnavailableException unavailable)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The corpus folder is not available",
                Detail = unavailable.Message,
            },
            Exception = exception,
        }).ConfigureAwait(false);
    }
}
