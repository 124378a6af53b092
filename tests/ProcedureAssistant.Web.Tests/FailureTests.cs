using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using ProcedureAssistant.Api.Tests.Fakes;
using ProcedureAssistant.Core.Indexing;
using static Microsoft.Playwright.Assertions;

namespace ProcedureAssistant.Web.Tests;

/// <summary>Every failure is said on the page in Vietnamese: a refused question, an index still loading, a connection lost mid-answer.</summary>
public sealed class FailureTests(Chromium chromium)
{
    [Fact]
    public async Task QuestionTheServiceRefuses_ShowsWhichFieldInVietnamese()
    {
        await using var server = await WebServer.StartAsync();
        await using var session = await chromium.NewSessionAsync(width: 360, height: 780);
        var page = new AskingPage(await session.NewPageAsync());
        await page.OpenAsync(server);

        // The box stops at 2,000 characters; a page or client that does not is answered 400 by the service.
        await page.Page.EvalOnSelectorAsync("#question", "box => box.removeAttribute('maxlength')");
        await page.Question.FillAsync(new string('a', 2001));
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Hỏi", Exact = true }).ClickAsync();

        await Expect(page.Error).ToHaveTextAsync("Thông tin chưa hợp lệ ở mục: Câu hỏi. Hãy nhập câu hỏi (không quá 2.000 ký tự).");
        await Expect(page.Turns.First).ToHaveClassAsync(new Regex("failed"));
        await Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Hỏi", Exact = true })).ToBeEnabledAsync();
    }

    [Fact]
    public async Task EmptyQuestion_IsNotSent_AndSaysWhatToDo()
    {
        await using var server = await WebServer.StartAsync();
        await using var session = await chromium.NewSessionAsync();
        var page = new AskingPage(await session.NewPageAsync());
        await page.OpenAsync(server);

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Hỏi", Exact = true }).ClickAsync();

        await Expect(page.Error).ToHaveTextAsync("Hãy nhập câu hỏi trước khi bấm Hỏi.");
        await Expect(page.Question).ToBeFocusedAsync();
        await Expect(page.Turns).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task IndexStillLoading_Says503InVietnamese_ThenAnswersOnceReady()
    {
        var gate = new IndexGate();
        gate.Close();
        await using var server = await WebServer.StartAsync(services: services =>
        {
            var index = services.Last(d => d.ServiceType == typeof(IChunkIndex));
            services.Remove(index);
            services.AddSingleton(sp => GatedChunkIndex.Wrap((IChunkIndex)index.ImplementationFactory!(sp), gate));
        }, waitUntilReady: false);
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        await using var session = await chromium.NewSessionAsync(width: 360, height: 780);
        var page = new AskingPage(await session.NewPageAsync());
        await page.Page.GotoAsync(server.Url("/").ToString());
        await Expect(page.Page.Locator("#indexed")).ToHaveTextAsync("Hệ thống đang nạp dữ liệu văn bản; bạn có thể hỏi sau ít giây.");
        await page.Question.FillAsync("làm giấy khai sinh cần gì");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Hỏi", Exact = true }).ClickAsync();
        await Expect(page.Error).ToHaveTextAsync("Hệ thống đang nạp dữ liệu văn bản, chưa sẵn sàng trả lời. Vui lòng thử lại sau ít giây.");

        gate.Open();
        await server.WaitUntilReadyAsync();
        var turn = await page.AskAsync("làm giấy khai sinh cần gì");
        await Expect(AskingPage.Sources(turn)).ToContainTextAsync(["Đăng ký khai sinh"]);
        await Expect(page.Error).ToBeHiddenAsync();
        // The page asks again for the date by itself once the index is there.
        await Expect(page.Page.Locator("#indexed")).ToContainTextAsync("cập nhật lúc", new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task ConnectionLostMidAnswer_KeepsWhatArrived_AndSaysSo()
    {
        await using var chat = await StalledChatServer.StartAsync();
        var server = await WebServer.StartAsync(
            new Dictionary<string, string>
            {
                ["Llm:Endpoint"] = chat.Endpoint.ToString(),
                ["Llm:Model"] = "test-model",
                ["Llm:ApiKey"] = "test-key",
                ["Llm:TimeoutSeconds"] = "120",
            },
            // The service stops at once rather than waiting for the stalled answer to end.
            services => services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromMilliseconds(200)));
        try
        {
            await using var session = await chromium.NewSessionAsync(width: 360, height: 780);
            var page = new AskingPage(await session.NewPageAsync());
            await page.OpenAsync(server);
            await page.Question.FillAsync("làm giấy khai sinh cần gì");
            await page.Page.GetByRole(AriaRole.Button, new() { Name = "Hỏi", Exact = true }).ClickAsync();
            await Expect(AskingPage.AnswerText(page.Turns.First)).ToHaveTextAsync(StalledChatServer.FirstWords);

            await server.DisposeAsync();

            await Expect(page.Error).ToHaveTextAsync("Mất kết nối trong khi đang trả lời. Phần đã nhận vẫn ở trên; bạn có thể hỏi lại.");
            await Expect(AskingPage.AnswerText(page.Turns.First)).ToHaveTextAsync(StalledChatServer.FirstWords);
            await Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Hỏi", Exact = true })).ToBeEnabledAsync();
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
