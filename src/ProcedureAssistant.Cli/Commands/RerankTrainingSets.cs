using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Ingestion;
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
    /// One collector for the held-out questions judged over the primary corpus alone (<paramref name="overCorpus"/>,
    /// the default deployment's) and one for those judged over it with every configured source
    /// (<paramref name="overSources"/>, the full deployment's); none for an empty list. The documents are read
    /// as ingestion reads them, so a catalogue record the corpus also holds is shadowed as in service.
    /// </summary>
    public static async Task<List<RerankGroupCollector>> OpenJudgedAsync(IServiceProvider services, FileInfo[] overCorpus, FileInfo[] overSources, CancellationToken cancellationToken)
    {
        var evaluator = services.GetRequiredService<RetrievalEvaluator>();
        var reader = services.GetRequiredService<CorpusReader>();
        var chunker = services.GetRequiredService<LegalStructureChunker>();
        var corpus = services.GetRequiredService<IOptions<CorpusOptions>>().Value;
        if (overSources.Length > 0 && corpus.Sources.Count == 0)
        {
            throw new InvalidOperationException("--judged-with-sources needs the sources its questions were judged over: add them with --source (or Corpus:Sources).");
        }

        var collectors = new List<RerankGroupCollector>();
        try
        {
            foreach (var (files, sources, name) in new[] { (overCorpus, (IReadOnlyList<CorpusSource>)[CorpusSource.Primary(corpus.Path)], "held-out"), (overSources, corpus.AllSources(), "held-out-with-sources") })
            {
                if (files.Length == 0)
                {
                    continue;
                }

                var documents = (await reader.ReadAsync(sources, [], cancellationToken).ConfigureAwait(false)).Documents;
                var questions = new List<JudgedQuestion>();
                foreach (var file in files)
                {
                    var round = $"{file.Directory?.Name}/{Path.GetFileNameWithoutExtension(file.Name)}/";
                    var loaded = await HeldOutQuestion.LoadAsync(file.FullName, cancellationToken).ConfigureAwait(false);
                    var judged = HeldOutQuestion.Judged(loaded, documents, round);
                    CliHost.Status.MarkupLineInterpolated($"[grey]{file.FullName}: {judged.Count} of {loaded.Count} questions judged (answerable, asked on their own, a source among the {documents.Count} documents)[/]");
                    questions.AddRange(judged);
                }

                CliHost.Status.MarkupLineInterpolated($"[grey]Indexing {name} ({documents.Count} documents, {questions.Count} questions)[/]");
                collectors.Add(await evaluator.OpenRerankCollectorAsync(name, documents, chunker, questions, cancellationToken).ConfigureAwait(false));
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
