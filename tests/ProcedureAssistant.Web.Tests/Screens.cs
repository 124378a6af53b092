using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ProcedureAssistant.Web.Tests;

/// <summary>The accessibility scan (axe-core, bundled by Deque.AxeCore.Playwright, injected into the page) and the screenshots.</summary>
internal static class Screens
{
    /// <summary>Widths the pages are made for: a phone and a desk.</summary>
    public static readonly int[] Widths = [360, 1280];

    /// <summary>
    /// Where screenshots go: <c>PA_SCREENSHOTS</c> when set (the repository's <c>docs/</c> to refresh the committed
    /// ones), else the test output folder.
    /// </summary>
    public static string Folder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("PA_SCREENSHOTS") is { Length: > 0 } set
                ? set
                : Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>Serious and critical axe violations on the page as it is now, one line each (empty when there are none).</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        // A scan that ran no rule (axe blocked from the page, say) must not pass for a clean page.
        Assert.NotEmpty(result.Passes);
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
    }

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        var path = Path.Combine(Folder, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }
}
