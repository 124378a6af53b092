using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Ingestion;
using ProcedureAssistant.Core.Text;
using ProcedureAssistant.Lab.Evaluation;

namespace ProcedureAssistant.Cli.Commands;

/// <summary>
/// <c>calibrate-spelling --queries FILE... [--seed S]</c>: false corrections on correctly written questions and
/// repairs of synthetic typos against the corpus, for a sweep of <see cref="QueryNormalization.MinStrength"/> with the
/// other spelling settings at their constants (a lab-side parameter: the service reads no spelling setting). Query files are JSON lines with a <c>text</c> field (BEIR queries).
/// </summary>
internal static class CalibrateSpellingCommand
{
    private static readonly double[] Strengths = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5];

    public static Command Create()
    {
        var queries = new Option<FileInfo[]>("--queries") { Description = "Tệp JSONL câu hỏi viết đúng chính tả (trường text), có thể nhiều tệp.", Required = true, AllowMultipleArgumentsPerToken = true };
        var seed = new Option<int>("--seed") { Description = "Hạt giống sinh lỗi gõ (mặc định 1).", DefaultValueFactory = _ => 1 };
        var command = new Command("calibrate-spelling", "Đo sửa lỗi chính tả câu hỏi theo ngưỡng MinStrength (QueryNormalization).") { queries, seed };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse);
            var corpusPath = host.Services.GetRequiredService<IOptions<CorpusOptions>>().Value.Path;
            var corpus = await host.Services.GetRequiredService<CorpusReader>().ReadAsync(corpusPath, cancellationToken).ConfigureAwait(false);
            var questions = new List<string>();
            foreach (var file in parse.GetValue(queries)!)
            {
                foreach (var line in await File.ReadAllLinesAsync(file.FullName, cancellationToken).ConfigureAwait(false))
                {
                    if (!string.IsNullOrWhiteSpace(line) && JsonDocument.Parse(line).RootElement.TryGetProperty("text", out var text) && text.GetString() is { } question)
                    {
                        questions.Add(question);
                    }
                }
            }

            var configured = new QueryNormalization();
            Console.WriteLine($"corpus={corpusPath} documents={corpus.Documents.Count} questions={questions.Count} minPairCount={configured.MinPairCount} dominance={configured.Dominance} seed={parse.GetValue(seed)}");
            foreach (var strength in Strengths)
            {
                var score = SpellingCalibration.Measure(corpus.Documents, questions, configured with { MinStrength = strength }, parse.GetValue(seed));
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"minStrength={strength:0.00} falseCorrectionsPer100={score.FalseCorrectionsPer100:0.0} folded={score.FalseCorrectionsPer100Folded:0.0} | typos={score.Typed.Typos} restored={score.Typed.Restored:P1} miscorrected={score.Typed.Miscorrected:P1} | folded typos={score.Folded.Typos} restored={score.Folded.Restored:P1} miscorrected={score.Folded.Miscorrected:P1}"));
            }

            return 0;
        });
        return command;
    }
}
