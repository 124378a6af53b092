using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Lab.Evaluation;
using ProcedureAssistant.Lab.Reranking;
using Spectre.Console;

namespace ProcedureAssistant.Cli.Commands;

/// <summary>Loads the benchmark sets a reranker trains on and collects their candidate groups.</summary>
internal static class RerankTrainingSets
{
    /// <summary>
    /// The folders given, or else the sets the shipped model was trained on, looked for beside <paramref name="sibling"/>
    /// (the benchmarks folder); a recorded set that is not there is reported and left out.
    /// </summary>
    public static IReadOnlyList<DirectoryInfo> Resolve(DirectoryInfo[]? given, DirectoryInfo sibling, RerankerModel? shipped)
    {
        if (given is { Length: > 0 })
        {
            return given;
        }

        var parent = sibling.Parent ?? sibling;
        var found = new List<DirectoryInfo>();
        foreach (var set in shipped?.Training.Datasets ?? [])
        {
            var folder = new DirectoryInfo(Path.Combine(parent.FullName, set.Name));
            if (folder.Exists)
            {
                found.Add(folder);
            }
            else
            {
                CliHost.Status.MarkupLineInterpolated($"[yellow]Training set {set.Name} of the shipped reranker is not in {parent.FullName}; left out.[/]");
            }
        }

        return found;
    }

    /// <summary>Indexes each set for collecting its candidate groups, in the order given.</summary>
    public static async Task<List<RerankGroupCollector>> OpenAsync(RetrievalEvaluator evaluator, IEnumerable<BeirDataset> sets, CancellationToken cancellationToken)
    {
        var collectors = new List<RerankGroupCollector>();
        try
        {
            foreach (var set in sets)
            {
                CliHost.Status.MarkupLineInterpolated($"[grey]Indexing {set.Name} ({set.Corpus.Count} documents, {set.Queries.Count} questions)[/]");
                collectors.Add(await evaluator.OpenRerankCollectorAsync(set, cancellationToken).ConfigureAwait(false));
            }

            return collectors;
        }
        catch
        {
            collectors.ForEach(c => c.Dispose());
            throw;
        }
    }

    /// <summary>
    /// Every judged question's groups (as typed and folded) of each set, set by set in the collectors' order, with
    /// the first stage weighted by the table given, or unweighted, and translation likelihoods where a table is given.
    /// </summary>
    public static RerankGroupSource Source(IReadOnlyList<RerankGroupCollector> collectors, int candidates) => async (firstStage, translationOf, cancellationToken) =>
    {
        var groups = new List<RerankGroup>();
        foreach (var collector in collectors)
        {
            CliHost.Status.MarkupLineInterpolated($"[grey]Collecting {candidates} candidates per question of {collector.Dataset} ({collector.Questions} questions, first stage {(firstStage is null ? "unweighted" : "weighted by term necessity")})[/]");
            groups.AddRange(await collector.CollectAsync(candidates, firstStage, translationOf, cancellationToken).ConfigureAwait(false));
        }

        return groups;
    };
}
