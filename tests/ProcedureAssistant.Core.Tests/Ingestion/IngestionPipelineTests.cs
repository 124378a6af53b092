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
}
