using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProcedureAssistant.Web.Tests;

/// <summary>A citizen on a phone: asks, reads, opens a source, follows up, rates the answer and hands the question on.</summary>
public sealed class CitizenTests(Chromium chromium)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Citizen_AsksReadsCitationFollowsUpRatesAndHandsOff_AllStoredForTheAdmin()
    {
        await using var server = await WebServer.StartAsync();
        await using var session = await chromium.NewSessionAsync(width: 360, height: 780);
        var page = new AskingPage(await session.NewPageAsync());
        await page.OpenAsync(server);

        // With and without diacritics: the same procedure answers, its title numbered among the sources.
        var accented = await page.AskAsync("làm giấy khai sinh cho con cần gì");
        await Expect(AskingPage.AnswerText(accented)).Not.ToBeEmptyAsync();
        await Expect(AskingPage.Sources(accented).First).ToContainTextAsync("[1]");
        await Expect(AskingPage.Sources(accented)).ToContainTextAsync(["Đăng ký khai sinh"]);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Câu hỏi mới" }).ClickAsync();
        await Expect(page.Turns).ToHaveCountAsync(0);
        await Expect(page.Question).ToBeFocusedAsync();

        var plain = await page.AskAsync("lam giay khai sinh cho con can gi");
        await Expect(AskingPage.Sources(plain)).ToContainTextAsync(["Đăng ký khai sinh"]);

        // A numbered citation opens the cited passage in place, with the official link.
        var source = AskingPage.Sources(plain).First;
        await Expect(source).ToHaveAttributeAsync("aria-expanded", "false");
        await source.ClickAsync();
        await Expect(source).ToHaveAttributeAsync("aria-expanded", "true");
        var passage = plain.Locator(".passage").First;
        await Expect(passage.Locator(".passage-text")).ToContainTextAsync("khai sinh");
        await Expect(passage).Not.ToContainTextAsync("null");
        var official = passage.GetByRole(AriaRole.Link, new() { Name = "Xem văn bản gốc" });
        await Expect(official).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^https?://"));
        await Expect(official).ToHaveAttributeAsync("rel", "noopener noreferrer");

        // The [n] marker in the answer opens the same passage.
        await source.ClickAsync();
        await Expect(passage).ToBeHiddenAsync();
        await plain.Locator(".answer-text .cite").First.ClickAsync();
        await Expect(passage).ToBeVisibleAsync();
        await Expect(passage).ToBeFocusedAsync();

        // A follow-up stays in the conversation: the page sends the conversation id the first answer gave.
        var followUpRequest = await page.Page.RunAndWaitForRequestAsync(
            () => page.AskAsync("còn lệ phí thì sao?"),
            request => request.Url.EndsWith("/api/ask/stream", StringComparison.Ordinal));
        var followUpBody = JsonDocument.Parse(followUpRequest.PostData!).RootElement;
        Assert.False(string.IsNullOrEmpty(followUpBody.GetProperty("conversationId").GetString()), followUpRequest.PostData);
        Assert.Equal("citizen", followUpBody.GetProperty("persona").GetString());
        await Expect(page.Turns).ToHaveCountAsync(2);
        var followUp = page.Turns.Nth(1);
        await Expect(AskingPage.AnswerText(followUp)).Not.ToBeEmptyAsync();

        // "Chưa đúng" with a reason and a comment.
        await followUp.GetByRole(AriaRole.Button, new() { Name = "Chưa đúng" }).ClickAsync();
        await followUp.GetByLabel("Lý do").SelectOptionAsync("incomplete");
        await followUp.GetByLabel("Góp ý thêm").FillAsync("Thiếu thời hạn nộp.");
        await followUp.GetByRole(AriaRole.Button, new() { Name = "Gửi góp ý" }).ClickAsync();
        await Expect(followUp.Locator(".feedback-status")).ToHaveTextAsync("Cảm ơn bạn đã đánh giá.");

        // Hand-off with consent: the person gets a reference number.
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Gửi câu hỏi cho cán bộ" }).ClickAsync();
        var dialog = page.Page.GetByRole(AriaRole.Dialog, new() { Name = "Gửi câu hỏi cho cán bộ" });
        await Expect(dialog.GetByLabel("Câu hỏi cho cán bộ")).ToHaveValueAsync("còn lệ phí thì sao?");
        await Expect(dialog.GetByLabel("Họ tên", new() { Exact = true })).ToBeDisabledAsync();
        await dialog.GetByLabel("Câu hỏi cho cán bộ").FillAsync("Con tôi sinh ở tỉnh khác thì đăng ký ở đâu?");
        await dialog.GetByLabel("Tôi đồng ý").CheckAsync();
        await dialog.GetByLabel("Họ tên", new() { Exact = true }).FillAsync("Nguyễn Thị Lan");
        await dialog.GetByLabel("Số điện thoại", new() { Exact = true }).FillAsync("0912 345 678");
        await dialog.GetByLabel("Xã, phường nơi bạn cần giải quyết").FillAsync("Phường Tân An");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Gửi yêu cầu" }).ClickAsync();
        var reference = await dialog.Locator(".reference").TextContentAsync();
        Assert.Matches("^YC-[0-9]{6}-[0-9A-Z]{4}$", reference);

        // What the admin page will show: the feedback with its decision rule and citations, the request with the person's details.
        var feedback = (await server.Http.GetFromJsonAsync<JsonElement>("/api/admin/feedback", Token)).GetProperty("items");
        var stored = Assert.Single(feedback.EnumerateArray());
        Assert.Equal("wrong", stored.GetProperty("rating").GetString());
        Assert.Equal("incomplete", stored.GetProperty("reason").GetString());
        Assert.Equal("Thiếu thời hạn nộp.", stored.GetProperty("comment").GetString());
        Assert.Equal("còn lệ phí thì sao?", stored.GetProperty("question").GetString());
        Assert.Equal(await AskingPage.AnswerText(followUp).TextContentAsync(), stored.GetProperty("answer").GetString());
        Assert.False(string.IsNullOrEmpty(stored.GetProperty("decisionRule").GetString()));
        Assert.Equal(await AskingPage.Sources(followUp).CountAsync(), stored.GetProperty("citations").GetArrayLength());

        var handoff = Assert.Single((await server.Http.GetFromJsonAsync<JsonElement>("/api/admin/handoffs", Token)).GetProperty("items").EnumerateArray());
        Assert.Equal(reference, handoff.GetProperty("reference").GetString());
        Assert.Equal("Con tôi sinh ở tỉnh khác thì đăng ký ở đâu?", handoff.GetProperty("question").GetString());
        Assert.Equal("Nguyễn Thị Lan", handoff.GetProperty("name").GetString());
        Assert.Equal("0912345678", handoff.GetProperty("phone").GetString());
        Assert.Equal("Phường Tân An", handoff.GetProperty("commune").GetString());
        Assert.Equal(["lam giay khai sinh cho con can gi", "còn lệ phí thì sao?"], handoff.GetProperty("conversation").EnumerateArray().Select(t => t.GetProperty("question").GetString()));
    }

    [Fact]
    public async Task HandoffWithoutConsent_KeepsNoNameOrPhone()
    {
        await using var server = await WebServer.StartAsync();
        await using var session = await chromium.NewSessionAsync(width: 360, height: 780);
        var page = new AskingPage(await session.NewPageAsync());
        await page.OpenAsync(server);
        await page.AskAsync("đăng ký kết hôn ở đâu");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Gửi câu hỏi cho cán bộ" }).ClickAsync();
        var dialog = page.Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Gửi yêu cầu" }).ClickAsync();
        await Expect(dialog.Locator(".reference")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^YC-"));

        var handoff = Assert.Single((await server.Http.GetFromJsonAsync<JsonElement>("/api/admin/handoffs", Token)).GetProperty("items").EnumerateArray());
        Assert.False(handoff.GetProperty("consent").GetBoolean());
        Assert.Equal(JsonValueKind.Null, handoff.GetProperty("name").ValueKind);
        Assert.Equal(JsonValueKind.Null, handoff.GetProperty("phone").ValueKind);
    }

    [Fact]
    public async Task Helpful_IsStoredWithTheAnswersDecisionRule()
    {
        await using var server = await WebServer.StartAsync();
        await using var session = await chromium.NewSessionAsync();
        var page = new AskingPage(await session.NewPageAsync());
        await page.OpenAsync(server);
        await page.Page.GetByText("Cán bộ", new() { Exact = true }).ClickAsync();

        var turn = await page.AskAsync("thẩm quyền đăng ký khai sinh thuộc cấp nào");
        await turn.GetByRole(AriaRole.Button, new() { Name = "Hữu ích" }).ClickAsync();
        await Expect(turn.GetByRole(AriaRole.Button, new() { Name = "Hữu ích" })).ToHaveAttributeAsync("aria-pressed", "true");

        var stored = Assert.Single((await server.Http.GetFromJsonAsync<JsonElement>("/api/admin/feedback", Token)).GetProperty("items").EnumerateArray());
        Assert.Equal("helpful", stored.GetProperty("rating").GetString());
        Assert.Equal("official", stored.GetProperty("persona").GetString());
        using var asked = await server.Http.PostAsJsonAsync("/api/ask", new { question = "thẩm quyền đăng ký khai sinh thuộc cấp nào", persona = "official" }, Token);
        var decision = (await asked.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("decision").GetProperty("rule").GetString();
        Assert.Equal(decision, stored.GetProperty("decisionRule").GetString());
    }
}
