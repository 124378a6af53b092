using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;
using ProcedureAssistant.Lab.Evaluation;
using ProcedureAssistant.Lab.Reranking;

namespace ProcedureAssistant.Lab.Tests.Evaluation;

public sealed class RerankGroupCollectionTests
{
    private static readonly TextAnalyzer Analyzer = TextAnalyzer.CreateDefault();

    private static readonly BeirDataset Dataset = new(
        "tiny",
        [
            new BeirDocument("a1", "Luật A", "Công dân đăng ký kết hôn tại Ủy ban nhân dân cấp xã nơi cư trú của một trong hai bên."),
            new BeirDocument("a2", "Luật A", "Người yêu cầu đăng ký khai sinh nộp tờ khai và giấy chứng sinh."),
            new BeirDocument("a3", "Luật A", "Việc đăng ký thường trú do cơ quan đăng ký cư trú thực hiện."),
        ],
        [new BeirQuery("q1", "Đăng ký kết hôn ở đâu?")],
        new Dictionary<string, IReadOnlySet<string>> { ["q1"] = new HashSet<string>(["a1"], StringComparer.Ordinal) });

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Collect_RestorationOn_LearnsTheUnrestoredFoldedFormAndScoresTheRestoredOne()
    {
        using var collector = await Evaluator(restore: true).OpenRerankCollectorAsync(Dataset, Token);
        var groups = await collector.CollectAsync(candidates: 3, firstStage: null, cancellationToken: Token);

        Assert.Equal(
            [(false, RerankGroupUse.TrainAndScore), (true, RerankGroupUse.TrainOnly), (true, RerankGroupUse.ScoreOnly)],
            groups.Select(g => (g.Folded, g.Use)));

        // The restored form is matched on accented terms, the unrestored one on folded terms only: their
        // features differ although both find the same article first.
        Assert.NotEqual(groups[1].Features[0], groups[2].Features[0]);
        Assert.All(groups, g => Assert.Equal("a1", g.Documents[0]));
    }

    [Fact]
    public async Task Collect_RestorationOff_LearnsAndScoresTheFoldedForm()
    {
        using var collector = await Evaluator(restore: false).OpenRerankCollectorAsync(Dataset, Token);
        var groups = await collector.CollectAsync(candidates: 3, firstStage: null, cancellationToken: Token);

        Assert.Equal([(false, RerankGroupUse.TrainAndScore), (true, RerankGroupUse.TrainAndScore)], groups.Select(g => (g.Folded, g.Use)));
    }

    [Fact]
    public async Task Collect_MarksTheQuestionTermsTheRelevantArticleHolds()
    {
        using var collector = await Evaluator(restore: false).OpenRerankCollectorAsync(Dataset, Token);
        var typed = (await collector.CollectAsync(candidates: 3, firstStage: null, cancellationToken: Token))[0];

        var marked = typed.QuestionTerms!;
        Assert.True(marked["kết hôn"]);
        Assert.True(marked["đăng"]);
        Assert.True(marked["~ket"]);
        Assert.DoesNotContain("đâu", marked.Keys);
    }

    [Fact]
    public async Task Collect_WithATableThatCountedOnlyThisQuestion_LeavesItsFirstStageAsItWas()
    {
        using var collector = await Evaluator(restore: false).OpenRerankCollectorAsync(Dataset, Token);
        var unweighted = await collector.CollectAsync(candidates: 3, firstStage: null, cancellationToken: Token);

        // Its own counts are left out, so every term is back at the weight of a term never counted.
        var weighted = await collector.CollectAsync(candidates: 3, TermNecessity.Learn(unweighted), cancellationToken: Token);

        Assert.Equal(unweighted.Select(g => g.Features), weighted.Select(g => g.Features), new FeaturesComparer());
    }

    [Fact]
    public async Task Collect_WithATableOfOtherQuestions_WeighsTheFirstStage()
    {
        using var collector = await Evaluator(restore: false).OpenRerankCollectorAsync(Dataset, Token);
        var unweighted = await collector.CollectAsync(candidates: 3, firstStage: null, cancellationToken: Token);

        // "đăng" was in three other questions whose answers never held it, "kết" in three whose answers all did.
        var table = new TermNecessity(new Dictionary<string, TermCount>(StringComparer.Ordinal) { ["đăng"] = new(3, 0), ["kết"] = new(3, 3) });
        var weighted = await collector.CollectAsync(candidates: 3, table, cancellationToken: Token);

        // The features are computed from the weighed question; what is learnt from it is the question as asked.
        Assert.NotEqual(unweighted[0].Features[0], weighted[0].Features[0]);
        Assert.Equal(unweighted[0].QuestionTerms, weighted[0].QuestionTerms);
        Assert.True(table.Weight("đăng") < 1);
    }

    [Fact]
    public async Task Collect_TranslationLikelihoods_OnlyForTheQuestionsGivenATable()
    {
        using var collector = await Evaluator(restore: false).OpenRerankCollectorAsync(Dataset, Token);
        var plain = await collector.CollectAsync(candidates: 3, firstStage: null, cancellationToken: Token);
        var table = new TermTranslation(new Dictionary<string, IReadOnlyDictionary<string, float>>(StringComparer.Ordinal)
        {
            ["kết"] = new Dictionary<string, float>(StringComparer.Ordinal) { ["khai"] = 0.5f },
        });

        var translated = await collector.CollectAsync(candidates: 3, firstStage: null, _ => table, Token);
        var withNone = await collector.CollectAsync(candidates: 3, firstStage: null, _ => null, Token);

        // What translation learns from: the relevant article's accented syllables, not another article's.
        Assert.Contains("hôn", plain[0].RelevantSyllables!);
        Assert.DoesNotContain("khai", plain[0].RelevantSyllables!);
        Assert.All(plain.Concat(withNone), g => Assert.Null(g.Translation));
        Assert.Equal(translated[0].Documents.Count, translated[0].Translation!.Count);
        Assert.Equal(plain.Select(g => g.Features), translated.Select(g => g.Features), new FeaturesComparer());
    }

    private static RetrievalEvaluator Evaluator(bool restore) =>
        new(Analyzer, Options.Create(new RetrievalOptions { RestoreDiacritics = restore }), TestPipeline.SparseOnly());

    private sealed class FeaturesComparer : IEqualityComparer<IReadOnlyList<float[]>>
    {
        public bool Equals(IReadOnlyList<float[]>? x, IReadOnlyList<float[]>? y) =>
            x!.Count == y!.Count && x.Zip(y).All(p => p.First.Zip(p.Second).All(v => Math.Abs(v.First - v.Second) < 1e-5));

        public int GetHashCode(IReadOnlyList<float[]> obj) => obj.Count;
    }
}
