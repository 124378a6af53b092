using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProcedureAssistant.Web.Tests;

/// <summary>
/// The province choice on the asking page: shown only when the deployment serves more than one province, set to the
/// deployment's own, and the answer follows the province chosen (two provinces' decisions that disagree on a fee).
/// </summary>
public sealed class ProvinceChoiceTests(Chromium chromium)
{
    private const string FeeQuestion = "lệ phí đăng ký khai sinh không đúng hạn là bao nhiêu";

    [Fact]
    public async Task TwoProvinces_TheChoiceStartsAtTheDeploymentsOwn_AndTheAnswerFollowsTheOneChosen()
    {
        await using var server = await WebServer.StartAsync(corpusFolder: "TestCorpusProvinces");
        await using var session = await chromium.NewSessionAsync(width: 360, height: 780);
        var page = new AskingPage(await session.NewPageAsync());
        await page.OpenAsync(server);

        var choice = page.Page.GetByLabel("Hỏi về tỉnh, thành phố");
        await Expect(choice).ToBeVisibleAsync();
        await Expect(choice).ToHaveValueAsync("dak-lak");
        await Expect(choice.Locator("option")).ToHaveTextAsync(["Đắk Lắk", "Gia Lai"]);
        var dakLak = await page.AskAsync(FeeQuestion);
        await Expect(AskingPage.AnswerText(dakLak)).ToContainTextAsync("8.000");

        await choice.SelectOptionAsync("gia-lai");
        var giaLai = await page.AskAsync(FeeQuestion);

        await Expect(AskingPage.AnswerText(giaLai)).ToContainTextAsync("15.000");
        await Expect(AskingPage.AnswerText(giaLai)).Not.ToContainTextAsync("8.000");
    }

    [Fact]
    public async Task OneProvince_NoChoiceIsShown()
    {
        await using var server = await WebServer.StartAsync();
        await using var session = await chromium.NewSessionAsync(width: 1280, height: 900);
        var page = new AskingPage(await session.NewPageAsync());
        await page.OpenAsync(server);

        await Expect(page.Page.GetByLabel("Hỏi về tỉnh, thành phố")).ToBeHiddenAsync();
    }
}
