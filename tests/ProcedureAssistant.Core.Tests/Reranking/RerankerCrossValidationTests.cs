using ProcedureAssistant.Core.Reranking;

namespace ProcedureAssistant.Core.Tests.Reranking;

public sealed class RerankerCrossValidationTests
{
    private static readonly RerankerTrainerSettings Small = new(Candidates: 8, Trees: 10, Leaves: 4, MinimumExamplesPerLeaf: 5);

    [Fact]
    public void KFold_EachQuestion_IsRankedByTheModelTrainedWithoutItsFold()
    {
        var pool = RerankerTrainerTests.SyntheticGroups(50, seed: 5);
        var targets = pool.Take(20).ToList();

        var results = RerankerCrossValidation.KFold(pool, targets, folds: 3, Small);

        for (var i = 0; i < targets.Count; i++)
        {
            var fold = RerankerCrossValidation.FoldOf(targets[i].Fingerprint, 3);
            var model = RerankerTrainer.Train(pool.Where(g => RerankerCrossValidation.FoldOf(g.Fingerprint, 3) != fold).ToList(), Small);
            Assert.Equal(RerankerCrossValidation.Apply(model, targets[i]).Ranking, results[i].Ranking);
        }
    }

    [Fact]
    public void FoldOf_IsStableAndInRange()
    {
        var folds = Enumerable.Range(0, 200).Select(i => RerankerCrossValidation.FoldOf(RerankerTraining.Fingerprint($"câu {i}"), 5)).ToList();

        Assert.All(folds, f => Assert.InRange(f, 0, 4));
        Assert.Equal(5, folds.Distinct().Count());
        Assert.Equal(RerankerCrossValidation.FoldOf(RerankerTraining.Fingerprint("Kết hôn"), 5), RerankerCrossValidation.FoldOf(RerankerTraining.Fingerprint("ket hon"), 5));
    }

    [Fact]
    public void HeldOut_PoolOfOnlyTheTargets_HasNothingLeftToTrainOn()
    {
        var targets = RerankerTrainerTests.SyntheticGroups(10, seed: 2);

        Assert.Throws<ArgumentException>(() => RerankerCrossValidation.HeldOut(targets, targets, Small));
    }

    [Fact]
    public void FirstStage_KeepsTheCandidatesOrder()
    {
        var group = RerankerTrainerTests.SyntheticGroups(1, seed: 9)[0];

        Assert.Equal(group.Documents, RerankerCrossValidation.FirstStage(group).Ranking);
    }
}
