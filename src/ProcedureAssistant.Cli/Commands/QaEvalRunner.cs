using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Evaluation;
using ProcedureAssistant.Core.Ingestion;
using Spectre.Console;

namespace ProcedureAssistant.Cli.Commands;

/// <summary>
/// <c>eval --qa FILE</c>: indexes the corpus into a throw-away index (a temp folder, or a Qdrant alias of its own), answers every question and prints
/// key-fact coverage, citation precision, abstention and retrieval, overall and by persona and by typing.
/// </summary>
internal static class QaEvalRunner
{
    public static async Task<int> RunAsync(ParseResult parse, FileInfo questions, FileInfo? json, FileInfo? report, CancellationToken cancellationToken)
    {
        var items = await QaEvaluator.LoadAsync(questions.FullName, cancellationToken).ConfigureAwait(false);
        await using (var scratch = ThrowAwayIndexHost.Create(parse))
        {
            var host = scratch.Host;
            var corpus = host.Services.GetRequiredService<IOptions<CorpusOptions>>().Value.Path;
            var ingestion = await host.Services.GetRequiredService<IngestionPipeline>().RunAsync(corpus, cancellationToken: cancellationToken).ConfigureAwait(false);
            var evaluator = host.Services.GetRequiredService<QaEvaluator>();
            IReadOnlyList<QaItemResult> results = [];
            await CliHost.Status.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("Đánh giá câu trả lời", autoStart: true, maxValue: Math.Max(1, items.Count));
                var progress = new Progress<(int Done, int Total)>(p => task.Value = p.Done);
                results = await evaluator.RunAsync(items, progress, cancellationToken).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);

            var groups = Breakdown(results);
            var latency = LatencySummary.From(results.Select(r => r.AnswerMs).ToList());
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"corpus={corpus} documents={ingestion.Index.DocumentCount} chunks={ingestion.Index.ChunkCount} questions={items.Count} backend={scratch.Provider.ToString().ToLowerInvariant()} ingestSeconds={ingestion.Elapsed.TotalSeconds:0.00} {latency.ToString("answer")}"));
            foreach (var (name, metrics) in groups)
            {
                Console.WriteLine($"{name,-14} {metrics.ToMetricsLine()}");
            }

            if (json is not null)
            {
                await File.WriteAllTextAsync(json.FullName, System.Text.Json.JsonSerializer.Serialize(new
                {
                    groups = groups.ToDictionary(g => g.Name, g => g.Metrics),
                    questions = results.Select(r => new
                    {
                        r.Item.Id,
                        r.Item.Question,
                        r.Item.Answerable,
                        r.Abstained,
                        r.KeyFactCoverage,
                        r.CitationPrecision,
                        reciprocalRank = r.Retrieval?.ReciprocalRank(10),
                        r.Answer,
                    }),
                }, CliJson.Options), cancellationToken).ConfigureAwait(false);
            }

            if (report is not null)
            {
                await File.WriteAllTextAsync(report.FullName, Report(questions, groups, Environment.GetCommandLineArgs()), cancellationToken).ConfigureAwait(false);
            }

            Console.WriteLine(groups[0].Metrics.ToMetricsLine());
            return 0;
        }
    }

    private static List<(string Name, QaMetrics Metrics)> Breakdown(IReadOnlyList<QaItemResult> results) =>
    [
        ("all", QaMetrics.From(results)),
        ("citizen", QaMetrics.From(results.Where(r => r.Item.Persona != "official").ToList())),
        ("official", QaMetrics.From(results.Where(r => r.Item.Persona == "official").ToList())),
        ("accented", QaMetrics.From(results.Where(r => r.Accented).ToList())),
        ("unaccented", QaMetrics.From(results.Where(r => !r.Accented).ToList())),
    ];

    private static string Report(FileInfo questions, List<(string Name, QaMetrics Metrics)> groups, string[] args)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Answers: {questions.Name} (extractive mode)");
        text.AppendLine();
        text.AppendLine("| group | questions | key facts | citation precision | abstention (unanswerable) | false abstention (answerable) | MRR@10 | R@5 |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var (name, m) in groups)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {m.Questions} | {m.KeyFactCoverage:0.000} | {m.CitationPrecision:0.000} | {m.AbstentionAccuracy:0.000} | {m.FalseAbstentionRate:0.000} | {m.Retrieval.Mrr10:0.000} | {m.Retrieval.Recall5:0.000} |");
        }

        text.AppendLine();
        text.AppendLine("Produced by:");
        text.AppendLine();
        text.AppendLine("```");
        text.AppendLine("dotnet run --project src/ProcedureAssistant.Cli -c Release -- " + string.Join(' ', args.Skip(1)));
        text.AppendLine("```");
        return text.ToString();
    }
}
