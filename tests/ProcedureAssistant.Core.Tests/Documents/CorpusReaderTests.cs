using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Core.Tests.Documents;

public sealed class CorpusReaderTests
{
    [Fact]
    public async Task ReadAsync_BrokenFile_IsReportedAndTheRestAreRead()
    {
        using var corpus = new TempFolder();
        corpus.Write("procedures/khai-sinh.md", SampleCorpus.BirthRegistration);
        corpus.Write("procedures/broken.md", SampleCorpus.Broken);
        corpus.Write("regulations/nd-120.md", SampleCorpus.Decree);
        corpus.Write("README.md", "# not a document");

        var result = await new CorpusReader(new MarkdownDocumentParser()).ReadAsync(corpus.Path, TestContext.Current.CancellationToken);

        Assert.Equal(["tthc-1.001193", "nd-120-2025"], result.Documents.Select(d => d.Id));
        var failure = Assert.Single(result.Failures);
        Assert.Equal("procedures/broken.md", failure.SourcePath);
        Assert.Contains("no 'id'", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DuplicateId_IsAFailure()
    {
        using var corpus = new TempFolder();
        corpus.Write("a.md", SampleCorpus.BirthRegistration);
        corpus.Write("b.md", SampleCorpus.BirthRegistration);

        var result = await new CorpusReader(new MarkdownDocumentParser()).ReadAsync(corpus.Path, TestContext.Current.CancellationToken);

        Assert.Single(result.Documents);
        Assert.Contains("already used by a.md", Assert.Single(result.Failures).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MissingFolder_NamesTheSetting()
    {
        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(
            () => new CorpusReader(new MarkdownDocumentParser()).ReadAsync("/no/such/corpus", TestContext.Current.CancellationToken));
        Assert.Contains("Corpus:Path", error.Message, StringComparison.Ordinal);
    }
}
