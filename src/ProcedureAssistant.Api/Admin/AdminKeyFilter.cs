using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ProcedureAssistant.Api.Admin;

/// <summary>
/// Guards the admin routes: no <c>X-Admin-Key</c> header → 401, a wrong key → 403. Keys are compared in
/// constant time (on their SHA-256, so that the length does not leak either).
/// </summary>
internal sealed class AdminKeyFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Admin-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var presented = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (presented.Length == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Admin key required", detail: $"Send the admin key in the {HeaderName} header.");
        }

        var expected = options.Value.ApiKey;
        if (string.IsNullOrEmpty(expected) || !CryptographicOperations.FixedTimeEquals(Hash(presented), Hash(expected)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Admin key refused", detail: string.IsNullOrEmpty(expected) ? "The admin API is disabled: Admin:ApiKey is not configured." : "The admin key is not valid.");
        }

        return await next(context);
    }

    /// <summary>A short, non-reversible name for the key that made a change, for the audit log.</summary>
    public static string Fingerprint(HttpContext context) =>
        "key:" + Convert.ToHexStringLower(Hash(context.Request.Headers[HeaderName].ToString()))[..12];

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
