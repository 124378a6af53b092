using Microsoft.AspNetCore.Diagnostics;
using ProcedureAssistant.Api.Admin;
using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Api.Hosting;

/// <summary>
/// Maps what the service expects to be missing at times to 503 ProblemDetails that give the reason: the index
/// (<see cref="IndexUnavailableException"/>: not built yet, or Qdrant unreachable; with a retry hint), the corpus
/// folder the admin API writes to (<see cref="CorpusUnavailableException"/>) and the audit log
/// (<see cref="AuditUnavailableException"/>). An anonymous caller reads a general reason in Vietnamese, never the
/// address of a backend; an admin (whose key the middleware checked) reads the exception's message; the log keeps it.
/// </summary>
internal sealed partial class UnavailableExceptionHandler(IProblemDetailsService problems, ILogger<UnavailableExceptionHandler> logger) : IExceptionHandler
{
    private const string IndexUnavailableForAnyone =
        "Kho văn bản đang được chuẩn bị hoặc tạm thời không truy cập được; vui lòng thử lại sau ít giây.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (type, title, retryAfterSeconds) = exception switch
        {
            IndexUnavailableException => (ProblemTypes.IndexUnavailable, "The index is not ready", "5"),
            CorpusUnavailableException => (ProblemTypes.CorpusUnavailable, "The corpus folder is not available", null),
            AuditUnavailableException => (ProblemTypes.AuditUnavailable, "The audit log cannot be written; nothing was done", null),
            _ => (null, null, null),
        };
        if (type is null)
        {
            return false;
        }

        LogUnavailable(logger, type, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        if (retryAfterSeconds is not null)
        {
            httpContext.Response.Headers.RetryAfter = retryAfterSeconds;
        }

        var isAdmin = httpContext.Request.Path.StartsWithSegments(AdminKeyMiddleware.PathPrefix);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = type,
                Title = title,
                Detail = isAdmin ? exception.Message : type == ProblemTypes.IndexUnavailable ? IndexUnavailableForAnyone : InternalAddress.Hide(exception.Message),
            },
            Exception = exception,
        }).ConfigureAwait(false);
    }

    [LoggerMessage(1, LogLevel.Warning, "A request was answered 503 ({ProblemType}): {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string problemType, string reason);
}
