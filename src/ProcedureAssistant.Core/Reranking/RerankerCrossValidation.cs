using System.Globalization;
using ProcedureAssistant.Core.Evaluation;

namespace ProcedureAssistant.Core.Reranking;

/// <summary>
/// Honest figures for a learned reranker: every question is scored only by a model that never saw it. Folds are
/// assigned by question fingerprint, so a question's groups (as typed and without diacritics, or the same question in
/// two sets) always fall in the same fold.
/// </summary>
public static class RerankerCrossValidation
{
    /// <summary>The fold (0 to <paramref name="folds"/> − 1) of a question, from its fingerprint.</summary>
    public static int FoldOf(string fingerprint, int folds)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        return (int)(ulong.Parse(fingerprint.AsSpan(0, 15), NumberStyles.HexNumber, CultureInfo.InvariantCulture) % (ulong)folds);
    }

    /// <summary>
    /// k-fold cross-validation grouped by question: for each fold, a model trained on the <paramref name="pool"/>'s
    /// groups outside the fold ranks the <paramref name="targets"/> inside it.
    /// </summary>
    /// <param name="pool">Training groups (the targets' own set and any others).</param>
    /// <param name="targets">The groups to score, e.g. one set's questions as typed.</param>
    /// <param name="folds">Number of folds.</param>
    /// <param name="settings">The learner's settings.</param>
    /// <param name="progress">Reports each fold as it is done.</param>
    public static IReadOnlyList<QueryResult> KFold(
        IReadOnlyList<RerankGroup> pool, IReadOnlyList<RerankGroup> targets, int folds, RerankerTrainerSettings settings, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(targets);
        var results = new QueryResult[targets.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var training = pool.Where(g => FoldOf(g.Fingerprint, folds) != fold).ToList();
            var scored = Enumerable.Range(0, targets.Count).Where(i => FoldOf(targets[i].Fingerprint, folds) == fold).ToList();
            if (scored.Count > 0)
            {
                var model = RerankerTrainer.Train(training, settings);
                foreach (var i in scored)
                {
                    results[i] = Apply(model, targets[i]);
                }
            }

            progress?.Report(fold + 1);
        }

        return results;
    }

    /// <summary>
    /// Held-out evaluation (e.g. leave one dataset out): one model trained on the <paramref name="pool"/> less every
    /// question the targets hold ranks the targets.
    /// </summary>
    public static IReadOnlyList<QueryResult> HeldOut(IReadOnlyList<RerankGroup> pool, IReadOnlyList<RerankGroup> targets, RerankerTrainerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(targets);
        var held = targets.Select(t => t.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var model = RerankerTrainer.Train(pool.Where(g => !held.Contains(g.Fingerprint)).ToList(), settings);
        return targets.Select(t => Apply(model, t)).ToList();
    }

    /// <summary>The group's candidates in the model's order, as an evaluation result.</summary>
    public static QueryResult Apply(RerankerModel model, RerankGroup group)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(group);
        var order = Reranker.Order(new Reranker(model).Score(group.Features));
        return new QueryResult(group.QueryId, order.Select(i => group.Documents[i]).ToList(), group.RelevantDocuments);
    }

    /// <summary>The group's candidates in first-stage order (the figures without a reranker).</summary>
    public static QueryResult FirstStage(RerankGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new QueryResult(group.QueryId, group.Documents, group.RelevantDocuments);
    }
}
