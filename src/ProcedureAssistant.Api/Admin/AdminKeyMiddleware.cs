using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ProcedureAssistant.Api.Admin;

/// <summary>
/// Guards every route under <see cref="PathPrefix"/>: no <c>X-Admin-Key</c> header (and no admin page session, see
/// <see cref="AdminSession"/>) → 401, a wrong key → 403. Keys are compared in constant time (on their SHA-256, so
/// that the length does not leak either). It is middleware rather than an endpoint filter because routing answers
/// some requests itself (415 for a body type an endpoint does not accept, 405 for a wrong method) without running
/// endpoint filters, and a caller without a key must learn nothing about the admin routes but that a key is needed.
/// </summary>
internal sealed class AdminKeyMiddleware(RequestDelegate next, IOptions<AdminOptions> options, AdminSession session)
{
    public const string HeaderName = "X-Admin-Key";

    public static readonly PathString PathPrefix = "/api/admin";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.StartsWithSegments(PathPrefix))
        {
            await next(context);
            return;
        }

        var expected = options.Value.ApiKey;
        var presented = context.Request.Headers[HeaderName].ToString();
        if (presented.Length == 0)
        {
            // The admin page's session: the cookie stands for the key only with the page's own header beside it.
            if (context.Request.Cookies[AdminSession.CookieName] is { Length: > 0 } token
                && context.Request.Headers.ContainsKey(AdminSession.RequestHeader)
                && !string.IsNullOrEmpty(expected)
                && session.Resume(token, KeyFingerprint(expected)) is not null)
            {
                await next(context);
                return;
            }

            await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Admin key required", detail: $"Send the admin key in the {HeaderName} header.").ExecuteAsync(context);
            return;
        }

        if (string.IsNullOrEmpty(expected) || !CryptographicOperations.FixedTimeEquals(Hash(presented), Hash(expected)))
        {
            var detail = string.IsNullOrEmpty(expected) ? "The admin API is disabled: Admin:ApiKey is not configured." : "The admin key is not valid.";
            await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Admin key refused", detail: detail).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>
    /// What a session token is bound to: a hash of the key, kept only inside the protected (encrypted) cookie, so that
    /// a session ends when the configured key changes. The audit log names keys otherwise (<see cref="AuditLog.Actor"/>).
    /// </summary>
    public static string KeyFingerprint(string key) => "key:" + Convert.ToHexStringLower(Hash(key))[..12];

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
