using System.Globalization;
using ProcedureAssistant.Core.Evaluation;
using ProcedureAssistant.Core.Reranking;
using Spectre.Console;

namespace ProcedureAssistant.Cli.Commands;

/// <summary>
/// <c>eval --dataset DIR --rerank cv|lodo</c>: the reranker's figures on questions no model it is scored by has
/// seen. cv: k-fold cross-validation grouped by question over DIR and the training sets pooled (as the shipped
/// model is trained), each of DIR's questions ranked by the fold model that left it out. lodo: one model trained on
/// the training sets other than DIR ranks all of DIR. No search latency is measured here (see the benchmarks).
/// </summary>
internal static class RerankEvalRunner
{
    public static async Task<int> RunAsync(
        RetrievalEvaluator evaluator,
        BeirDataset data,
        RerankChoice choice,
        DirectoryInfo[]? trainFolders,
        DirectoryInfo dataFolder,
        string[] without,
        int folds,
        bool folded,
        FileInfo? json,
        FileInfo? report,
        CancellationToken cancellationToken)
    {
        var settings = new RerankerTrainerSettings();
        var others = new List<BeirDataset>();
        foreach (var folder in RerankTrainingSets.Resolve(trainFolders, dataFolder, choice.Shipped?.Model))
        {
            if (!string.Equals(folder.Name, data.Name, StringComparison.Ordinal))
            {
                others.Add(await BeirDataset.LoadAsync(folder.FullName, cancellationToken: cancellationToken).ConfigureAwait(false));
            }
        }

        var dropped = without.SelectMany(w => w.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (dropped.FirstOrDefault(name => !RerankFeatures.Names.Contains(name, StringComparer.Ordinal)) is { } unknown)
        {
            CliHost.Status.MarkupLineInterpolated($"[red]--rerank-without: there is no feature '{unknown}' (features: {string.Join(", ", RerankFeatures.Names)}).[/]");
            return 2;
        }

        var droppedLabel = dropped.Count == 0 ? string.Empty : $", without {string.Join(',', dropped)}";
        var own = Without(await RerankTrainingSets.CollectAsync(evaluator, [data], settings.Candidates, cancellationToken).ConfigureAwait(false), dropped);
        var pool = Without(await RerankTrainingSets.CollectAsync(evaluator, others, settings.Candidates, cancellationToken).ConfigureAwait(false), dropped);
        var targets = own.Where(g => g.Folded == folded && g.Use != RerankGroupUse.TrainOnly).ToList();
        var started = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<QueryResult> results;
        string label;
        if (choice.Mode == RerankMode.Cv)
        {
            var progress = new Progress<int>(done => CliHost.Status.MarkupLineInterpolated($"[grey]fold {done}/{folds} trained[/]"));
            results = RerankerCrossValidation.KFold([.. own, .. pool], targets, folds, settings, progress);
            label = $"{choice.Label}: {folds}-fold by question over {string.Join('+', [data.Name, .. others.Select(o => o.Name)])}{droppedLabel}";
        }
        else
        {
            if (pool.Count == 0)
            {
                CliHost.Status.MarkupLine("[red]--rerank lodo needs training sets other than --dataset (--rerank-train DIR).[/]");
                return 2;
            }

            results = RerankerCrossValidation.HeldOut(pool, targets, settings);
            label = $"{choice.Label}: trained on {string.Join('+', others.Select(o => o.Name))} only{droppedLabel}";
        }

        var metrics = RetrievalMetrics.From(results);
        var firstStage = RetrievalMetrics.From(targets.Select(RerankerCrossValidation.FirstStage).ToList());
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"dataset={data.Name} documents={data.Corpus.Count} foldQueries={folded.ToString().ToLowerInvariant()} reranker=\"{label}\" trainSeconds={started.Elapsed.TotalSeconds:0.0} firstStageMRR@10={firstStage.Mrr10:0.000} firstStageR@10={firstStage.Recall10:0.000}"));
        if (json is not null)
        {
            await File.WriteAllTextAsync(json.FullName, System.Text.Json.JsonSerializer.Serialize(new
            {
                dataset = data.Name,
                foldQueries = folded,
                reranker = label,
                metrics,
                firstStage,
                queries = results.Select(r => new { r.QueryId, ranking = r.Ranking.Take(10), relevant = r.Relevant, reciprocalRank = r.ReciprocalRank(10) }),
            }, CliJson.Options), cancellationToken).ConfigureAwait(false);
        }

        if (report is not null)
        {
            await File.WriteAllTextAsync(report.FullName, EvalCommand.Report(data, metrics, folded, label, null, Environment.GetCommandLineArgs()), cancellationToken).ConfigureAwait(false);
        }

        Console.WriteLine(metrics.ToMetricsLine());
        return 0;
    }

    // A feature held at zero gives the trees nothing to split on: the same as training without it.
    private static List<RerankGroup> Without(List<RerankGroup> groups, List<string> dropped)
    {
        var columns = dropped.Select(name => RerankFeatures.Names.ToList().IndexOf(name)).ToList();
        if (columns.Count == 0)
        {
            return groups;
        }

        return groups.Select(g => g with
        {
            Features = g.Features.Select(f =>
            {
                var copy = f.ToArray();
                columns.ForEach(c => copy[c] = 0);
                return copy;
            }).ToList(),
        }).ToList();
    }
}
