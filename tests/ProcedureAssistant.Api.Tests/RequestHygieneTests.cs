using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ProcedureAssistant.Api.Tests.Fakes;

namespace ProcedureAssistant.Api.Tests;

/// <summary>
/// Malformed requests get a 400 ProblemDetails naming the field or the JSON path, with a stable type and a title a
/// person can read in Vietnamese, in every environment: the same handler answers in Development and Production.
/// </summary>
public sealed class RequestHygieneTests(RequestHygieneTests.Apps apps) : IClassFixture<RequestHygieneTests.Apps>
{
    public const string InvalidRequestType = "urn:procedure-assistant:problem:invalid-request";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> MalformedAskBodies()
    {
        var data = new TheoryData<string, string, string>();
        var nested = "{\"question\":\"khai sinh\",\"persona\":" + new string('[', 70) + new string(']', 70) + "}";
        foreach (var environment in new[] { "Development", "Production" })
        {
            data.Add(environment, string.Empty, "$");
            data.Add(environment, "{\"question\":\"khai si", "$");
            data.Add(environment, "{\"question\":5}", "$.question");
            data.Add(environment, "{\"question\":\"khai sinh\",\"topK\":5.5}", "$.topK");
            data.Add(environment, "{\"question\":\"khai sinh\",\"topK\":1e400}", "$.topK");
            data.Add(environment, "{\"question\":\"khai sinh\",\"topK\":\"5\"}", "$.topK");
            data.Add(environment, "{\"question\":\"khai sinh\",\"question\":\"kết hôn\"}", "$");
            data.Add(environment, "[\"khai sinh\"]", "$");
            data.Add(environment, "null", "$");
            data.Add(environment, nested, "$");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedAskBodies))]
    public async Task Ask_MalformedBody_Returns400NamingTheJsonPath(string environment, string body, string path)
    {
        using var response = await apps.For(environment).PostAsync(new Uri("/api/ask", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), Token);

        await AssertInvalidAsync(response, key => key.StartsWith(path, StringComparison.Ordinal), $"a JSON path starting with {path}");
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Ask_InvalidUtf8_Returns400(string environment)
    {
        var bytes = Encoding.UTF8.GetBytes("{\"question\":\"khai sinh \"}").ToList();
        bytes.InsertRange(bytes.Count - 2, [0xC3, 0x28, 0xFF]);
        using var content = new ByteArrayContent([.. bytes]);
        content.Headers.ContentType = new("application/json");

        using var response = await apps.For(environment).PostAsync(new Uri("/api/ask", UriKind.Relative), content, Token);

        await AssertInvalidAsync(response, key => key.StartsWith('$'), "a JSON path");
    }

    [Theory]
    [InlineData("Development", "/api/search?q=khai%20sinh&top=abc", "top")]
    [InlineData("Production", "/api/search?q=khai%20sinh&top=abc", "top")]
    [InlineData("Production", "/api/search?q=khai%20sinh&top=5.5", "top")]
    [InlineData("Production", "/api/search?q=khai%20sinh&top=99999999999999999999", "top")]
    [InlineData("Development", "/api/search?q=khai%20sinh&top=1&top=2", "top")]
    [InlineData("Production", "/api/search?q=khai%20sinh&top=1&top=2", "top")]
    [InlineData("Production", "/api/search?q=a&q=b", "q")]
    [InlineData("Production", "/api/documents/tthc-1.001193%01x", "id")]
    [InlineData("Production", "/api/search?q=khai%00sinh", "q")]
    public async Task Query_MalformedOrRepeatedValue_Returns400NamingIt(string environment, string url, string field)
    {
        using var response = await apps.For(environment).GetAsync(new Uri(url, UriKind.Relative), Token);

        await AssertInvalidAsync(response, key => key == field, $"'{field}'");
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Ask_BodyOver64KB_Returns413Problem(string environment)
    {
        var body = JsonSerializer.Serialize(new { question = "khai sinh", conversationId = new string('x', 70 * 1024) });

        using var response = await apps.For(environment).PostAsync(new Uri("/api/ask", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("urn:procedure-assistant:problem:request-too-large", problem.GetProperty("type").GetString());
        AssertVietnamese(problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Ask_ValidBodyAfterMalformedOnes_StillAnswers()
    {
        using var bad = await apps.For("Production").PostAsync(new Uri("/api/ask", UriKind.Relative), new StringContent("{", Encoding.UTF8, "application/json"), Token);
        using var good = await apps.For("Production").PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question = "làm giấy khai sinh cho con cần gì", topK = 5 }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Theory]
    [InlineData("/api/admin/audit?last=-1")]
    [InlineData("/api/admin/audit?last=0")]
    [InlineData("/api/admin/audit?last=abc")]
    [InlineData("/api/admin/audit?last=1&last=2")]
    public async Task Audit_LastOutOfRangeOrMalformed_Returns400NamingIt(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("X-Admin-Key", AdminTestApp.Key);

        using var response = await apps.For("Production").SendAsync(request, Token);

        await AssertInvalidAsync(response, key => key == "last", "'last'", vietnamese: false);
    }

    [Fact]
    public async Task Ask_ConversationIdWithNul_Returns400NamingIt()
    {
        using var response = await apps.For("Production").PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question = "khai sinh", conversationId = "c1\u0000x" }, Token);

        await AssertInvalidAsync(response, key => key == "ConversationId", "'ConversationId'");
    }

    [Fact]
    public async Task Upload_IdWithNul_Returns400NamingIt_InsteadOfDroppingTheNul()
    {
        using var form = AdminTestApp.Form("nd.txt", Encoding.UTF8.GetBytes("Điều 1. Nội dung"), ("type", "regulation"), ("title", "Nghị định thử"), ("id", "nd-thu\u0000"));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/admin/documents", UriKind.Relative)) { Content = form };
        request.Headers.Add("X-Admin-Key", AdminTestApp.Key);

        using var response = await apps.For("Production").SendAsync(request, Token);

        await AssertInvalidAsync(response, key => key == "id", "'id'", vietnamese: false);
    }

    [Fact]
    public async Task RouteValue_WithNul_Returns400NamingIt()
    {
        // Kestrel refuses %00 in a path itself; a server or proxy that decodes it must not reach another id.
        var context = await apps.Server("Production").SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/api/documents/tthc-1.001193\u0000";
        }, Token);

        Assert.Equal(400, context.Response.StatusCode);
        var problem = await JsonSerializer.DeserializeAsync<JsonElement>(context.Response.Body, cancellationToken: Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _), problem.ToString());
    }

    // The admin routes answer in English (their titles are for operators); the public ones in Vietnamese.
    private static async Task AssertInvalidAsync(HttpResponseMessage response, Func<string, bool> names, string what, bool vietnamese = true)
    {
        var problem = await ProblemAsync(response);
        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"expected 400, got {(int)response.StatusCode}: {problem}");
        Assert.Equal(InvalidRequestType, problem.GetProperty("type").GetString());
        if (vietnamese)
        {
            AssertVietnamese(problem.GetProperty("title").GetString());
        }

        Assert.True(
            problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(e => names(e.Name)),
            $"errors should name {what}: {problem}");
    }

    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True("application/problem+json" == response.Content.Headers.ContentType?.MediaType, $"{(int)response.StatusCode} {response.Content.Headers.ContentType}: {text}");
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    /// <summary>A title in Vietnamese has letters only Vietnamese writes (đ, ư, ơ, ạ, ...).</summary>
    internal static void AssertVietnamese(string? text) =>
        Assert.Matches("[đĐăâêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", text ?? string.Empty);

    /// <summary>One ready app in Development and one in Production, with the admin key set.</summary>
    public sealed class Apps : IAsyncLifetime
    {
        private readonly Dictionary<string, (ProcedureAssistantApp App, HttpClient Client)> _apps = [];

        public HttpClient For(string environment) => _apps[environment].Client;

        public Microsoft.AspNetCore.TestHost.TestServer Server(string environment) => _apps[environment].App.Server;

        public async ValueTask InitializeAsync()
        {
            foreach (var environment in new[] { "Development", "Production" })
            {
                var app = new ProcedureAssistantApp { Environment = environment, Settings = new Dictionary<string, string> { ["Admin:ApiKey"] = AdminTestApp.Key } };
                _apps[environment] = (app, await app.CreateReadyClientAsync());
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var (app, client) in _apps.Values)
            {
                client.Dispose();
                await app.DisposeAsync();
            }
        }
    }
}
