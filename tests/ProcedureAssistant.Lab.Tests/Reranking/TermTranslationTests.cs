using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Lab.Reranking;

namespace ProcedureAssistant.Lab.Tests.Reranking;

public sealed class TermTranslationTests
{
    [Fact]
    public void Learn_ASyllableOnlyOneQuestionWordMeets_TranslatesItMoreThanOneShared()
    {
        // "tham" is always asked of articles holding "chiếm" and "đoạt"; "cướp" of articles holding "chiếm" and
        // "giật". "đoạt" explains "tham" alone, while "chiếm" is shared between the two.
        var groups = Questions(3, "tham", ["chiếm", "đoạt"]).Concat(Questions(3, "cướp", ["chiếm", "giật"]));

        var table = TermTranslation.Learn(groups);

        var tham = table.SourcesOf("tham");
        Assert.True(tham["đoạt"] > tham["chiếm"], $"t(tham | đoạt) = {tham["đoạt"]}, t(tham | chiếm) = {tham["chiếm"]}");
        Assert.DoesNotContain("giật", tham.Keys);
        Assert.InRange(table.SourcesOf("cướp")["chiếm"] + tham["chiếm"], 0.9, 1.0001);
    }

    [Fact]
    public void Learn_TakesAccentedSingleSyllablesOnly_AndNotScoreOnlyGroups()
    {
        var asked = new Dictionary<string, bool>(StringComparer.Ordinal) { ["tham"] = true, ["~tham"] = true, ["tham ô"] = false };
        var learnt = Group("a", asked, ["tham"]);
        var scoreOnly = Group("b", new Dictionary<string, bool>(StringComparer.Ordinal) { ["bức"] = false }, ["tử"]) with { Use = RerankGroupUse.ScoreOnly };

        var table = TermTranslation.Learn([learnt, scoreOnly]);

        Assert.Equal(["tham"], table.Sources.Keys);
        Assert.Empty(table.SourcesOf("bức"));
    }

    [Fact]
    public void Learn_Twice_GivesTheSameTable()
    {
        var groups = Questions(4, "tham", ["chiếm", "đoạt", "tài"]).Concat(Questions(2, "cướp", ["chiếm", "giật"])).ToList();

        Assert.Equal(TermTranslation.Learn(groups).Sources, TermTranslation.Learn(groups).Sources);
    }

    [Fact]
    public void New_AProbabilityAboveOne_IsRefused()
    {
        var bad = new Dictionary<string, IReadOnlyDictionary<string, float>>(StringComparer.Ordinal)
        {
            ["tham"] = new Dictionary<string, float>(StringComparer.Ordinal) { ["đoạt"] = 1.5f },
        };

        var error = Assert.Throws<ArgumentException>(() => new TermTranslation(bad));

        Assert.Contains("'tham'", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<RerankGroup> Questions(int count, string asked, string[] relevant) =>
        Enumerable.Range(0, count).Select(i => Group(
            $"{asked} {i}", new Dictionary<string, bool>(StringComparer.Ordinal) { [asked] = false }, [.. relevant, $"riêng{asked}{i}"]));

    private static RerankGroup Group(string question, Dictionary<string, bool> asked, string[] relevant) => new(
        "synthetic",
        question,
        RerankerTraining.Fingerprint(question),
        false,
        ["d"],
        [new float[RerankFeatures.Count]],
        [true],
        new HashSet<string>(["d"], StringComparer.Ordinal),
        QuestionTerms: asked,
        RelevantSyllables: new HashSet<string>(relevant, StringComparer.Ordinal));
}
