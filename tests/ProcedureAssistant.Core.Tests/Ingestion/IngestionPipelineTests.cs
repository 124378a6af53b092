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
}
