using System.Diagnostics;
using System.Text.Json;
using ProcedureAssistant.Api.Tests.Fakes;

namespace ProcedureAssistant.Api.Tests;

/// <summary>
/// <c>eval --qa</c> end to end in generative mode: the CLI runs as a child process with <c>Llm__Endpoint</c>
/// pointing at the OpenAI-compatible fake server in this process, over the small test corpus.
/// </summary>
public sealed class QaEvalCommandTests : IAsyncLifetime
{
    private const string BirthQuestion = "làm giấy khai sinh cho con cần gì";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pa-qa-eval-" + Guid.NewGuid().ToString("N"));
    private FakeChatServer _server = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _server = await FakeChatServer.StartAsync();
        await File.WriteAllLinesAsync(Path.Combine(_folder, "questions.jsonl"),
        [
            $$"""{"id":"q1","question":"{{BirthQuestion}}","persona":"citizen","answerable":true,"expected_documents":["tthc-1.001193"],"key_facts":["Giấy chứng sinh"],"tags":["everyday"]}""",
            """{"id":"q2","question":"giá vé máy bay đi Singapore tháng sau","persona":"citizen","answerable":false,"tags":["unanswerable","out-of-domain"]}""",
        ], Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task EvalQa_WithAModelConfigured_ScoresTheModelsAnswers_AndReusesCachedCompletions()
    {
        _server.Script = _ => new FakeChatServer.Reply("Cần Giấy chứng sinh [1] và tờ khai [1].");

        var (exitCode, output) = await RunEvalAsync("first.json");

        Assert.True(exitCode == 0, output);
        Assert.Contains("mode=generative (test-model", output, StringComparison.Ordinal);
        Assert.Contains("generativeAnswers=1", output, StringComparison.Ordinal);
        var request = Assert.Single(_server.Requests);
        Assert.Contains("CÂU HỎI: " + BirthQuestion, request.GetProperty("messages")[1].ToString(), StringComparison.Ordinal);
        var questions = await ReadQuestionsAsync("first.json");
        Assert.Equal("generative", questions[0].GetProperty("mode").GetString());
        Assert.Equal(1, questions[0].GetProperty("keyFactCoverage").GetDouble());
        Assert.Equal(1, questions[0].GetProperty("citationPrecision").GetDouble());
        Assert.Equal("Cần Giấy chứng sinh [1] và tờ khai [1].", questions[0].GetProperty("answer").GetString());
        Assert.True(questions[1].GetProperty("abstained").GetBoolean());

        // The same prompt again: answered from the cache, without calling the model.
        var (again, againOutput) = await RunEvalAsync("second.json");

        Assert.True(again == 0, againOutput);
        Assert.Single(_server.Requests);
        Assert.Equal("Cần Giấy chứng sinh [1] và tờ khai [1].", (await ReadQuestionsAsync("second.json"))[0].GetProperty("answer").GetString());
    }

    [Fact]
    public async Task EvalQa_ModelFails_FallsBackToExtractive_AndStillReports()
    {
        _server.Script = _ => new FakeChatServer.Reply("", 500);

        var (exitCode, output) = await RunEvalAsync("failed.json");

        Assert.True(exitCode == 0, output);
        Assert.Contains("generativeAnswers=0", output, StringComparison.Ordinal);
        var questions = await ReadQuestionsAsync("failed.json");
        Assert.Equal("extractive", questions[0].GetProperty("mode").GetString());
        Assert.Equal(1, questions[0].GetProperty("keyFactCoverage").GetDouble());
    }

    private async Task<(int ExitCode, string Output)> RunEvalAsync(string json)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "procedure-assistant.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { cli, "eval", "--qa", "questions.jsonl", "--corpus", Path.Combine(AppContext.BaseDirectory, "TestCorpus"), "--json", json, "--llm-cache", "llm-cache" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Llm__Endpoint"] = _server.Endpoint.ToString();
        start.Environment["Llm__Model"] = "test-model";
        start.Environment["Llm__ApiKey"] = "test-key";
        start.Environment["Llm__TimeoutSeconds"] = "10";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Token);
        var stderr = process.StandardError.ReadToEndAsync(Token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private async Task<JsonElement> ReadQuestionsAsync(string json)
    {
        await using var stream = File.OpenRead(Path.Combine(_folder, json));
        return (await JsonSerializer.DeserializeAsync<JsonElement>(stream, cancellationToken: Token)).GetProperty("questions");
    }
}
