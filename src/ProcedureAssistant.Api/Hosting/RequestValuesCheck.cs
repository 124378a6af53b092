namespace ProcedureAssistant.Api.Hosting;

/// <summary>
/// Refuses, with 400 ProblemDetails naming the parameter, a query parameter given more than once (<c>q=a&amp;q=b</c>
/// would otherwise be searched as "a,b", and <c>top=1&amp;top=2</c> be read as one of them) and a route or query value
/// holding a control character (a NUL in an id would otherwise be dropped on the way and another id looked up).
/// </summary>
internal sealed class RequestValuesCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (name, values) in context.Request.Query)
        {
            if (values.Count > 1)
            {
                await RefuseAsync(context, problems, name, $"Tham số '{name}' chỉ được gửi một lần.");
                return;
            }

            if (values.Any(HasControlCharacter))
            {
                await RefuseAsync(context, problems, name, $"Tham số '{name}' chứa ký tự điều khiển.");
                return;
            }
        }

        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is string text && HasControlCharacter(text))
            {
                await RefuseAsync(context, problems, name, $"Giá trị '{name}' chứa ký tự điều khiển.");
                return;
            }
        }

        await next(context);
    }

    private static bool HasControlCharacter(string? value) => value is not null && value.Any(char.IsControl);

    private static async Task RefuseAsync(HttpContext context, IProblemDetailsService problems, string field, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Type = ProblemTypes.InvalidRequest,
                Detail = message,
            },
        });
    }
}
