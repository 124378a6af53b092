using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using ProcedureAssistant.Api.Tests.Fakes;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Api.Tests;

/// <summary>
/// Uploads that would exhaust the machine are refused with 413 or 422 naming the limit, quickly, and leave the corpus
/// as it was; the spooled copy of an upload lives in the data folder and never outlives its request or a restart.
/// </summary>
public sealed class UploadLimitTests(UploadLimitTests.Fixture fixture) : IClassFixture<UploadLimitTests.Fixture>
{
    private static readonly string[] SizeLimits = ["Uploads:MaxUncompressedBytes", "Uploads:MaxCompressionRatio", "Uploads:MaxExtractedCharacters"];
    private static readonly int[] RefusalStatuses = [400, 413, 422];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Docx_ExpandingFarBeyondItsSize_Is413NamingTheLimit()
    {
        // 60 MB of text in 60 KB: the shape of the 154 KB file that became 2,497 chunks.
        var bomb = UploadBombs.Docx(expandedCharacters: 60_000_000);

        var problem = await RefusedAsync("bomb.docx", bomb, HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains(problem.GetProperty("limit").GetString(), SizeLimits);
    }

    [Fact]
    public async Task Docx_LyingAboutItsSize_Is413OrUnreadable()
    {
        // The central directory says 100 bytes; the entry inflates to 40 MB.
        var liar = UploadBombs.DocxDeclaringSmallerSize(expandedCharacters: 40_000_000);

        using var response = await fixture.Admin.SendAsync(HttpMethod.Post, "/api/admin/documents", Form("liar.docx", liar));

        Assert.Contains((int)response.StatusCode, RefusalStatuses);
        await RequestHygieneTests.ProblemAsync(response);
    }

    [Fact]
    public async Task Html_NestedBeyondTheDepthLimit_Is422NamingIt()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 5_000)) + "Điều 1. Nội dung" + string.Concat(Enumerable.Repeat("</div>", 5_000)) + "</body></html>";

        var problem = await RefusedAsync("deep.html", Encoding.UTF8.GetBytes(html), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("Uploads:MaxNestingDepth", problem.GetProperty("limit").GetString());
    }

    [Fact]
    public async Task Html_WithMoreTextThanTheLimit_Is413NamingIt()
    {
        var paragraph = "<p>" + new string('a', 9_999) + "</p>";
        var html = "<html><body>" + string.Concat(Enumerable.Repeat(paragraph, 400)) + "</body></html>";

        var problem = await RefusedAsync("long.html", Encoding.UTF8.GetBytes(html), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("Uploads:MaxExtractedCharacters", problem.GetProperty("limit").GetString());
    }

    [Fact]
    public async Task Markdown_WithMoreChunksThanTheLimit_Is413NamingIt()
    {
        var text = new StringBuilder("---\nid: thu-nhieu-dieu\ntype: regulation\ntitle: Nghị định nhiều điều\n---\n# Nghị định nhiều điều\n");
        for (var i = 1; i <= 60; i++)
        {
            text.Append("## Điều ").Append(i).Append(". Quy định số ").Append(i).Append("\nNội dung của điều ").Append(i).Append(".\n");
        }

        var problem = await RefusedAsync("nhieu-dieu.md", Encoding.UTF8.GetBytes(text.ToString()), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("Uploads:MaxChunks", problem.GetProperty("limit").GetString());
    }

    [Fact]
    public async Task Upload_LeavesNoSpooledCopyBehind()
    {
        using var response = await fixture.Admin.SendAsync(HttpMethod.Post, "/api/admin/documents", Form("bomb.docx", UploadBombs.Docx(expandedCharacters: 5_000_000)));

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        var spool = Path.Combine(fixture.Admin.App.DataPath, "uploads");
        Assert.True(!Directory.Exists(spool) || Directory.GetFiles(spool).Length == 0, "the spool folder should be empty after the request");
    }

    [Fact]
    public async Task Startup_DeletesSpooledCopiesLeftByAProcessThatDied()
    {
        var app = new ProcedureAssistantApp();
        var spool = Directory.CreateDirectory(Path.Combine(app.DataPath, "uploads"));
        var stale = Path.Combine(spool.FullName, "upload-left-by-a-killed-process.part");
        await File.WriteAllBytesAsync(stale, UploadFiles.Docx("Điều 1. Nội dung"), Token);
        await using (app)
        {
            using var client = await app.CreateReadyClientAsync();

            Assert.False(File.Exists(stale));
        }
    }

    private async Task<JsonElement> RefusedAsync(string fileName, byte[] content, HttpStatusCode expected)
    {
        var before = fixture.Admin.CorpusFiles();
        var clock = Stopwatch.StartNew();

        using var response = await fixture.Admin.SendAsync(HttpMethod.Post, "/api/admin/documents", Form(fileName, content));

        var problem = await RequestHygieneTests.ProblemAsync(response);
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {problem}");
        Assert.StartsWith("urn:procedure-assistant:problem:upload-", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"refusing took {clock.Elapsed}");
        Assert.Equal(before, fixture.Admin.CorpusFiles());
        return problem;
    }

    // Each upload has its own id, so that one accepted by mistake cannot make another one a conflict.
    private static MultipartFormDataContent Form(string fileName, byte[] content) =>
        AdminTestApp.Form(fileName, content, ("type", "regulation"), ("title", "Nghị định thử giới hạn"), ("id", "thu-" + Path.GetFileNameWithoutExtension(fileName)));

    /// <summary>An admin app whose chunk limit is low enough to test with a small file.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public AdminTestApp Admin { get; private set; } = null!;

        public async ValueTask InitializeAsync() =>
            Admin = await AdminTestApp.StartAsync(settings: new Dictionary<string, string> { ["Uploads:MaxChunks"] = "50" });

        public ValueTask DisposeAsync() => Admin.DisposeAsync();
    }
}
