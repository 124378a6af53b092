using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ProcedureAssistant.Api.Tests.Fakes;

namespace ProcedureAssistant.Api.Tests;

/// <summary>
/// Per-client limits: a client over its limit gets 429 ProblemDetails with Retry-After; the admin routes have a budget
/// of their own; clients are told apart by their address (an IPv6 client by its /64, where one host holds many).
/// </summary>
public sealed class RateLimitTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Questions_OverTheLimit_Get429ProblemWithRetryAfter()
    {
        await using var app = App(questions: 3, admin: 100);

        var statuses = new List<HttpStatusCode>();
        HttpContext? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await SearchAsync(app, "10.0.0.1");
            statuses.Add((HttpStatusCode)last.Response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var retryAfter = int.Parse(last!.Response.Headers.RetryAfter.ToString(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("application/problem+json", last.Response.ContentType?.Split(';')[0]);
        var problem = await JsonSerializer.DeserializeAsync<JsonElement>(last.Response.Body, cancellationToken: Token);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("urn:procedure-assistant:problem:too-many-requests", problem.GetProperty("type").GetString());
        RequestHygieneTests.AssertVietnamese(problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Admin_HasABudgetOfItsOwn()
    {
        await using var app = App(questions: 2, admin: 2);

        for (var i = 0; i < 3; i++)
        {
            await SearchAsync(app, "10.0.0.2");
        }

        var admin = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            admin.Add((await AdminAsync(app, "10.0.0.2")).Response.StatusCode);
        }

        // The questions spent their budget; the admin routes still had theirs, then spent it too.
        Assert.Equal([200, 200, 429], admin);
        Assert.Equal(429, (await SearchAsync(app, "10.0.0.2")).Response.StatusCode);
    }

    [Theory]
    [InlineData("10.0.0.3", "10.0.0.4", false)]
    [InlineData("10.0.0.5", "::ffff:10.0.0.5", true)]
    [InlineData("2001:db8:1:2::10", "2001:db8:1:2:ffff::99", true)]
    [InlineData("2001:db8:1:2::10", "2001:db8:1:3::10", false)]
    public async Task Clients_AreToldApartByAddress_IPv6ByItsSlash64(string first, string second, bool shareABudget)
    {
        await using var app = App(questions: 2, admin: 100);

        await SearchAsync(app, first);
        await SearchAsync(app, first);
        var other = await SearchAsync(app, second);

        Assert.Equal(shareABudget ? 429 : 200, other.Response.StatusCode);
    }

    private static ProcedureAssistantApp App(int questions, int admin) => new()
    {
        Settings = new Dictionary<string, string>
        {
            ["Admin:ApiKey"] = AdminTestApp.Key,
            ["RateLimiting:QuestionsPerMinute"] = questions.ToString(CultureInfo.InvariantCulture),
            ["RateLimiting:AdminPerMinute"] = admin.ToString(CultureInfo.InvariantCulture),
        },
    };

    private static async Task<HttpContext> SearchAsync(ProcedureAssistantApp app, string address)
    {
        await EnsureReadyAsync(app);
        return await app.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Path = "/api/search";
            context.Request.QueryString = new QueryString("?q=khai%20sinh");
            context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        }, Token);
    }

    private static Task<HttpContext> AdminAsync(ProcedureAssistantApp app, string address) =>
        app.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Path = "/api/admin/audit";
            context.Request.Headers["X-Admin-Key"] = AdminTestApp.Key;
            context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        }, Token);

    private static async Task EnsureReadyAsync(ProcedureAssistantApp app)
    {
        using var client = await app.CreateReadyClientAsync();
    }
}
