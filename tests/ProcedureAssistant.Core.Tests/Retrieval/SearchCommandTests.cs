using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Core.Tests.Retrieval;

public sealed class SearchCommandTests
{
    [Fact]
    public async Task Search_QueriesFile_TimesEveryQuestionOnTheLiveIndex()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var data = new TempFolder();
        var questions = data.Write("questions.jsonl", "{\"_id\": \"1\", \"text\": \"đăng ký khai sinh\"}\n{\"_id\": \"2\", \"text\": \"kết hôn cần giấy tờ gì\"}\n");

        using var cli = await CliProcess.RunAsync(["search", "--queries", questions, "--corpus", corpus.Path, "--data", Path.Combine(data.Path, "index")]);

        Assert.Equal(0, cli.ExitCode);
        Assert.Matches(@"queries=2 top=10 searchP50Ms=[\d.]+ searchP95Ms=[\d.]+ searchMaxMs=[\d.]+ cpuMsPerQuery=[\d.]+", cli.Output);
    }

    [Fact]
    public async Task Search_NeitherQueryNorFile_IsRefused()
    {
        using var cli = await CliProcess.RunAsync(["search"]);

        Assert.NotEqual(0, cli.ExitCode);
        Assert.Contains("--queries", cli.Output, StringComparison.Ordinal);
    }
}
