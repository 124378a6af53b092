using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Lab.Reranking;

namespace ProcedureAssistant.Lab.Tests.Reranking;

public sealed class RerankerCrossValidationTests
{
    private static readonly CrossValidationFolds Three = new(3);

    private static readonly RerankerTrainerSettings Small = new(Candidates: 8, Trees: 10, Leaves: 4, MinimumExamplesPerLeaf: 5);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task KFold_EachQuestion_IsRankedByTheModelTrainedWithoutItsFold(int foldSeed)
    {
        var pool = RerankerTrainerTests.SyntheticGroups(50, seed: 5);
        var targets = pool.Take(20).ToHashSet();
        var folds = new CrossValidationFolds(3, foldSeed);

        var results = await RerankerCrossValidation.KFoldAsync((_, _, _) => Task.FromResult<IReadOnlyList<RerankGroup>>(pool), targets.Contains, folds, Small, cancellationToken: Token);

        var ordered = pool.Where(targets.Contains).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var fold = folds.Of(ordered[i].Fingerprint);
            var model = RerankerTrainer.Train(pool.Where(g => folds.Of(g.Fingerprint) != fold).ToList(), Small);
            Assert.Equal(RerankerCrossValidation.Apply(new Reranker(model), ordered[i]).Ranking, results.Reranked[i].Ranking);
            Assert.Equal(ordered[i].Documents, results.FirstStage[i].Ranking);
        }
    }

    [Fact]
    public async Task KFold_EachFoldsFirstStage_IsWeightedByATableOfTheOtherFoldsOnly()
    {
        var pool = RerankerTrainerTests.SyntheticGroups(30, seed: 7, withTerms: true);
        var tables = new List<TermNecessity?>();

        await RerankerCrossValidation.KFoldAsync(
            (table, _, _) =>
            {
                tables.Add(table);
                return Task.FromResult<IReadOnlyList<RerankGroup>>(pool);
            },
            _ => true,
            Three,
            Small with { NecessityFirstStage = true },
            cancellationToken: Token);

        // One unweighted collection, then one per fold; each fold's table counts exactly the questions outside it.
        Assert.Null(tables[0]);
        for (var fold = 0; fold < 3; fold++)
        {
            var outside = pool.Count(g => Three.Of(g.Fingerprint) != fold);
            Assert.Equal(outside, tables[fold + 1]!.Counts[RerankerTrainerTests.SharedTerm].Questions);
        }
    }

    [Fact]
    public async Task KFold_PlainFirstStageWithoutAHead_CollectsOnce()
    {
        var pool = RerankerTrainerTests.SyntheticGroups(30, seed: 7, withTerms: true);
        var calls = 0;

        await RerankerCrossValidation.KFoldAsync(
            (_, _, _) =>
            {
                calls++;
                return Task.FromResult<IReadOnlyList<RerankGroup>>(pool);
            },
            _ => true,
            Three,
            Small with { Head = 0 },
            cancellationToken: Token);

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task KFold_WithAHead_GivesEachFoldsQuestionsATranslationTableLearntOutsideTheFold()
    {
        var pool = RerankerTrainerTests.SyntheticGroups(30, seed: 7, withSyllables: true);
        var choosers = new List<Func<string, TermTranslation?>?>();

        await RerankerCrossValidation.KFoldAsync(
            (_, translationOf, _) =>
            {
                choosers.Add(translationOf);
                return Task.FromResult<IReadOnlyList<RerankGroup>>(pool);
            },
            _ => true,
            Three,
            Small,
            cancellationToken: Token);

        // One plain collection, then one per fold.
        Assert.Equal(4, choosers.Count);
        Assert.Null(choosers[0]);
        for (var fold = 0; fold < 3; fold++)
        {
            for (var g = 0; g < pool.Count; g++)
            {
                var table = choosers[fold + 1]!(pool[g].Fingerprint);
                if (Three.Of(pool[g].Fingerprint) != fold)
                {
                    Assert.Null(table); // training questions need no translation: the trees do not read it
                    continue;
                }

                Assert.Empty(table!.SourcesOf($"s{g}"));
                var outside = pool.FindIndex(o => Three.Of(o.Fingerprint) != fold);
                Assert.Equal(1f, table.SourcesOf($"s{outside}")[$"w{outside}"], 3);
            }
        }
    }

    [Fact]
    public void FoldOf_IsStableAndInRange()
    {
        var five = new CrossValidationFolds(5);
        var folds = Enumerable.Range(0, 200).Select(i => five.Of(RerankerTraining.Fingerprint($"câu {i}"))).ToList();

        Assert.All(folds, f => Assert.InRange(f, 0, 4));
        Assert.Equal(5, folds.Distinct().Count());
        Assert.Equal(five.Of(RerankerTraining.Fingerprint("Kết hôn")), five.Of(RerankerTraining.Fingerprint("ket hon")));
    }

    [Fact]
    public void FoldOf_AnotherSeed_SplitsTheSameQuestionsAnotherWayAndKeepsAQuestionsFormsTogether()
    {
        var fingerprints = Enumerable.Range(0, 200).Select(i => RerankerTraining.Fingerprint($"câu {i}")).ToList();
        var usual = fingerprints.Select(new CrossValidationFolds(5).Of).ToList();
        var other = fingerprints.Select(new CrossValidationFolds(5, Seed: 3).Of).ToList();

        Assert.All(other, f => Assert.InRange(f, 0, 4));
        Assert.Equal(5, other.Distinct().Count());
        Assert.Equal(other, fingerprints.Select(new CrossValidationFolds(5, Seed: 3).Of).ToList());
        // Another split, not the same folds renumbered: many pairs of questions together in one are apart in the other.
        var pairs = Enumerable.Range(0, 200).SelectMany(i => Enumerable.Range(i + 1, 199 - i), (i, j) => (i, j)).ToList();
        var together = pairs.Where(p => usual[p.i] == usual[p.j]).ToList();
        Assert.InRange(together.Count(p => other[p.i] != other[p.j]), together.Count / 2, together.Count);
        var seeded = new CrossValidationFolds(5, Seed: 3);
        Assert.Equal(seeded.Of(RerankerTraining.Fingerprint("Kết hôn")), seeded.Of(RerankerTraining.Fingerprint("ket hon")));
    }

    [Fact]
    public async Task HeldOut_PoolOfOnlyTheTargets_HasNothingLeftToTrainOn()
    {
        var targets = RerankerTrainerTests.SyntheticGroups(10, seed: 2);

        await Assert.ThrowsAsync<ArgumentException>(() => RerankerCrossValidation.HeldOutAsync((_, _, _) => Task.FromResult<IReadOnlyList<RerankGroup>>(targets), _ => true, Small, Token));
    }

    [Fact]
    public void FirstStage_KeepsTheCandidatesOrder()
    {
        var group = RerankerTrainerTests.SyntheticGroups(1, seed: 9)[0];

        Assert.Equal(group.Documents, RerankerCrossValidation.FirstStage(group).Ranking);
    }
}
