using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ProcedureAssistant.Api.Tests.Fakes;

namespace ProcedureAssistant.Api.Tests;

/// <summary><c>POST /api/feedback</c> and <c>POST /api/handoffs</c>, and what the admin routes make of them.</summary>
public sealed class SubmissionEndpointTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly object ValidFeedback = new
    {
        rating = "wrong",
        question = "làm giấy khai sinh cần gì",
        answer = "Tờ khai và giấy chứng sinh [1].",
        decisionRule = "answer",
        citations = new[] { new { index = 1, documentId = "tthc-1.001193", chunkId = "tthc-1.001193#0", title = "Đăng ký khai sinh" } },
        reason = "incomplete",
        comment = "Thiếu lệ phí.",
        persona = "citizen",
        conversationId = "c1",
    };

    [Theory]
    [InlineData("""{"question":"q","answer":"a","decisionRule":"answer"}""", "Rating")]
    [InlineData("""{"rating":"great","question":"q","answer":"a","decisionRule":"answer"}""", "Rating")]
    [InlineData("""{"rating":"helpful","question":"  ","answer":"a","decisionRule":"answer"}""", "Question")]
    [InlineData("""{"rating":"helpful","question":"q","decisionRule":"answer"}""", "Answer")]
    [InlineData("""{"rating":"helpful","question":"q","answer":"a"}""", "DecisionRule")]
    [InlineData("""{"rating":"helpful","question":"q","answer":"a","decisionRule":"answer","reason":"incomplete"}""", "Reason")]
    [InlineData("""{"rating":"wrong","question":"q","answer":"a","decisionRule":"answer","reason":"boring"}""", "Reason")]
    [InlineData("""{"rating":"wrong","question":"q","answer":"a","decisionRule":"answer","citations":[{"index":1}]}""", "Citations[0].DocumentId")]
    [InlineData("""{"rating":"wrong","question":"q","answer":"a","decisionRule":"answer","persona":"mayor"}""", "Persona")]
    public async Task Feedback_BadInput_ReturnsValidationProblemNamingTheField(string body, string field)
    {
        await using var admin = await AdminTestApp.StartAsync();

        using var response = await admin.Client.PostAsync(new Uri("/api/feedback", UriKind.Relative), Json(body), Token);

        await AskEndpointTests.AssertValidationProblemAsync(response, field);
        Assert.Empty((await admin.GetJsonAsync("/api/admin/feedback")).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"question":""}""", "Question")]
    [InlineData("""{"question":"q","name":"Lan"}""", "Consent")]
    [InlineData("""{"question":"q","phone":"0912345678"}""", "Consent")]
    [InlineData("""{"question":"q","consent":true,"name":"Lan"}""", "Phone")]
    [InlineData("""{"question":"q","consent":true,"phone":"12345"}""", "Phone")]
    [InlineData("""{"question":"q","consent":true,"phone":"0012345678"}""", "Phone")]
    [InlineData("""{"question":"q","conversation":[{"answer":"a"}]}""", "Conversation[0].Question")]
    public async Task Handoff_BadInput_ReturnsValidationProblemNamingTheField(string body, string field)
    {
        await using var admin = await AdminTestApp.StartAsync();

        using var response = await admin.Client.PostAsync(new Uri("/api/handoffs", UriKind.Relative), Json(body), Token);

        await AskEndpointTests.AssertValidationProblemAsync(response, field);
        Assert.Empty((await admin.GetJsonAsync("/api/admin/handoffs?status=all")).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("0912 345 678", "0912345678")]
    [InlineData("+84 912-345-678", "0912345678")]
    [InlineData("0262.3812.345", "02623812345")]
    public async Task Handoff_WithConsent_GivesAReference_AndKeepsTheNumberAsDigits(string typed, string kept)
    {
        await using var admin = await AdminTestApp.StartAsync();

        using var response = await admin.Client.PostAsJsonAsync(new Uri("/api/handoffs", UriKind.Relative), new { question = "Xin trích lục khai sinh", consent = true, name = " Lan ", phone = typed }, Token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Matches("^YC-[0-9]{6}-[23456789A-HJKMNP-Z]{4}$", receipt.GetProperty("reference").GetString());
        Assert.Equal(90, receipt.GetProperty("retentionDays").GetInt32());
        var stored = Assert.Single((await admin.GetJsonAsync("/api/admin/handoffs")).GetProperty("items").EnumerateArray());
        Assert.Equal(receipt.GetProperty("reference").GetString(), stored.GetProperty("reference").GetString());
        Assert.Equal("Lan", stored.GetProperty("name").GetString());
        Assert.Equal(kept, stored.GetProperty("phone").GetString());
        Assert.Equal("open", stored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task FeedbackAndHandoffs_SurviveARestartOfTheService()
    {
        var data = Directory.CreateTempSubdirectory("pa-submissions-restart-");
        try
        {
            var settings = new Dictionary<string, string> { ["VectorStore:DataPath"] = data.FullName };
            string reference;
            await using (var first = await AdminTestApp.StartAsync(settings: settings))
            {
                (await first.Client.PostAsJsonAsync(new Uri("/api/feedback", UriKind.Relative), ValidFeedback, Token)).EnsureSuccessStatusCode();
                using var handoff = await first.Client.PostAsJsonAsync(new Uri("/api/handoffs", UriKind.Relative), new { question = "Hỏi cán bộ", consent = true, phone = "0912345678" }, Token);
                reference = (await handoff.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("reference").GetString()!;
            }

            Assert.True(File.Exists(Path.Combine(data.FullName, "submissions.db")));
            await using var second = await AdminTestApp.StartAsync(settings: settings);
            var feedback = Assert.Single((await second.GetJsonAsync("/api/admin/feedback")).GetProperty("items").EnumerateArray());
            Assert.Equal("Thiếu lệ phí.", feedback.GetProperty("comment").GetString());
            Assert.Equal("answer", feedback.GetProperty("decisionRule").GetString());
            Assert.Equal("tthc-1.001193", feedback.GetProperty("citations")[0].GetProperty("documentId").GetString());
            var handoffs = Assert.Single((await second.GetJsonAsync("/api/admin/handoffs")).GetProperty("items").EnumerateArray());
            Assert.Equal(reference, handoffs.GetProperty("reference").GetString());
            Assert.Equal("0912345678", handoffs.GetProperty("phone").GetString());
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Submissions_OverTheClientsLimit_Get429WithRetryAfter()
    {
        await using var admin = await AdminTestApp.StartAsync(settings: new Dictionary<string, string> { ["RateLimiting:SubmissionsPerMinute"] = "2" });

        using var first = await admin.Client.PostAsJsonAsync(new Uri("/api/feedback", UriKind.Relative), ValidFeedback, Token);
        using var second = await admin.Client.PostAsJsonAsync(new Uri("/api/handoffs", UriKind.Relative), new { question = "q" }, Token);
        using var third = await admin.Client.PostAsJsonAsync(new Uri("/api/feedback", UriKind.Relative), ValidFeedback, Token);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter is not null);
        Assert.Single((await admin.GetJsonAsync("/api/admin/feedback")).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("GET", "/api/admin/feedback")]
    [InlineData("GET", "/api/admin/feedback/export")]
    [InlineData("GET", "/api/admin/handoffs")]
    [InlineData("GET", "/api/admin/handoffs/export")]
    [InlineData("POST", "/api/admin/handoffs/YC-250101-AAAA/answered")]
    [InlineData("POST", "/api/admin/session")]
    public async Task AdminSubmissionRoutes_WithoutKey_Return401(string method, string url)
    {
        await using var admin = await AdminTestApp.StartAsync();
        (await admin.Client.PostAsJsonAsync(new Uri("/api/handoffs", UriKind.Relative), new { question = "q", consent = true, phone = "0912345678" }, Token)).EnsureSuccessStatusCode();

        using var response = await admin.SendAsync(new HttpMethod(method), url, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("0912345678", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminFeedback_FiltersByRatingAndDay_AndRefusesAMalformedDay()
    {
        await using var admin = await AdminTestApp.StartAsync();
        (await admin.Client.PostAsJsonAsync(new Uri("/api/feedback", UriKind.Relative), ValidFeedback, Token)).EnsureSuccessStatusCode();
        (await admin.Client.PostAsJsonAsync(new Uri("/api/feedback", UriKind.Relative), new { rating = "helpful", question = "q", answer = "a", decisionRule = "answer" }, Token)).EnsureSuccessStatusCode();
        var today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = DateOnly.FromDateTime(DateTime.Now).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(2, (await admin.GetJsonAsync("/api/admin/feedback")).GetProperty("items").GetArrayLength());
        Assert.Equal(["wrong"], (await admin.GetJsonAsync("/api/admin/feedback?rating=wrong")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("rating").GetString()));
        Assert.Equal(2, (await admin.GetJsonAsync($"/api/admin/feedback?from={today}&to={today}")).GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await admin.GetJsonAsync($"/api/admin/feedback?from={tomorrow}")).GetProperty("items").GetArrayLength());

        using var malformed = await admin.SendAsync(HttpMethod.Get, "/api/admin/feedback?from=05/07/2025");
        await AskEndpointTests.AssertValidationProblemAsync(malformed, "from");
        using var reversed = await admin.SendAsync(HttpMethod.Get, $"/api/admin/handoffs?from={tomorrow}&to={today}");
        await AskEndpointTests.AssertValidationProblemAsync(reversed, "to");
        using var unknownRating = await admin.SendAsync(HttpMethod.Get, "/api/admin/feedback/export?rating=bad");
        await AskEndpointTests.AssertValidationProblemAsync(unknownRating, "rating");
    }

    [Fact]
    public async Task MarkAnswered_LeavesTheOpenList_KeepsTheNote_AndIsAudited()
    {
        await using var admin = await AdminTestApp.StartAsync();
        using var created = await admin.Client.PostAsJsonAsync(new Uri("/api/handoffs", UriKind.Relative), new { question = "q" }, Token);
        var reference = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("reference").GetString();

        using var answered = await admin.SendAsync(HttpMethod.Post, $"/api/admin/handoffs/{reference}/answered", JsonContent.Create(new { note = "Đã gọi lại." }));
        using var unknown = await admin.SendAsync(HttpMethod.Post, "/api/admin/handoffs/YC-000000-XXXX/answered", JsonContent.Create(new { note = "x" }));

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty((await admin.GetJsonAsync("/api/admin/handoffs?status=open")).GetProperty("items").EnumerateArray());
        var all = Assert.Single((await admin.GetJsonAsync("/api/admin/handoffs?status=all")).GetProperty("items").EnumerateArray());
        Assert.Equal("answered", all.GetProperty("status").GetString());
        Assert.Equal("Đã gọi lại.", all.GetProperty("answerNote").GetString());
        var audit = await admin.GetJsonAsync("/api/admin/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "handoff-answered" && e.GetProperty("target").GetString() == reference);
    }

    [Fact]
    public async Task Exports_AreCsvForASpreadsheet_WithFormulasNeutralised_AndTheRequestsExportAudited()
    {
        await using var admin = await AdminTestApp.StartAsync();
        (await admin.Client.PostAsJsonAsync(new Uri("/api/feedback", UriKind.Relative), new { rating = "wrong", question = "=HYPERLINK(\"http://x\")", answer = "dòng 1\ndòng \"2\", hết", decisionRule = "answer" }, Token)).EnsureSuccessStatusCode();
        (await admin.Client.PostAsJsonAsync(new Uri("/api/handoffs", UriKind.Relative), new { question = "+cmd", consent = true, name = "@Lan", phone = "0912345678" }, Token)).EnsureSuccessStatusCode();

        using var feedback = await admin.SendAsync(HttpMethod.Get, "/api/admin/feedback/export");
        using var handoffs = await admin.SendAsync(HttpMethod.Get, "/api/admin/handoffs/export?status=all");

        Assert.Equal("text/csv", feedback.Content.Headers.ContentType?.MediaType);
        var feedbackBytes = await feedback.Content.ReadAsByteArrayAsync(Token);
        Assert.Equal(Encoding.UTF8.GetPreamble(), feedbackBytes[..3]);
        var feedbackCsv = Encoding.UTF8.GetString(feedbackBytes[3..]);
        Assert.StartsWith("id,createdAt,rating,reason,comment,question,answer,citations,decisionRule,persona,conversationId\r\n", feedbackCsv, StringComparison.Ordinal);
        Assert.Contains(",wrong,,,\"'=HYPERLINK(\"\"http://x\"\")\",\"dòng 1\ndòng \"\"2\"\", hết\",,answer,,", feedbackCsv, StringComparison.Ordinal);
        var handoffCsv = await handoffs.Content.ReadAsStringAsync(Token);
        Assert.Contains(",'+cmd,", handoffCsv, StringComparison.Ordinal);
        Assert.Contains(",true,'@Lan,0912345678,", handoffCsv, StringComparison.Ordinal);
        var audit = await admin.GetJsonAsync("/api/admin/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "export-handoffs");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
