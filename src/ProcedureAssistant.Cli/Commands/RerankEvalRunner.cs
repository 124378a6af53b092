using System.Globalization;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Lab.Evaluation;
using ProcedureAssistant.Lab.Reranking;
using Spectre.Console;

namespace ProcedureAssistant.Cli.Commands;

/// <summary>
/// <c>eval --dataset DIR --rerank cv|lodo</c>: the reranker's figures on questions no model it is scored by has
/// seen. cv: k-fold cross-validation grouped by question over DIR and the training sets pooled (as the shipped
/// model is trained), each of DIR's questions ranked by the fold model that left it out. lodo: one model trained on
/// the training sets other than DIR ranks all of DIR. No search latency is measured here (see the benchmarks). With
/// several splits of cv, the sets are indexed once and each split gets its line, then their mean ± standard deviation.
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
        bool necessityFirstStage,
        IReadOnlyList<CrossValidationFolds> splits,
        bool folded,
        FileInfo? json,
        FileInfo? report,
        CancellationToken cancellationToken)
    {
        var dropped = without.SelectMany(w => w.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (dropped.FirstOrDefault(name => !RerankFeatures.Names.Contains(name, StringComparer.Ordinal)) is { } unknown)
        {
            CliHost.Status.MarkupLineInterpolated($"[red]--rerank-without: there is no feature '{unknown}' (features: {string.Join(", ", RerankFeatures.Names)}).[/]");
            return 2;
        }

        var settings = new RerankerTrainerSettings { NecessityFirstStage = necessityFirstStage, HeldAtZero = dropped };
        var others = new List<BeirDataset>();
        foreach (var folder in RerankTrainingSets.Resolve(trainFolders, dataFolder, choice.Shipped?.Model))
        {
            if (!string.Equals(folder.Name, data.Name, StringComparison.Ordinal))
            {
                others.Add(await BeirDataset.LoadAsync(folder.FullName, cancellationToken: cancellationToken).ConfigureAwait(false));
            }
        }

        if (choice.Mode != RerankMode.Cv && others.Count == 0)
        {
            CliHost.Status.MarkupLine("[red]--rerank lodo needs training sets other than --dataset (--rerank-train DIR).[/]");
            return 2;
        }

        var droppedLabel = (dropped.Count == 0 ? string.Empty : $", without {string.Join(',', dropped)}") + (necessityFirstStage ? ", first stage weighted by term necessity" : string.Empty);
        var collectors = await RerankTrainingSets.OpenAsync(evaluator, [data, .. others], cancellationToken).ConfigureAwait(false);
        var source = RerankTrainingSets.Source(collectors, settings.Candidates);
        bool IsTarget(RerankGroup g) => string.Equals(g.Dataset, data.Name, StringComparison.Ordinal) && g.Folded == folded && g.Use != RerankGroupUse.TrainOnly;
        var runs = new List<(CrossValidationFolds? Folds, CrossValidatedRankings Rankings, string Label, TimeSpan Elapsed)>();
        try
        {
            IReadOnlyList<CrossValidationFolds?> plan = choice.Mode == RerankMode.Cv ? [.. splits] : [null];
            foreach (var folds in plan)
            {
                var started = System.Diagnostics.Stopwatch.StartNew();
                if (folds is not null)
                {
                    var progress = new Progress<int>(done => CliHost.Status.MarkupLineInterpolated($"[grey]fold {done}/{folds.Count} trained[/]"));
                    var rankings = await RerankerCrossValidation.KFoldAsync(source, IsTarget, folds, settings, progress, cancellationToken).ConfigureAwait(false);
                    runs.Add((folds, rankings, $"{choice.Label}: {folds.Count}-fold{(folds.Seed == 0 ? string.Empty : $" (fold seed {folds.Seed})")} by question over {string.Join('+', [data.Name, .. others.Select(o => o.Name)])}{droppedLabel}", started.Elapsed));
                }
                else
                {
                    var rankings = await RerankerCrossValidation.HeldOutAsync(source, IsTarget, settings, cancellationToken).ConfigureAwait(false);
                    runs.Add((null, rankings, $"{choice.Label}: trained on {string.Join('+', others.Select(o => o.Name))} only{droppedLabel}", started.Elapsed));
                }
            }
        }
        finally
        {
            collectors.ForEach(c => c.Dispose());
        }

        foreach (var run in runs)
        {
            var stage = RetrievalMetrics.From(run.Rankings.FirstStage);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"dataset={data.Name} documents={data.Corpus.Count} foldQueries={folded.ToString().ToLowerInvariant()} reranker=\"{run.Label}\" trainSeconds={run.Elapsed.TotalSeconds:0.0} firstStageMRR@10={stage.Mrr10:0.000} firstStageR@10={stage.Recall10:0.000}"));
            if (runs.Count > 1)
            {
                Console.WriteLine(RetrievalMetrics.From(run.Rankings.Reranked).ToMetricsLine());
            }
        }

        if (runs.Count > 1)
        {
            var each = runs.Select(r => RetrievalMetrics.From(r.Rankings.Reranked)).ToList();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"splits={runs.Count} (fold seeds {string.Join(',', runs.Select(r => r.Folds!.Seed))}) MRR@10={each.Average(m => m.Mrr10):0.000}±{StandardDeviation(each.Select(m => m.Mrr10)):0.000} R@10={each.Average(m => m.Recall10):0.000}±{StandardDeviation(each.Select(m => m.Recall10)):0.000}"));
            return 0;
        }

        var (_, only, label, _) = runs[0];
        var results = only.Reranked;
        var metrics = RetrievalMetrics.From(results);
        var firstStage = RetrievalMetrics.From(only.FirstStage);
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

    // The sample standard deviation (n − 1).
    private static double StandardDeviation(IEnumerable<double> values)
    {
        var all = values.ToList();
        var mean = all.Average();
        return Math.Sqrt(all.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, all.Count - 1));
    }
}
