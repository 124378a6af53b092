using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProcedureAssistant.Web.Tests;

/// <summary>"Tra cứu xã/phường mới" on the asking page, against <c>GET /api/communes</c> (CommuneLookupResponse).</summary>
public sealed class CommuneLookupTests(Chromium chromium)
{
    [Theory]
    [InlineData("Hòa Phú", "")]
    [InlineData("hoa phu", "Đắk Lắk")]
    [InlineData("Thạnh Lộc", "Kiên Giang")]
    public async Task Lookup_ShowsEveryMatchWithItsNewCommuneAndResolution(string name, string province)
    {
        await using var server = await WebServer.StartAsync();
        var query = $"/api/communes?q={Uri.EscapeDataString(name)}" + (province.Length > 0 ? $"&province={Uri.EscapeDataString(province)}" : string.Empty);
        using var probe = await server.Http.GetAsync(new Uri(query, UriKind.Relative), TestContext.Current.CancellationToken);
        probe.EnsureSuccessStatusCode();
        var expected = await probe.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        await using var session = await chromium.NewSessionAsync(width: 360, height: 780);
        var page = await session.NewPageAsync();
        await page.GotoAsync(server.Url("/").ToString());
        await page.GetByLabel("Tên xã, phường").FillAsync(name);
        await page.GetByLabel("Tỉnh (không bắt buộc)").FillAsync(province);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();

        var result = page.Locator("#commune-result");
        var matches = expected.GetProperty("matches");
        if (matches.GetArrayLength() == 0)
        {
            await Expect(result).ToContainTextAsync("Không tìm thấy xã, phường nào");
            return;
        }

        await Expect(result.Locator(".commune-match")).ToHaveCountAsync(matches.GetArrayLength());
        foreach (var (match, shown) in matches.EnumerateArray().Select((m, i) => (m, result.Locator(".commune-match").Nth(i))))
        {
            await Expect(shown.Locator(".commune-name")).ToContainTextAsync(match.GetProperty("name").GetString()!);
            if (match.TryGetProperty("district", out var district) && district.GetString() is { } named)
            {
                await Expect(shown).ToContainTextAsync(named);
            }

            foreach (var commune in match.GetProperty("newCommunes").EnumerateArray())
            {
                await Expect(shown).ToContainTextAsync(commune.GetProperty("name").GetString()!);
                if (commune.GetProperty("resolution").GetString() is { } resolution)
                {
                    await Expect(shown).ToContainTextAsync(resolution);
                }
            }

            foreach (var old in match.GetProperty("oldCommunes").EnumerateArray())
            {
                await Expect(shown).ToContainTextAsync(old.GetString()!);
            }
        }
    }

    [Fact]
    public async Task AskedWhereAnOldCommuneBelongsNow_TheAnswerCitesTheResolution_AndItsLineOpensInPlace()
    {
        await using var server = await WebServer.StartAsync();
        await using var session = await chromium.NewSessionAsync(width: 360, height: 780);
        var page = new AskingPage(await session.NewPageAsync());
        await page.OpenAsync(server);

        var turn = await page.AskAsync("xã Hòa Phú cũ giờ thuộc xã nào?");
        await Expect(AskingPage.AnswerText(turn)).ToContainTextAsync("nay thuộc");
        var source = AskingPage.Sources(turn).First;
        await Expect(source).ToContainTextAsync("1660/NQ-UBTVQH15");
        await source.ClickAsync();

        var passage = turn.Locator(".passage").First;
        await Expect(passage.Locator(".passage-path")).ToContainTextAsync("Nghị quyết 1660/NQ-UBTVQH15, Điều 1");
        await Expect(passage.Locator(".passage-text")).ToContainTextAsync("Xã Hòa Phú");
        await Expect(passage.Locator(".error-inline")).ToHaveCountAsync(0);
    }
}
