using Microsoft.ML;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Lab.Reranking;

namespace ProcedureAssistant.Lab.Tests.Reranking;

public sealed class RerankerTrainerTests
{
    private static readonly RerankerTrainerSettings Small = new(Candidates: 8, Trees: 20, Leaves: 8, MinimumExamplesPerLeaf: 5);

    [Fact]
    public void Train_CopiedTrees_ScoreExactlyAsMlNetDoes()
    {
        var groups = SyntheticGroups(60, seed: 7);
        var (model, transformer, context) = RerankerTrainer.TrainWithMlNet(groups, Small);

        var data = context.Data.LoadFromEnumerable(RerankerTrainer.Rows(groups), RerankerTrainer.Schema(groups.Count));
        var expected = context.Data.CreateEnumerable<ScoredRow>(transformer.Transform(data), reuseRowObject: false).Select(r => r.Score).ToList();
        var actual = groups.SelectMany(g => g.Features).Select(f => (float)model.Score(f)).ToList();

        Assert.Equal(20, model.Trees.Count);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected, actual, (x, y) => Math.Abs(x - y) <= 1e-5f * Math.Max(1, Math.Abs(x)));
        Assert.True(expected.Distinct().Count() > 10, "the trees should separate the candidates");
    }

    [Fact]
    public void Train_Twice_WritesTheSameBytes()
    {
        var groups = SyntheticGroups(40, seed: 11);

        var first = RerankerTrainer.Train(groups, Small).ToBytes();
        var second = RerankerTrainer.Train(groups, Small).ToBytes();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Train_RecordsTheTrainingQuestions()
    {
        var groups = SyntheticGroups(30, seed: 3);

        var model = RerankerTrainer.Train(groups, Small);

        Assert.Equal(RerankFeatures.Version, model.FeatureSet);
        Assert.Equal(8, model.Candidates);
        Assert.Equal([new RerankerDataset("synthetic", 30)], model.Training.Datasets);
        Assert.Equal(groups.Select(g => g.Fingerprint).Distinct().Order(StringComparer.Ordinal), model.Training.Questions);
    }

    [Fact]
    public void Train_ScoreOnlyGroups_AreNotLearntFrom()
    {
        var groups = SyntheticGroups(40, seed: 5);

        // The same questions again, for scoring only, judged the other way round: were they learnt from, the model
        // would change.
        var scoreOnly = groups.Select(g => g with { Relevant = g.Relevant.Select(r => !r).ToList(), Use = RerankGroupUse.ScoreOnly });
        var withScoreOnly = RerankerTrainer.Train([.. groups, .. scoreOnly], Small).ToBytes();
        var trainOnly = RerankerTrainer.Train([.. groups, .. groups.Take(10).Select(g => g with { Use = RerankGroupUse.TrainOnly })], Small).ToBytes();

        Assert.Equal(RerankerTrainer.Train(groups, Small).ToBytes(), withScoreOnly);
        Assert.NotEqual(withScoreOnly, trainOnly);
    }

    [Fact]
    public void Train_NoGroupWithARelevantCandidate_Throws()
    {
        var groups = SyntheticGroups(5, seed: 1).Select(g => g with { Relevant = g.Relevant.Select(_ => false).ToList() }).ToList();

        Assert.Throws<ArgumentException>(() => RerankerTrainer.Train(groups, Small));
    }

    /// <summary>The one term every synthetic question with terms holds.</summary>
    internal const string SharedTerm = "kết hôn";

    /// <summary>
    /// Groups of eight candidates with random features; the relevant one has the largest feature 3 (plus noise),
    /// which LambdaRank can learn.
    /// </summary>
    /// <param name="count">How many groups.</param>
    /// <param name="seed">Seed of the features.</param>
    /// <param name="withTerms">Whether each question holds <see cref="SharedTerm"/> (relevant in even questions).</param>
    /// <param name="withSyllables">Whether question g asks syllable "s{g}" of a relevant article holding "w{g}".</param>
    internal static List<RerankGroup> SyntheticGroups(int count, int seed, bool withTerms = false, bool withSyllables = false)
    {
        var random = new Random(seed);
        var groups = new List<RerankGroup>();
        for (var g = 0; g < count; g++)
        {
            var features = Enumerable.Range(0, 8).Select(_ => Enumerable.Range(0, RerankFeatures.Count).Select(_ => (float)random.NextDouble()).ToArray()).ToList();
            var best = Enumerable.Range(0, 8).MaxBy(i => features[i][3] + (0.3 * random.NextDouble()));
            var documents = Enumerable.Range(0, 8).Select(i => $"d{g}-{i}").ToList();
            groups.Add(new RerankGroup(
                "synthetic",
                $"q{g}",
                RerankerTraining.Fingerprint($"câu hỏi số {g}"),
                false,
                documents,
                features,
                Enumerable.Range(0, 8).Select(i => i == best).ToList(),
                new HashSet<string>([documents[best]], StringComparer.Ordinal),
                QuestionTerms: withTerms ? new Dictionary<string, bool>(StringComparer.Ordinal) { [SharedTerm] = g % 2 == 0 }
                    : withSyllables ? new Dictionary<string, bool>(StringComparer.Ordinal) { [$"s{g}"] = false } : null,
                RelevantSyllables: withSyllables ? new HashSet<string>([$"w{g}"], StringComparer.Ordinal) : null));
        }

        return groups;
    }

    private sealed class ScoredRow
    {
        public float Score { get; set; }
    }
}
