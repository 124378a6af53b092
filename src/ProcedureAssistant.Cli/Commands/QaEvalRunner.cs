using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Ingestion;
using ProcedureAssistant.Lab.Evaluation;
using Spectre.Console;

namespace ProcedureAssistant.Cli.Commands;

/// <summary>
/// <c>eval --qa FILE [--sample N] [--seed S]</c>, or <c>eval --dataset DIR --answers [--unanswerable FILE]</c> (a BEIR
/// folder asked as a QA set, <see cref="BeirAnswerSet"/>): indexes the corpus into a throw-away index (a temp folder,
/// or a Qdrant alias of its own), answers every question (with the chat model when <c>Llm:Endpoint</c> is set) and
/// prints key-fact coverage, citation precision, whether an expected source is cited, abstention and retrieval,
/// overall, by persona, by typing and by tag; then which answer-policy rule decided how many replies and how many of
/// those were wrong, and the length of the answers.
/// </summary>
internal static class QaEvalRunner
{
    private static readonly string[] Tags = ["everyday", "typo", "follow-up", "old-wording", "out-of-domain", "not-in-corpus"];

    public static async Task<int> RunAsync(ParseResult parse, QaEvalOptions run, CancellationToken cancellationToken)
    {
        var all = await QaEvaluator.LoadAsync(run.Questions.FullName, cancellationToken).ConfigureAwait(false);
        var items = run.Sample is { } size ? QaSample.Take(all, size, run.Seed) : all;
        return await RunAsync(parse, run, items, all.Count, corpus: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers <paramref name="items"/> over <paramref name="corpus"/> (null: the configured corpus).</summary>
    public static async Task<int> RunAsync(ParseResult parse, QaEvalOptions run, IReadOnlyList<QaItem> items, int total, string? corpus, CancellationToken cancellationToken)
    {
        await using (var scratch = ThrowAwayIndexHost.Create(parse, run.LlmCache?.FullName))
        {
            var host = scratch.Host;
            corpus ??= host.Services.GetRequiredService<IOptions<CorpusOptions>>().Value.Path;
            var ingestion = await host.Services.GetRequiredService<IngestionPipeline>().RunAsync(corpus, cancellationToken: cancellationToken).ConfigureAwait(false);
            var model = host.Services.GetRequiredService<IOptions<LlmOptions>>().Value;
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
            var mode = model.IsConfigured ? $"generative ({model.Model} at {model.Endpoint})" : "extractive";
            var generated = results.Count(r => r.Mode == AnswerMode.Generative);
            var latency = LatencySummary.From(results.Select(r => r.AnswerMs).ToList());
            var sampled = run.Sample is null ? string.Empty : $" (sample of {total}, seed {run.Seed})";
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"corpus={corpus} documents={ingestion.Index.DocumentCount} chunks={ingestion.Index.ChunkCount} questions={items.Count}{sampled} backend={scratch.Provider.ToString().ToLowerInvariant()} mode={mode} generativeAnswers={generated} ingestSeconds={ingestion.Elapsed.TotalSeconds:0.00} {latency.ToString("answer")}"));
            foreach (var (name, metrics) in groups)
            {
                Console.WriteLine($"{name,-14} {metrics.ToMetricsLine()}");
            }

            var rules = QaRuleTable.From(results);
            foreach (var rule in rules)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rule {rule.Rule,-22} replies={rule.Replies} wrong={rule.Wrong}"));
            }

            var lengths = AnswerLengths.From(results);
            Console.WriteLine(lengths.ToString());

            if (run.Json is { } json)
            {
                await File.WriteAllTextAsync(json.FullName, System.Text.Json.JsonSerializer.Serialize(new
                {
                    mode,
                    groups = groups.ToDictionary(g => g.Name, g => new
                    {
                        g.Metrics.Questions,
                        keyFactCoverage = Value(g.Metrics.KeyFactCoverage),
                        citationPrecision = Value(g.Metrics.CitationPrecision),
                        abstentionAccuracy = Value(g.Metrics.AbstentionAccuracy),
                        falseAbstentionRate = Value(g.Metrics.FalseAbstentionRate),
                        rightSourceCited = Value(g.Metrics.RightSourceCited),
                        retrieval = g.Metrics.Retrieval,
                    }),
                    rules,
                    lengths,
                    questions = results.Select(r => new
                    {
                        r.Item.Id,
                        r.Item.Question,
                        r.Item.Persona,
                        r.Item.Tags,
                        r.Item.Answerable,
                        expected = r.Item.ExpectedDocuments,
                        r.Abstained,
                        r.Mode,
                        rule = r.Decision.Rule,
                        measures = r.Decision.Measures,
                        read = r.Reading is null ? null : new { r.Reading.SearchText, fields = r.Reading.Fields.Select(f => f.ToString()), r.Reading.IsFollowUp, r.Reading.ChangesTopic, r.Reading.IsYesNo, r.Reading.AsksWholeProcedure, r.Reading.Level, province = r.Reading.Place?.Province },
                        r.Right,
                        r.Cited,
                        r.KeyFactCoverage,
                        r.CitationPrecision,
                        reciprocalRank = r.Retrieval?.ReciprocalRank(10),
                        r.Answer,
                    }),
                }, CliJson.Options), cancellationToken).ConfigureAwait(false);
            }

            if (run.Report is { } report)
            {
                await File.WriteAllTextAsync(report.FullName, Report(run, items.Count, total, mode, generated, groups, rules, lengths, Environment.GetCommandLineArgs()), cancellationToken).ConfigureAwait(false);
            }

            Console.WriteLine(groups[0].Metrics.ToMetricsLine());
            return 0;
        }
    }

    private static List<(string Name, QaMetrics Metrics)> Breakdown(IReadOnlyList<QaItemResult> results)
    {
        var groups = new List<(string Name, QaMetrics Metrics)>
        {
            ("all", QaMetrics.From(results)),
            ("citizen", QaMetrics.From(results.Where(r => r.Item.Persona != "official").ToList())),
            ("official", QaMetrics.From(results.Where(r => r.Item.Persona == "official").ToList())),
            ("accented", QaMetrics.From(results.Where(r => r.Accented).ToList())),
            ("unaccented", QaMetrics.From(results.Where(r => !r.Accented).ToList())),
        };
        foreach (var tag in Tags)
        {
            var tagged = results.Where(r => r.Item.Tags.Contains(tag)).ToList();
            if (tagged.Count > 0)
            {
                groups.Add((tag, QaMetrics.From(tagged)));
            }
        }

        return groups;
    }

    private static string Report(QaEvalOptions run, int asked, int total, string mode, int generated, List<(string Name, QaMetrics Metrics)> groups, IReadOnlyList<QaRuleTable.Row> rules, AnswerLengths lengths, string[] args)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Answers: {run.Questions.Name}, {mode} mode");
        text.AppendLine();
        var sample = asked == total ? "all" : $"a stratified sample (seed {run.Seed}) of {total}";
        text.AppendLine(CultureInfo.InvariantCulture, $"{asked} questions ({sample}), {DateTime.UtcNow:yyyy-MM-dd}; {generated} answered by the chat model.");
        text.AppendLine();
        text.AppendLine("| group | questions | key facts | citation precision | right source cited | abstention (unanswerable) | false abstention (answerable) | MRR@10 | R@5 |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, m) in groups)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {m.Questions} | {Cell(m.KeyFactCoverage)} | {Cell(m.CitationPrecision)} | {Cell(m.RightSourceCited)} | {Cell(m.AbstentionAccuracy)} | {Cell(m.FalseAbstentionRate)} | {Cell(m.Retrieval.Queries == 0 ? double.NaN : m.Retrieval.Mrr10)} | {Cell(m.Retrieval.Queries == 0 ? double.NaN : m.Retrieval.Recall5)} |");
        }

        text.AppendLine();
        text.AppendLine("Which rule of the answer policy (`docs/answering.md`) decided each reply, and how many of those replies were wrong (an");
        text.AppendLine("answerable question refused, or answered without citing only expected sources or without every key fact; an");
        text.AppendLine("unanswerable one answered):");
        text.AppendLine();
        text.AppendLine("| rule | replies | wrong |");
        text.AppendLine("|---|---|---|");
        foreach (var rule in rules)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{rule.Rule}` | {rule.Replies} | {rule.Wrong} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Answer length in characters (replies that answer, not refusals): {lengths.Describe()}.");

        text.AppendLine();
        text.AppendLine("Produced by:");
        text.AppendLine();
        text.AppendLine("```");
        text.AppendLine("dotnet run --project src/ProcedureAssistant.Cli -c Release -- " + string.Join(' ', args.Skip(1)));
        text.AppendLine("```");
        return text.ToString();
    }

    // A group without answerable (or without unanswerable) questions has no value for that metric: JSON has no NaN.
    private static double? Value(double value) => double.IsNaN(value) ? null : value;

    private static string Cell(double value) => double.IsNaN(value) ? "–" : value.ToString("0.000", CultureInfo.InvariantCulture);
}

/// <summary>What <c>eval --qa</c> was asked to do.</summary>
internal sealed record QaEvalOptions(FileInfo Questions, FileInfo? Json, FileInfo? Report, int? Sample, int Seed, DirectoryInfo? LlmCache);
