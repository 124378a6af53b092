using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Indexing;

public sealed class EmbeddedChunkIndexTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Index_WrittenToAFolder_IsLoadedBackWithTheSameContent()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var data = new TempFolder();
        IndexInfo built;
        using (var writer = EmbeddedChunkIndex.InFolder(data.Path))
        {
            built = (await TestPipeline.For(writer).RunAsync(corpus.Path, cancellationToken: Token)).Index;
        }

        using var reader = EmbeddedChunkIndex.InFolder(data.Path);
        var loaded = await reader.GetInfoAsync(Token);

        Assert.Equal(built, loaded);
        var document = await reader.GetDocumentAsync("tthc-1.001193", Token);
        Assert.Equal("Đăng ký khai sinh", document?.Title);
        Assert.Equal(new DateOnly(2025, 7, 1), document?.Effective);
        var hits = await reader.SearchAsync(TextAnalyzer.CreateDefault().AnalyzeQuery("dang ky khai sinh"), 3, Token);
        Assert.Equal("tthc-1.001193", hits[0].Chunk.DocumentId);
        Assert.Single(await reader.GetChunksAsync("nd-120-2025", Token));
    }

    [Fact]
    public async Task Search_BeforeAnyBuild_SaysTheIndexIsUnavailable()
    {
        using var data = new TempFolder();
        using var index = EmbeddedChunkIndex.InFolder(data.Path);

        Assert.Null(await index.GetInfoAsync(Token));
        await Assert.ThrowsAsync<IndexUnavailableException>(() => index.SearchAsync(TextAnalyzer.CreateDefault().AnalyzeQuery("khai sinh"), 5, Token));
    }

    [Fact]
    public async Task Load_AfterACrashMidWrite_ReadsThePreviousVersion()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var data = new TempFolder();
        var folder = Path.Combine(data.Path, "embedded");
        IndexInfo good;
        using (var writer = EmbeddedChunkIndex.InFolder(folder))
        {
            good = (await TestPipeline.For(writer).RunAsync(corpus.Path, cancellationToken: Token)).Index;
        }

        // A crash while writing version 2 leaves its temporary file half written; CURRENT still names version 1.
        var goodFile = Path.Combine(folder, "index-000001.paidx");
        var bytes = await File.ReadAllBytesAsync(goodFile, Token);
        await File.WriteAllBytesAsync(Path.Combine(folder, "index-000002.paidx.tmp"), bytes[..(bytes.Length / 2)], Token);

        using var reader = EmbeddedChunkIndex.InFolder(folder);
        Assert.Equal(good, await reader.GetInfoAsync(Token));
    }

    [Fact]
    public async Task Load_CurrentVersionDamaged_FallsBackToTheNewestIntactOne()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var data = new TempFolder();
        IndexInfo first;
        using (var writer = EmbeddedChunkIndex.InFolder(data.Path))
        {
            var pipeline = TestPipeline.For(writer);
            first = (await pipeline.RunAsync(corpus.Path, cancellationToken: Token)).Index;
            await pipeline.RunAsync(corpus.Path, cancellationToken: Token);
        }

        // Version 2 is current; damage one byte of its payload (a disk error after the switch).
        var current = Path.Combine(data.Path, "index-000002.paidx");
        var bytes = await File.ReadAllBytesAsync(current, Token);
        bytes[^10] ^= 0xFF;
        await File.WriteAllBytesAsync(current, bytes, Token);

        using var reader = EmbeddedChunkIndex.InFolder(data.Path);
        Assert.Equal(first, await reader.GetInfoAsync(Token));
    }

    [Fact]
    public async Task Replace_Cancelled_KeepsServingTheLiveVersion()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var data = new TempFolder();
        using var index = EmbeddedChunkIndex.InFolder(data.Path);
        var pipeline = TestPipeline.For(index);
        var live = (await pipeline.RunAsync(corpus.Path, cancellationToken: Token)).Index;

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.RunAsync(corpus.Path, cancellationToken: cancelled.Token));

        Assert.Equal(live, await index.GetInfoAsync(Token));
        using var reloaded = EmbeddedChunkIndex.InFolder(data.Path);
        Assert.Equal(live, await reloaded.GetInfoAsync(Token));
    }

    [Fact]
    public async Task Save_KeepsOnlyTheLastTwoVersions()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var data = new TempFolder();
        using var index = EmbeddedChunkIndex.InFolder(data.Path);
        var pipeline = TestPipeline.For(index);
        for (var i = 0; i < 4; i++)
        {
            await pipeline.RunAsync(corpus.Path, cancellationToken: Token);
        }

        Assert.Equal(["index-000003.paidx", "index-000004.paidx"], Directory.GetFiles(data.Path, "*.paidx").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("index-000004.paidx", await File.ReadAllTextAsync(Path.Combine(data.Path, "CURRENT"), Token));
    }

    [Fact]
    public async Task Search_WithAProvinceAndLevelFilter_ReturnsOnlyThatProvinceLevelAndNationalChunks()
    {
        using var corpus = new TempFolder();
        Write(corpus.Path, "fee-a", "dak-lak", "xa", "Lệ phí đăng ký khai sinh ở tỉnh này là 10.000 đồng.");
        Write(corpus.Path, "fee-b", "gia-lai", "xa", "Lệ phí đăng ký khai sinh ở tỉnh kia là 20.000 đồng.");
        Write(corpus.Path, "fee-c", "dak-lak", "tinh", "Lệ phí đăng ký khai sinh có yếu tố nước ngoài là 100.000 đồng.");
        Write(corpus.Path, "fee-national", null, null, "Miễn lệ phí đăng ký khai sinh đúng hạn.");
        using var index = EmbeddedChunkIndex.InMemory();
        await TestPipeline.For(index).RunAsync(corpus.Path, cancellationToken: Token);
        var query = TextAnalyzer.CreateDefault().AnalyzeQuery("lệ phí đăng ký khai sinh");

        var all = await index.SearchAsync(query, 10, Token);
        var filtered = await index.SearchAsync(query with { Filter = new SearchFilter { Province = "dak-lak", Levels = ["xa"] } }, 10, Token);

        Assert.Equal(["fee-a", "fee-b", "fee-c", "fee-national"], all.Select(h => h.Chunk.DocumentId).Order(StringComparer.Ordinal));
        Assert.Equal(["fee-a", "fee-national"], filtered.Select(h => h.Chunk.DocumentId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListProvinces_AfterAnUpdateRemovesAProvincesLastDocument_NoLongerListsIt()
    {
        using var corpus = new TempFolder();
        using var data = new TempFolder();
        Write(corpus.Path, "fee-a", "dak-lak", "xa", "Lệ phí đăng ký khai sinh ở tỉnh này là 10.000 đồng.");
        Write(corpus.Path, "fee-b", "gia-lai", "xa", "Lệ phí đăng ký khai sinh ở tỉnh kia là 20.000 đồng.");
        Write(corpus.Path, "fee-national", null, null, "Miễn lệ phí đăng ký khai sinh đúng hạn.");
        using var index = EmbeddedChunkIndex.InFolder(data.Path);
        var pipeline = TestPipeline.For(index);
        await pipeline.RunAsync(corpus.Path, cancellationToken: Token);
        Assert.Equal(["dak-lak", "gia-lai"], await index.ListProvincesAsync(Token));

        File.Delete(Path.Combine(corpus.Path, "fee-b.md"));
        await pipeline.RunAsync(corpus.Path, Core.Ingestion.IngestionMode.Incremental, cancellationToken: Token);

        Assert.Equal(["dak-lak"], await index.ListProvincesAsync(Token));
        using var reopened = EmbeddedChunkIndex.InFolder(data.Path);
        Assert.Equal(["dak-lak"], await reopened.ListProvincesAsync(Token));
    }

    private static void Write(string folder, string id, string? province, string? level, string body) =>
        File.WriteAllText(Path.Combine(folder, id + ".md"), $"""
            ---
            id: {id}
            type: {(level is null ? "regulation" : "procedure")}
            title: Đăng ký khai sinh {id}
            {(province is null ? "" : "province: " + province)}
            {(level is null ? "" : "level: " + level)}
            ---
            {body}
            """);
}
