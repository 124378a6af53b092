using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Ingestion;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Core.Tests.Ingestion;

public sealed class IngestionPipelineTests
{
    [Fact]
    public async Task RunAsync_Twice_GivesTheSameIndex()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var data = new TempFolder();
        using var index = EmbeddedChunkIndex.InFolder(data.Path);
        var pipeline = TestPipeline.For(index);

        var first = await pipeline.RunAsync(corpus.Path, cancellationToken: TestContext.Current.CancellationToken);
        var second = await pipeline.RunAsync(corpus.Path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(first.Index.ContentHash, second.Index.ContentHash);
        Assert.Equal(first.Index.Version + 1, second.Index.Version);
        Assert.Equal(3, second.Index.DocumentCount);
    }

    [Fact]
    public async Task RunAsync_ChangedDocument_ChangesTheIndex()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var index = EmbeddedChunkIndex.InMemory();
        var pipeline = TestPipeline.For(index);
        var before = await pipeline.RunAsync(corpus.Path, cancellationToken: TestContext.Current.CancellationToken);

        corpus.Write("procedures/ket-hon.md", SampleCorpus.MarriageRegistration.Replace("05 ngày", "07 ngày", StringComparison.Ordinal));
        var after = await pipeline.RunAsync(corpus.Path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEqual(before.Index.ContentHash, after.Index.ContentHash);
    }

    [Fact]
    public async Task RunAsync_BrokenFile_IsReportedAndTheOthersAreIndexed()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        corpus.Write("procedures/broken.md", SampleCorpus.Broken);
        using var index = EmbeddedChunkIndex.InMemory();
        var progress = new List<IngestionProgress>();

        var report = await TestPipeline.For(index).RunAsync(corpus.Path, new SynchronousProgress<IngestionProgress>(progress.Add), TestContext.Current.CancellationToken);

        Assert.Equal(3, report.Index.DocumentCount);
        Assert.Equal("procedures/broken.md", Assert.Single(report.Failures).SourcePath);
        Assert.Equal([1, 2, 3], progress.Select(p => p.Done));
        Assert.All(progress, p => Assert.Equal(3, p.Total));
    }

    [Fact]
    public async Task RunAsync_KilledHalfWay_LeavesTheLiveIndexAnswering()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var data = new TempFolder();
        using var index = EmbeddedChunkIndex.InFolder(data.Path);
        var pipeline = TestPipeline.For(index);
        var live = (await pipeline.RunAsync(corpus.Path, cancellationToken: TestContext.Current.CancellationToken)).Index;
        corpus.Write("procedures/new.md", SampleCorpus.BirthRegistration.Replace("tthc-1.001193", "tthc-new", StringComparison.Ordinal));

        using var kill = new CancellationTokenSource();
        var afterFirstDocument = new SynchronousProgress<IngestionProgress>(p =>
        {
            if (p.Done == 1)
            {
                kill.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.RunAsync(corpus.Path, afterFirstDocument, kill.Token));

        Assert.Equal(live, await index.GetInfoAsync(TestContext.Current.CancellationToken));
        var hits = await index.SearchAsync(ProcedureAssistant.Core.Text.TextAnalyzer.CreateDefault().AnalyzeQuery("khai sinh"), 5, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(hits, h => h.Chunk.DocumentId == "tthc-new");
        using var reloaded = EmbeddedChunkIndex.InFolder(data.Path);
        Assert.Equal(live, await reloaded.GetInfoAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RunAsync_IncrementalWithOneCatalogueLineChanged_ReindexesOnlyThatRecord()
    {
        using var own = TestPipeline.WriteSampleCorpus();
        using var catalogue = new TempFolder();
        var lines = Enumerable.Range(1, 50).Select(i => CatalogueLines.Record($"2.{i:000000}", name: $"Thủ tục số {i}")).ToArray();
        catalogue.Write("records.jsonl", string.Join('\n', lines));
        CorpusSource[] sources = [CorpusSource.Primary(own.Path), new CorpusSource { Path = catalogue.Path, Name = "national" }];
        using var data = new TempFolder();
        using var index = EmbeddedChunkIndex.InFolder(data.Path);
        var pipeline = TestPipeline.For(index);
        await pipeline.RunAsync(sources, IngestionMode.Full, cancellationToken: TestContext.Current.CancellationToken);

        lines[7] = CatalogueLines.Record("2.000008", name: "Thủ tục số 8 đã sửa");
        catalogue.Write("records.jsonl", string.Join('\n', lines.Where((_, i) => i != 20)));
        var report = await pipeline.RunAsync(sources, IngestionMode.Incremental, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(IngestionMode.Incremental, report.Mode);
        Assert.Equal(new DocumentChanges(Added: 0, Changed: 1, Unchanged: 3 + 48, Removed: 1), report.Changes);
        Assert.Equal(3 + 49, report.Index.DocumentCount);
        Assert.Equal("Thủ tục số 8 đã sửa", (await index.GetDocumentAsync("tthc-2.000008", TestContext.Current.CancellationToken))!.Title);
        Assert.Null(await index.GetDocumentAsync("tthc-2.000021", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RunAsync_SeveralSources_ReportsWhatNoReaderTookAndWhatAnEarlierSourceHeld()
    {
        using var own = TestPipeline.WriteSampleCorpus();
        using var catalogue = new TempFolder();
        catalogue.Write("records.jsonl", CatalogueLines.Record("1.001193") + "\n" + CatalogueLines.Record("1.000001", name: "Thủ tục khác"));
        catalogue.Write("notes.txt", "không phải văn bản");
        using var index = EmbeddedChunkIndex.InMemory();

        var report = await TestPipeline.For(index).RunAsync(
            [CorpusSource.Primary(own.Path), new CorpusSource { Path = catalogue.Path, Name = "national" }],
            IngestionMode.Full,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(4, report.Index.DocumentCount);
        Assert.Equal("national/notes.txt", Assert.Single(report.Ignored).SourcePath);
        Assert.Equal("tthc-1.001193", Assert.Single(report.Shadowed).DocumentId);
        Assert.Equal("procedures/khai-sinh.md", (await index.GetDocumentAsync("tthc-1.001193", TestContext.Current.CancellationToken))!.SourcePath);
    }
}
