using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProcedureAssistant.Web.Tests;

/// <summary>An officer on the admin page: signs in once, adds a document, follows its re-index, and works through feedback and requests.</summary>
public sealed class AdminTests(Chromium chromium)
{
    private const string NewDocumentId = "qd-15-2025-cho-phien";
    private const string NewDocumentTitle = "Quyết định 15/2025/QĐ-UBND về tổ chức chợ phiên";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admin_UploadsWatchesReindexFindsDocumentAnswerable_AndWorksThroughFeedbackAndRequests()
    {
        await using var server = await WebServer.StartAsync(new Dictionary<string, string> { ["Submissions:HandoffRetentionDays"] = "30" });
        using (var feedback = await server.Http.PostAsJsonAsync("/api/feedback", new
        {
            rating = "wrong",
            question = "lệ phí đăng ký kết hôn",
            answer = "Miễn lệ phí [1].",
            decisionRule = "answer",
            citations = new[] { new { index = 1, documentId = "tthc-1.000894", chunkId = "tthc-1.000894#le-phi", title = "Đăng ký kết hôn" } },
            reason = "wrong-facts",
            comment = "Cần ghi rõ trường hợp nào được miễn.",
        }, Token))
        {
            feedback.EnsureSuccessStatusCode();
        }

        using var handoffResponse = await server.Http.PostAsJsonAsync("/api/handoffs", new { question = "Tôi cần trích lục khai sinh bản sao", consent = true, name = "Trần Văn Bình", phone = "+84 905 111 222" }, Token);
        var reference = (await handoffResponse.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("reference").GetString()!;

        await using var session = await chromium.NewSessionAsync();
        var page = await session.NewPageAsync();
        await page.GotoAsync(server.Url("/admin").ToString());

        // A wrong key is refused in Vietnamese; the right one opens the dashboard.
        await page.GetByLabel("Khóa quản trị").FillAsync("wrong-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.Locator("#login-error")).ToHaveTextAsync("Khóa quản trị không đúng.");
        await page.GetByLabel("Khóa quản trị").FillAsync(WebServer.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        var documents = page.Locator("#documents-table tbody tr");
        await Expect(documents).ToHaveCountAsync(Directory.GetFiles(server.CorpusPath).Length);
        await Expect(documents.Filter(new() { HasText = "tthc-1.001193" })).ToContainTextAsync("Đã lập chỉ mục");

        // Upload a decision as plain text and watch the re-index finish.
        var upload = page.Locator("#upload-form");
        await upload.GetByLabel("Tệp (").SetInputFilesAsync(new FilePayload
        {
            Name = "qd-15-2025.txt",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes("Điều 1. Phạm vi điều chỉnh\nQuyết định này quy định việc tổ chức chợ phiên trên địa bàn xã: chợ phiên họp vào ngày rằm hằng tháng tại sân nhà văn hóa xã.\n\nĐiều 2. Trách nhiệm\nỦy ban nhân dân xã bố trí địa điểm và bảo đảm vệ sinh chợ phiên."),
        });
        await upload.GetByLabel("Loại văn bản").SelectOptionAsync("regulation");
        await upload.GetByLabel("Tên văn bản").FillAsync(NewDocumentTitle);
        await upload.GetByLabel("Mã (không bắt buộc)").FillAsync(NewDocumentId);
        await upload.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
        await Expect(page.Locator("#job-status")).ToContainTextAsync("Hoàn tất", new() { Timeout = 30_000 });
        await Expect(page.Locator("#job-progress")).ToHaveAttributeAsync("value", await page.Locator("#job-progress").GetAttributeAsync("max") ?? "1");
        await Expect(documents.Filter(new() { HasText = NewDocumentId })).ToContainTextAsync("Đã lập chỉ mục");
        await Expect(page.Locator("#audit-table tbody")).ToContainTextAsync(NewDocumentId);

        // The new document answers on the asking page.
        var asking = new AskingPage(await session.NewPageAsync());
        await asking.OpenAsync(server);
        var turn = await asking.AskAsync("chợ phiên họp vào ngày nào");
        await Expect(AskingPage.Sources(turn)).ToContainTextAsync([NewDocumentTitle]);
        await asking.Page.CloseAsync();

        // The session holds across a reload: no key asked again, and none kept by the page.
        await page.ReloadAsync();
        await Expect(page.Locator("#dashboard")).ToBeVisibleAsync();
        await Expect(page.Locator("#login")).ToBeHiddenAsync();
        var storage = await page.EvaluateAsync<string>("() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])");
        Assert.DoesNotContain(WebServer.AdminKey, storage, StringComparison.Ordinal);
        var cookie = Assert.Single(await session.CookiesAsync(), c => c.Name == "pa-admin");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(WebServer.AdminKey, cookie.Value, StringComparison.Ordinal);

        // Feedback, filtered to "Chưa đúng".
        var feedbackRows = page.Locator("#feedback-table tbody tr");
        await Expect(feedbackRows).ToHaveCountAsync(1);
        await Expect(feedbackRows.First).ToContainTextAsync("Thông tin sai — Cần ghi rõ trường hợp nào được miễn.");
        await page.GetByLabel("Đánh giá", new() { Exact = true }).SelectOptionAsync("helpful");
        await page.Locator("#feedback-filters").GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Expect(feedbackRows).ToHaveCountAsync(0);
        await page.GetByLabel("Đánh giá", new() { Exact = true }).SelectOptionAsync("wrong");
        await page.Locator("#feedback-filters").GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Expect(feedbackRows).ToHaveCountAsync(1);

        // Requests: the retention period is said, the person's details shown here only, marked answered, exported.
        await Expect(page.Locator("#retention-note")).ToContainTextAsync("xóa sau 30 ngày");
        var request = page.Locator("#handoff-table tbody tr").Filter(new() { HasText = reference });
        await Expect(request).ToContainTextAsync("Trần Văn Bình");
        await Expect(request).ToContainTextAsync("0905111222");
        await Expect(request).ToContainTextAsync("Chưa trả lời");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Tải CSV" }).Nth(1).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!, Token);
        Assert.Contains(reference, csv, StringComparison.Ordinal);
        Assert.Contains("Trần Văn Bình", csv, StringComparison.Ordinal);

        await request.GetByLabel($"Ghi chú trả lời {reference}").FillAsync("Đã gọi lại, hướng dẫn nộp tại xã.");
        await request.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã trả lời" }).ClickAsync();
        await Expect(page.Locator("#handoff-table tbody tr")).ToHaveCountAsync(0);
        await page.GetByLabel("Trạng thái").SelectOptionAsync("all");
        await page.Locator("#handoff-filters").GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Expect(request).ToContainTextAsync("Đã trả lời");
        await Expect(request).ToContainTextAsync("Đã gọi lại, hướng dẫn nộp tại xã.");
        await Expect(page.Locator("#audit-table tbody")).ToContainTextAsync("handoff-answered");

        // Signing out ends the session: the next visit asks for the key again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Expect(page.Locator("#login")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Khóa quản trị")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnotherBrowserSession_MustEnterTheKeyAgain()
    {
        await using var server = await WebServer.StartAsync();
        await using (var first = await chromium.NewSessionAsync())
        {
            var page = await first.NewPageAsync();
            await page.GotoAsync(server.Url("/admin").ToString());
            await page.GetByLabel("Khóa quản trị").FillAsync(WebServer.AdminKey);
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            await Expect(page.Locator("#dashboard")).ToBeVisibleAsync();
        }

        await using var second = await chromium.NewSessionAsync();
        var again = await second.NewPageAsync();
        await again.GotoAsync(server.Url("/admin").ToString());
        await Expect(again.GetByLabel("Khóa quản trị")).ToBeVisibleAsync();
        await Expect(again.Locator("#dashboard")).ToBeHiddenAsync();
    }
}
