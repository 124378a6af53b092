using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProcedureAssistant.Web.Tests;

/// <summary>
/// Both pages at a phone's and a desk's width, in the states a person sees most: no serious or critical axe-core
/// violation, and a screenshot of each (docs/ holds the committed ones).
/// </summary>
public sealed class PageQualityTests(Chromium chromium)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AskingPage_WithAnAnswerAndItsSourceOpen_HasNoSeriousAccessibilityViolation()
    {
        await using var server = await WebServer.StartAsync();
        var violations = new List<string>();
        foreach (var width in Screens.Widths)
        {
            await using var session = await chromium.NewSessionAsync(width, width < 600 ? 780 : 900);
            var page = new AskingPage(await session.NewPageAsync());
            await page.OpenAsync(server);
            violations.AddRange(Prefixed($"/ empty at {width}", await Screens.SeriousViolationsAsync(page.Page)));

            var turn = await page.AskAsync("làm giấy khai sinh cho con cần gì");
            await AskingPage.Sources(turn).First.ClickAsync();
            await Expect(turn.Locator(".passage-text").First).ToBeVisibleAsync();
            await Screens.SaveAsync(page.Page, $"asking-page-{width}.png");

            await turn.GetByRole(AriaRole.Button, new() { Name = "Chưa đúng" }).ClickAsync();
            await page.Page.GetByLabel("Tên xã, phường").FillAsync("Hòa Phú");
            await page.Page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
            await Expect(page.Page.Locator("#commune-result .commune-match").First).ToBeVisibleAsync();
            violations.AddRange(Prefixed($"/ answered at {width}", await Screens.SeriousViolationsAsync(page.Page)));

            await page.Page.GetByRole(AriaRole.Button, new() { Name = "Gửi câu hỏi cho cán bộ" }).ClickAsync();
            await page.Page.GetByLabel("Tôi đồng ý").CheckAsync();
            violations.AddRange(Prefixed($"/ hand-off dialog at {width}", await Screens.SeriousViolationsAsync(page.Page)));
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task AdminPage_SignInAndDashboard_HaveNoSeriousAccessibilityViolation()
    {
        await using var server = await WebServer.StartAsync();
        (await server.Http.PostAsJsonAsync("/api/feedback", new { rating = "wrong", question = "đăng ký kết hôn mất bao lâu", answer = "Trong ngày [1].", decisionRule = "answer", citations = new[] { new { index = 1, documentId = "tthc-1.000894" } }, reason = "incomplete" }, Token)).EnsureSuccessStatusCode();
        (await server.Http.PostAsJsonAsync("/api/handoffs", new { question = "Trích lục kết hôn bản sao xin ở đâu?", consent = true, name = "Lê Thị Hoa", phone = "0987654321", commune = "Xã Hòa Phú" }, Token)).EnsureSuccessStatusCode();
        var violations = new List<string>();
        foreach (var width in Screens.Widths)
        {
            await using var session = await chromium.NewSessionAsync(width, width < 600 ? 780 : 900);
            var page = await session.NewPageAsync();
            await page.GotoAsync(server.Url("/admin").ToString());
            await Expect(page.GetByLabel("Khóa quản trị")).ToBeVisibleAsync();
            violations.AddRange(Prefixed($"/admin sign-in at {width}", await Screens.SeriousViolationsAsync(page)));

            await page.GetByLabel("Khóa quản trị").FillAsync(WebServer.AdminKey);
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            await Expect(page.Locator("#handoff-table tbody tr")).ToHaveCountAsync(1);
            await Expect(page.Locator("#feedback-table tbody tr")).ToHaveCountAsync(1);
            violations.AddRange(Prefixed($"/admin dashboard at {width}", await Screens.SeriousViolationsAsync(page)));
            await Screens.SaveAsync(page, $"admin-page-{width}.png");
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task ApiReference_IsServedLocally_WithNothingFetchedFromElsewhere()
    {
        await using var server = await WebServer.StartAsync();
        await using var session = await chromium.NewSessionAsync();
        var page = await session.NewPageAsync();
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(server.Address.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal) && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };

        await page.GotoAsync(server.Url("/scalar").ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });

        await Expect(page).ToHaveTitleAsync("ProcedureAssistant API");
        // The reference is a 5 MB script to parse before anything shows.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ProcedureAssistant.Api | v1" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByText("Feedback", new() { Exact = true }).First).ToBeVisibleAsync();
        Assert.True(elsewhere.Count == 0, "fetched from elsewhere: " + string.Join(", ", elsewhere));
    }

    private static IEnumerable<string> Prefixed(string where, IEnumerable<string> lines) => lines.Select(line => $"{where}: {line}");
}
