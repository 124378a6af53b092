using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Core.Tests.Ingestion;

public sealed class IngestCommandTests
{
    [Fact]
    public async Task Ingest_SourcesWithACatalogueAndAFileNoReaderTakes_SummarisesWhatWentInAndWhatDidNot()
    {
        using var own = TestPipeline.WriteSampleCorpus();
        using var catalogue = new TempFolder();
        catalogue.Write("records.jsonl", CatalogueLines.Record("1.001193") + "\n" + CatalogueLines.Record("1.000001", name: "Thủ tục khác") + "\n{ broken\n");
        catalogue.Write("notes.txt", "không phải văn bản");
        using var data = new TempFolder();

        using var cli = await CliProcess.RunAsync(["ingest", "--corpus", own.Path, "--source", catalogue.Path + "=Đắk Lắk", "--data", data.Path]);

        Assert.Equal(2, cli.ExitCode); // something failed: the broken line
        Assert.Contains("added=4 changed=0 unchanged=0 removed=0 failed=1 ignored=1 shadowed=1", cli.Output, StringComparison.Ordinal);
        Assert.Contains("notes.txt", cli.Output, StringComparison.Ordinal);
        Assert.Contains("records.jsonl:3", cli.Output, StringComparison.Ordinal);
    }
}
