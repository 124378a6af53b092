using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Documents.Uploads;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Core.Tests.Documents;

/// <summary>
/// Conversion within <see cref="UploadLimits"/>: hostile files are refused naming the limit, in bounded time and
/// memory (the conversion runs on the test's thread, so the bytes that thread allocates are the conversion's), and
/// a cancelled token stops it.
/// </summary>
public sealed class UploadLimitsTests
{
    // What converting any refused file may allocate: a few times the limits, nowhere near what the file expands to.
    private const long AllocationBound = 64L * 1024 * 1024;

    private static readonly string[] PackageLimits = ["Uploads:MaxUncompressedBytes", "Uploads:MaxCompressionRatio"];

    private static readonly UploadConverter Converter = new(new MarkdownDocumentParser(), new LegalStructureChunker(Options.Create(new ChunkingOptions())), Options.Create(new UploadLimits()));

    [Fact]
    public void Docx_ZipBombOfOneGibibyte_IsRefusedBeforeInflating()
    {
        var bomb = UploadBombs.Docx(expandedCharacters: 1L << 30);

        var (refusal, allocated, elapsed) = Refuse("bomb.docx", bomb);

        Assert.Contains(refusal.Limit, PackageLimits);
        Assert.True(refusal.IsTooLarge);
        Assert.InRange(allocated, 0, AllocationBound);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}");
    }

    [Fact]
    public void Docx_LyingAboutItsSize_StopsAtTheTextLimit()
    {
        var liar = UploadBombs.DocxDeclaringSmallerSize(expandedCharacters: 200_000_000);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var error = Record.Exception(() => Converter.Convert(Upload("liar.docx", liar), TestContext.Current.CancellationToken));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        // Either the runtime sees the part inflate past what it declared, or the text limit stops the read.
        Assert.True(error is UploadLimitExceededException or DocumentParseException, error?.ToString());
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Fact]
    public void Docx_TextOverTheLimitInOneNode_IsRefusedNamingIt()
    {
        var limits = new UploadLimits { MaxCompressionRatio = 10_000 };
        var converter = new UploadConverter(new MarkdownDocumentParser(), null, Options.Create(limits));
        var docx = UploadBombs.Docx(expandedCharacters: 5_000_000);

        var error = Assert.Throws<UploadLimitExceededException>(() => converter.Convert(Upload("long.docx", docx), TestContext.Current.CancellationToken));

        Assert.Equal("Uploads:MaxExtractedCharacters", error.Limit);
        Assert.Contains("2,000,000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("div", 300_000)]
    [InlineData("span", 2_000)]
    [InlineData("table", 1_000)]
    public void Html_NestedDeeperThanTheLimit_IsRefusedQuickly(string element, int depth)
    {
        var (refusal, allocated, elapsed) = Refuse("deep.html", UploadBombs.NestedHtml(depth, element));

        Assert.Equal("Uploads:MaxNestingDepth", refusal.Limit);
        Assert.False(refusal.IsTooLarge);
        Assert.InRange(allocated, 0, AllocationBound);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"took {elapsed}");
    }

    [Fact]
    public void Html_ManyUnclosedParagraphsAndBreaks_IsNotDeep()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Range(1, 3_000).Select(i => $"<p>Điều {i}. Nội dung<br>dòng hai<li>mục")) + "</body></html>";

        var converted = new UploadConverter(new MarkdownDocumentParser()).Convert(Upload("flat.html", Encoding.UTF8.GetBytes(html)), TestContext.Current.CancellationToken);

        Assert.Contains("## Điều 3000.", Encoding.UTF8.GetString(converted.Content), StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_MoreChunksThanTheLimit_IsRefusedNamingIt()
    {
        var converter = new UploadConverter(new MarkdownDocumentParser(), new LegalStructureChunker(Options.Create(new ChunkingOptions())), Options.Create(new UploadLimits { MaxChunks = 10 }));
        var text = string.Concat(Enumerable.Range(1, 20).Select(i => $"Điều {i}. Quy định {i}\nNội dung điều {i}.\n"));

        var error = Assert.Throws<UploadLimitExceededException>(() => converter.Convert(Upload("nhieu.txt", Encoding.UTF8.GetBytes(text)), TestContext.Current.CancellationToken));

        Assert.Equal("Uploads:MaxChunks", error.Limit);
        Assert.True(error.IsTooLarge);
    }

    [Fact]
    public void Convert_CancelledByTheCaller_Stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var html = Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<p>Điều 1. Nội dung</p>", 20_000)) + "</body></html>");

        Assert.ThrowsAny<OperationCanceledException>(() => Converter.Convert(Upload("page.html", html), cancelled.Token));
    }

    private static (UploadLimitExceededException Refusal, long Allocated, TimeSpan Elapsed) Refuse(string fileName, byte[] content)
    {
        var clock = Stopwatch.StartNew();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var refusal = Assert.Throws<UploadLimitExceededException>(() => Converter.Convert(Upload(fileName, content), TestContext.Current.CancellationToken));
        return (refusal, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, clock.Elapsed);
    }

    private static UploadedDocument Upload(string fileName, byte[] content) =>
        new(fileName, content) { Type = DocumentType.Regulation, Title = "Nghị định thử giới hạn" };
}
