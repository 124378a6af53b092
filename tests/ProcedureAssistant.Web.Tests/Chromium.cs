using Microsoft.Playwright;

namespace ProcedureAssistant.Web.Tests;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed by <c>apt-get install chromium</c>; CI's <c>.ci/run</c> does
/// it), driven by Playwright, started once for the test run. Playwright never downloads a browser here. Without
/// Chromium every browser test is skipped with the reason.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    /// <summary>Why the browser tests cannot run, or null when they can.</summary>
    public string? Missing { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Missing = $"{ExecutablePath} is not installed (apt-get install -y chromium); the browser tests are skipped.";
            return;
        }

        // A machine shared with other builds can be slow: wait up to 15 s for what a page should show.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // The closed network and the sandbox-less CI machine need these: no updates, no sync, no first-run pages.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (its own cookies and storage: one browser session) at the given width.</summary>
    public async Task<IBrowserContext> NewSessionAsync(int width = 1280, int height = 900)
    {
        Assert.SkipWhen(Browser is null, Missing ?? "no browser");
        var context = await Browser!.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
