using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace ProcedureAssistant.Api.Hosting;

/// <summary>
/// Answers a request the endpoints could not bind (malformed or truncated JSON, a value of the wrong type, invalid
/// UTF-8, nesting past 64 levels, a duplicate property, a missing body, a query value that is not a number, a body
/// over the limit) with 400 or 413 ProblemDetails naming the field: the JSON path for a body (<c>$.topK</c>, <c>$</c>
/// for the body as a whole), the parameter's name for the query. The same in every environment: binding failures
/// are thrown to this handler (<c>RouteHandlerOptions.ThrowOnBadRequest</c>) rather than answered with a bare 400.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public const string Body = "$";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = { Status = bad.StatusCode, Type = ProblemTypes.RequestTooLarge, Detail = PublicBodyLimit.Detail },
            });
        }

        var field = Field(bad);
        var message = bad.InnerException is JsonException
            ? field == Body
                ? "Nội dung không phải JSON hợp lệ (sai cú pháp, thiếu, lồng quá sâu, trùng thuộc tính hoặc không phải UTF-8)."
                : $"Giá trị tại {field} không hợp lệ: sai kiểu dữ liệu hoặc vượt giới hạn (số phải là số nguyên, chuỗi phải đặt trong dấu nháy)."
            : field == Body
                ? "Yêu cầu cần một nội dung JSON."
                : $"Giá trị của tham số '{field}' không hợp lệ.";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = bad.StatusCode,
                Type = ProblemTypes.InvalidRequest,
                Detail = message,
            },
        });
    }

    // The JSON path of a body that did not bind, or the name of a parameter that did not ("int top" → top).
    private static string Field(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            return string.IsNullOrEmpty(json.Path) ? Body : json.Path;
        }

        if (exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return Body;
        }

        var parameter = Parameter().Match(exception.Message);
        return parameter.Success ? parameter.Groups["name"].Value : Body;
    }

    [GeneratedRegex(@"parameter ""(?:[^""]*\s)?(?<name>[A-Za-z_][A-Za-z0-9_]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
