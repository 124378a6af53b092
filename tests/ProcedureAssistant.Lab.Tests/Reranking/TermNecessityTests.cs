using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Core.Text;
using ProcedureAssistant.Lab.Reranking;

namespace ProcedureAssistant.Lab.Tests.Reranking;

public sealed class TermNecessityTests
{
    [Fact]
    public void Weight_IsTheSmoothedRateOverTheOverallRate()
    {
        // 10 term occurrences, 4 in the relevant article: prior 0.4.
        var table = Table(("truy", 6, 0), ("đồng", 4, 4));

        Assert.Equal(0.4, table.Prior, 9);
        Assert.Equal((0 + (3 * 0.4)) / (6 + 3) / 0.4, table.Weight("truy"), 9);
        Assert.Equal((4 + (3 * 0.4)) / (4 + 3) / 0.4, table.Weight("đồng"), 9);
        Assert.True(table.Weight("truy") < 1 && table.Weight("đồng") > 1);
        Assert.Equal(1.0, table.Weight("never-counted"), 9);
    }

    [Fact]
    public void Learn_CountsAQuestionOnceAcrossItsForms_AndNotItsScoreOnlyForm()
    {
        var typed = Group("q1", ["kết", "hôn"], [true, false]);
        var folded = Group("q1", ["kết", "~ket"], [true, true], RerankGroupUse.TrainOnly);
        var restored = Group("q1", ["bức"], [false], RerankGroupUse.ScoreOnly);
        var other = Group("q2", ["kết"], [false]);

        var table = TermNecessity.Learn([typed, folded, restored, other]);

        Assert.Equal(new TermCount(2, 1), table.Counts["kết"]);
        Assert.Equal(new TermCount(1, 0), table.Counts["hôn"]);
        Assert.Equal(new TermCount(1, 1), table.Counts["~ket"]);
        Assert.DoesNotContain("bức", table.Counts.Keys);
    }

    [Fact]
    public void Weight_LeavingAQuestionOut_IsTheWeightOfATableLearntWithoutIt()
    {
        RerankGroup[] others = [Group("q2", ["kết", "hôn"], [false, true]), Group("q3", ["kết"], [true])];
        var mine = Group("q1", ["kết", "khai"], [true, true]);

        var all = TermNecessity.Learn([.. others, mine]);
        var without = TermNecessity.Learn(others);

        // The prior stays the whole table's, so only the left-out question's own terms move.
        Assert.NotEqual(all.Weight("kết"), all.Weight("kết", RerankerTraining.Fingerprint("q1")));
        Assert.Equal(
            ((1 + (3 * all.Prior)) / (2 + 3)) / all.Prior,
            all.Weight("kết", RerankerTraining.Fingerprint("q1")),
            9);
        Assert.Equal(1.0, all.Weight("khai", RerankerTraining.Fingerprint("q1")), 9);
        Assert.Equal(all.Weight("hôn"), all.Weight("hôn", RerankerTraining.Fingerprint("q1")), 9);
        Assert.Equal(1.0, without.Weight("khai"), 9);

        // A question the table never counted is not subtracted from it.
        Assert.Equal(without.Weight("kết"), without.Weight("kết", RerankerTraining.Fingerprint("q1")), 9);
    }

    [Fact]
    public void Weigh_MultipliesEachTermsWeight()
    {
        var table = Table(("truy", 6, 0), ("đồng", 4, 4));
        var query = new QueryTerms(new Dictionary<string, float>(StringComparer.Ordinal) { ["truy"] = 1, ["đồng"] = 0.5f, ["khác"] = 1 }, Accented: true);

        var weighed = table.Weigh(query);

        Assert.Equal((float)table.Weight("truy"), weighed.Weights["truy"], 5);
        Assert.Equal((float)(0.5 * table.Weight("đồng")), weighed.Weights["đồng"], 5);
        Assert.Equal(1f, weighed.Weights["khác"], 5);
        Assert.True(weighed.Accented);
    }

    [Fact]
    public void Constructor_HitsAboveQuestions_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Table(("x", 1, 2)));

    private static TermNecessity Table(params (string Term, int Questions, int Hits)[] counts) =>
        new(counts.ToDictionary(c => c.Term, c => new TermCount(c.Questions, c.Hits), StringComparer.Ordinal));

    private static RerankGroup Group(string question, string[] terms, bool[] inRelevant, RerankGroupUse use = RerankGroupUse.TrainAndScore) => new(
        "synthetic",
        question,
        RerankerTraining.Fingerprint(question),
        use != RerankGroupUse.TrainAndScore,
        [],
        [],
        [],
        new HashSet<string>(StringComparer.Ordinal),
        use,
        terms.Zip(inRelevant).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
}
