using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ProcedureAssistant.Api.Admin;

/// <summary>
/// The admin page's session: the key is sent once, and the browser then holds an HttpOnly, SameSite=Strict cookie
/// scoped to <c>/api/admin</c> with a protected token (the key's fingerprint and an expiry), never the key itself. The
/// cookie has no expiry of its own, so it goes when the browser closes; the token stops working after
/// <see cref="Lifetime"/>, or as soon as the configured key changes.
/// </summary>
internal sealed class AdminSession(IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = "pa-admin";

    /// <summary>
    /// The header a request authenticated by the cookie must carry: a page of another site can make a browser send
    /// the cookie, but not add a header without a CORS preflight this service never grants.
    /// </summary>
    public const string RequestHeader = "X-Admin-Session";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("ProcedureAssistant.AdminSession").ToTimeLimitedDataProtector();

    /// <summary>Sets the session cookie for the key fingerprint the request was admitted with.</summary>
    public void Start(HttpContext context, string fingerprint) =>
        context.Response.Cookies.Append(CookieName, _protector.Protect(fingerprint, time.GetUtcNow() + Lifetime), Options(context));

    public static void End(HttpContext context) => context.Response.Cookies.Delete(CookieName, Options(context));

    /// <summary>The fingerprint the session was started with when the token is genuine, unexpired and still matches <paramref name="currentFingerprint"/>; else null.</summary>
    public string? Resume(string token, string currentFingerprint)
    {
        try
        {
            var fingerprint = _protector.Unprotect(token, out _);
            return fingerprint == currentFingerprint ? fingerprint : null;
        }
        catch (CryptographicException)
        {
            // Forged, expired, or protected with a key ring this service no longer has.
            return null;
        }
    }

    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = AdminKeyMiddleware.PathPrefix,
        IsEssential = true,
    };
}
