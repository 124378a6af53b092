using ProcedureAssistant.Core.Evaluation;
using ProcedureAssistant.Core.Reranking;
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

    /// <summary>Every judged question's groups (as typed and folded) of each set, set by set in the order given.</summary>
    public static async Task<List<RerankGroup>> CollectAsync(RetrievalEvaluator evaluator, IEnumerable<BeirDataset> sets, int candidates, CancellationToken cancellationToken)
    {
        var groups = new List<RerankGroup>();
        foreach (var set in sets)
        {
            CliHost.Status.MarkupLineInterpolated($"[grey]Collecting {candidates} candidates per question of {set.Name} ({set.Queries.Count} questions)[/]");
            groups.AddRange(await evaluator.CollectRerankGroupsAsync(set, candidates, cancellationToken).ConfigureAwait(false));
        }

        return groups;
    }
}
