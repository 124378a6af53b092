using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Lab.Evaluation;

namespace ProcedureAssistant.Lab.Reranking;

/// <summary>
/// Honest figures for a learned reranker: every question is scored only by a model that never saw it. Folds are
/// assigned by question fingerprint (<see cref="CrossValidationFolds"/>).
/// </summary>
public static class RerankerCrossValidation
{
    /// <summary>
    /// k-fold cross-validation grouped by question: for each fold, a model trained on the groups outside the fold
    /// ranks the targets inside it. The groups are collected again for each fold: with a
    /// <see cref="RerankerTrainerSettings.Head"/>, the targets' translation likelihoods under a
    /// <see cref="TermTranslation"/> learnt outside the fold; with <see cref="RerankerTrainerSettings.NecessityFirstStage"/>,
    /// every group's first stage weighted by a <see cref="TermNecessity"/> learnt outside the fold. No judgement of a
    /// scored question reaches its first stage, its ranking or its model.
    /// </summary>
    /// <param name="source">Collects every group (training pool and targets) under a first-stage table, or unweighted.</param>
    /// <param name="isTarget">Which groups to score, e.g. one set's questions as typed.</param>
    /// <param name="folds">How the questions are split.</param>
    /// <param name="settings">The learner's settings.</param>
    /// <param name="progress">Reports each fold as it is done.</param>
    /// <param name="cancellationToken">Stops the collection.</param>
    public static async Task<CrossValidatedRankings> KFoldAsync(
        RerankGroupSource source,
        Func<RerankGroup, bool> isTarget,
        CrossValidationFolds folds,
        RerankerTrainerSettings settings,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(isTarget);
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(settings);
        var unweighted = await source(null, null, cancellationToken).ConfigureAwait(false);
        var targets = Enumerable.Range(0, unweighted.Count).Where(i => isTarget(unweighted[i])).ToList();
        var reranked = new QueryResult[targets.Count];
        var firstStage = new QueryResult[targets.Count];
        for (var fold = 0; fold < folds.Count; fold++)
        {
            var inside = fold;
            var outside = unweighted.Where(g => folds.Of(g.Fingerprint) != inside).ToList();
            var groups = await CollectAsync(source, outside, fingerprint => folds.Of(fingerprint) == inside, settings, unweighted, cancellationToken).ConfigureAwait(false);
            var scored = Enumerable.Range(0, targets.Count).Where(t => folds.Of(groups[targets[t]].Fingerprint) == fold).ToList();
            if (scored.Count > 0)
            {
                var reranker = new Reranker(RerankerTrainer.Train(groups.Where(g => folds.Of(g.Fingerprint) != fold).ToList(), settings));
                foreach (var t in scored)
                {
                    reranked[t] = Apply(reranker, groups[targets[t]]);
                    firstStage[t] = FirstStage(groups[targets[t]]);
                }
            }

            progress?.Report(fold + 1);
        }

        return new CrossValidatedRankings(reranked, firstStage);
    }

    /// <summary>
    /// Held-out evaluation (e.g. leave one dataset out): one model, its translation table and, with
    /// <see cref="RerankerTrainerSettings.NecessityFirstStage"/>, one first-stage table, learnt from the groups that
    /// are neither targets nor the same question as one, rank the targets.
    /// </summary>
    public static async Task<CrossValidatedRankings> HeldOutAsync(
        RerankGroupSource source, Func<RerankGroup, bool> isTarget, RerankerTrainerSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(isTarget);
        ArgumentNullException.ThrowIfNull(settings);
        var unweighted = await source(null, null, cancellationToken).ConfigureAwait(false);
        var held = unweighted.Where(isTarget).Select(t => t.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var training = unweighted.Where(g => !held.Contains(g.Fingerprint)).ToList();
        var groups = await CollectAsync(source, training, held.Contains, settings, unweighted, cancellationToken).ConfigureAwait(false);
        var reranker = new Reranker(RerankerTrainer.Train(groups.Where(g => !held.Contains(g.Fingerprint)).ToList(), settings));
        var targets = groups.Where(isTarget).ToList();
        return new CrossValidatedRankings(targets.Select(t => Apply(reranker, t)).ToList(), targets.Select(FirstStage).ToList());
    }

    // The groups again when the training questions' tables change them: the first stage weighted by their necessity,
    // and the scored questions' translation likelihoods under their translation table.
    private static async Task<IReadOnlyList<RerankGroup>> CollectAsync(
        RerankGroupSource source,
        IReadOnlyList<RerankGroup> training,
        Func<string, bool> scored,
        RerankerTrainerSettings settings,
        IReadOnlyList<RerankGroup> unweighted,
        CancellationToken cancellationToken)
    {
        var necessity = settings.NecessityFirstStage ? TermNecessity.Learn(training) : null;
        var translation = settings.Head > 0 ? TermTranslation.Learn(training) : null;
        if (necessity is null && translation is null)
        {
            return unweighted;
        }

        return await source(necessity, translation is null ? null : fingerprint => scored(fingerprint) ? translation : null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The group's candidates in the model's order, as an evaluation result.</summary>
    public static QueryResult Apply(Reranker reranker, RerankGroup group)
    {
        ArgumentNullException.ThrowIfNull(reranker);
        ArgumentNullException.ThrowIfNull(group);
        var order = Reranker.Order(reranker.Score(group.Features));
        if (reranker.Model.Head > 0 && group.Translation is { } translation)
        {
            order = Reranker.Fuse(order, translation, reranker.Model.Head);
        }

        return new QueryResult(group.QueryId, order.Select(i => group.Documents[i]).ToList(), group.RelevantDocuments);
    }

    /// <summary>The group's candidates in first-stage order (the figures without a reranker).</summary>
    public static QueryResult FirstStage(RerankGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new QueryResult(group.QueryId, group.Documents, group.RelevantDocuments);
    }
}
