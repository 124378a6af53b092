using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using ProcedureAssistant.Api.Admin;
using ProcedureAssistant.Api.Tests.Fakes;

namespace ProcedureAssistant.Api.Tests;

/// <summary>The admin page's session: the key once, then an HttpOnly cookie that is worth nothing without the page's header.</summary>
public sealed class AdminSessionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Session_StartedWithTheKey_StandsForItUntilEnded()
    {
        await using var admin = await AdminTestApp.StartAsync();

        using var started = await admin.SendAsync(HttpMethod.Post, "/api/admin/session");
        Assert.Equal(HttpStatusCode.NoContent, started.StatusCode);
        var setCookie = Assert.Single(started.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("pa-admin=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/api/admin", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(AdminTestApp.Key, setCookie, StringComparison.Ordinal);
        var cookie = setCookie.Split(';')[0];

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(admin, cookie, withPageHeader: true));
        // Without the page's header the cookie is not enough: another site's page can make the browser send it, not the header.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(admin, cookie, withPageHeader: false));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(admin, "pa-admin=forged-token", withPageHeader: true));

        using var ended = await admin.SendAsync(HttpMethod.Delete, "/api/admin/session");
        Assert.Contains("pa-admin=;", Assert.Single(ended.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditedAction_ThroughTheSession_IsNamedLikeTheKeyItself()
    {
        await using var admin = await AdminTestApp.StartAsync();
        using var started = await admin.SendAsync(HttpMethod.Post, "/api/admin/session");
        var cookie = Assert.Single(started.Headers.GetValues("Set-Cookie")).Split(';')[0];

        using (var byHeader = await admin.SendAsync(HttpMethod.Get, "/api/admin/handoffs/export"))
        {
            Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/admin/handoffs/export", UriKind.Relative)))
        {
            request.Headers.Add("Cookie", cookie);
            request.Headers.Add("X-Admin-Session", "1");
            using var client = admin.App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
            using var bySession = await client.SendAsync(request, Token);
            Assert.Equal(HttpStatusCode.OK, bySession.StatusCode);
        }

        var actors = (await admin.GetJsonAsync("/api/admin/audit")).EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "export-handoffs")
            .Select(e => e.GetProperty("actor").GetString())
            .ToList();
        Assert.Equal(2, actors.Count);
        Assert.Equal(actors[0], actors[1]);
        Assert.Matches("^key:[0-9a-f]{16}$", actors[0]);
    }

    [Fact]
    public void Token_IsHonouredOnlyForTheKeyItWasIssuedFor()
    {
        var session = new AdminSession(DataProtectionProvider.Create("admin-session-tests"), TimeProvider.System);
        var context = new DefaultHttpContext();

        session.Start(context, "key:aaaaaaaaaaaa");
        var token = Uri.UnescapeDataString(context.Response.Headers.SetCookie.ToString().Split(';')[0]["pa-admin=".Length..]);

        Assert.Equal("key:aaaaaaaaaaaa", session.Resume(token, "key:aaaaaaaaaaaa"));
        Assert.Null(session.Resume(token, "key:bbbbbbbbbbbb"));
        Assert.Null(session.Resume(token[..^2], "key:aaaaaaaaaaaa"));
    }

    private static async Task<HttpStatusCode> StatusAsync(AdminTestApp admin, string cookie, bool withPageHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/admin/documents", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        if (withPageHeader)
        {
            request.Headers.Add("X-Admin-Session", "1");
        }

        // A client without a cookie jar of its own: the request carries exactly the cookie given.
        using var client = admin.App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var response = await client.SendAsync(request, Token);
        return response.StatusCode;
    }
}
