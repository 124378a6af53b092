using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProcedureAssistant.Web.Tests;

/// <summary>What a person does on the asking page, in the page's own words (labels and button names).</summary>
public sealed class AskingPage(IPage page)
{
    public IPage Page => page;

    public ILocator Question => page.GetByLabel("Câu hỏi của bạn");

    public ILocator Turns => page.Locator("#conversation .turn");

    public ILocator Error => page.Locator("#ask-error");

    public async Task OpenAsync(WebServer server)
    {
        await page.GotoAsync(server.Url("/").ToString());
        await Expect(page.Locator("#indexed")).ToContainTextAsync("cập nhật lúc");
    }

    /// <summary>Types the question, presses "Hỏi" and waits until the answer is complete (its feedback buttons show).</summary>
    public async Task<ILocator> AskAsync(string question)
    {
        var before = await Turns.CountAsync();
        await Question.FillAsync(question);
        await page.GetByRole(AriaRole.Button, new() { Name = "Hỏi", Exact = true }).ClickAsync();
        var turn = Turns.Nth(before);
        await Expect(turn.GetByRole(AriaRole.Button, new() { Name = "Hữu ích" })).ToBeVisibleAsync();
        return turn;
    }

    public static ILocator AnswerText(ILocator turn) => turn.Locator(".answer-text");

    public static ILocator Sources(ILocator turn) => turn.Locator(".citations .source");
}
