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

    [Fact]
    public async Task ReadAsync_TwoSourcesHoldTheSameId_TheFirstKeepsItAndTheLaterIsReported()
    {
        using var own = new TempFolder();
        own.Write("procedures/khai-sinh.md", SampleCorpus.BirthRegistration);
        using var catalogue = new TempFolder();
        catalogue.Write("records.jsonl", CatalogueLines.Record("1.001193") + "\n" + CatalogueLines.Record("1.000894", name: "Đăng ký kết hôn") + "\n");
        CorpusSource[] sources = [CorpusSource.Primary(own.Path), new CorpusSource { Path = catalogue.Path, Name = "national" }];

        var result = await new CorpusReader(new MarkdownDocumentParser()).ReadAsync(sources, [], TestContext.Current.CancellationToken);

        Assert.Equal(["tthc-1.001193", "tthc-1.000894"], result.Documents.Select(d => d.Id));
        Assert.Equal("procedures/khai-sinh.md", result.Documents[0].SourcePath);
        Assert.Equal("national/records.jsonl#1.000894", result.Documents[1].SourcePath);
        Assert.Equal(new ShadowedDocument("tthc-1.001193", "national/records.jsonl#1.001193", "procedures/khai-sinh.md"), Assert.Single(result.Shadowed));
        Assert.Empty(result.Failures);
    }

    [Fact]
    public async Task ReadAsync_FilesNoReaderTakes_AreReportedWithTheReason()
    {
        using var corpus = new TempFolder();
        corpus.Write("procedures/khai-sinh.md", SampleCorpus.BirthRegistration);
        corpus.Write("notes.txt", "ghi chú");
        corpus.Write("data/corpus.jsonl", "{\"_id\": \"1\", \"text\": \"x\"}\n");
        corpus.Write(".hidden/x.txt", "temporary");

        var result = await new CorpusReader(new MarkdownDocumentParser()).ReadAsync(corpus.Path, TestContext.Current.CancellationToken);

        Assert.Single(result.Documents);
        Assert.Equal(["data/corpus.jsonl", "notes.txt"], result.Ignored.Select(i => i.SourcePath));
        Assert.Contains("'.txt'", result.Ignored[1].Reason, StringComparison.Ordinal);
        Assert.Contains("ma_thu_tuc", result.Ignored[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SourceWithAProvince_GivesItToDocumentsThatDoNotSayTheirOwn()
    {
        using var province = new TempFolder();
        province.Write("khai-sinh.md", SampleCorpus.BirthRegistration);
        province.Write("own.md", SampleCorpus.Decree.Replace("type: regulation", "type: regulation\nprovince: Gia Lai", StringComparison.Ordinal));
        using var own = new TempFolder();
        CorpusSource[] sources = [CorpusSource.Primary(own.Path), new CorpusSource { Path = province.Path, Province = "Đắk Lắk" }];

        var result = await new CorpusReader(new MarkdownDocumentParser()).ReadAsync(sources, [], TestContext.Current.CancellationToken);

        Assert.Equal([("tthc-1.001193", "dak-lak"), ("nd-120-2025", "gia-lai")], result.Documents.Select(d => (d.Id, d.Province!)));
    }

    [Fact]
    public async Task ReadAsync_CatalogueWithOneChangedLine_ReadsOnlyThatRecordAgain()
    {
        using var corpus = new TempFolder();
        string[] lines = [CatalogueLines.Record("1.000001"), CatalogueLines.Record("1.000002", name: "Đăng ký kết hôn"), CatalogueLines.Record("1.000003", name: "Chứng thực")];
        corpus.Write("records.jsonl", string.Join('\n', lines));
        var reader = new CorpusReader(new MarkdownDocumentParser());
        var first = await reader.ReadAsync(corpus.Path, TestContext.Current.CancellationToken);
        var indexed = first.Documents.Select(d => new DocumentSource(d.Id, d.SourcePath, d.ContentHash)).ToList();

        lines[1] = CatalogueLines.Record("1.000002", name: "Đăng ký kết hôn", fee: "Không có thông tin");
        corpus.Write("records.jsonl", string.Join('\n', lines));
        var second = await reader.ReadAsync(corpus.Path, indexed, TestContext.Current.CancellationToken);

        Assert.Equal("tthc-1.000002", Assert.Single(second.Documents).Id);
        Assert.Equal(["tthc-1.000001", "tthc-1.000003"], second.Unchanged.Select(u => u.DocumentId));
    }
}
