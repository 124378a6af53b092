using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Evaluation;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Evaluation;

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
        var groups = await Evaluator(restore: true).CollectRerankGroupsAsync(Dataset, candidates: 3, Token);

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
        var groups = await Evaluator(restore: false).CollectRerankGroupsAsync(Dataset, candidates: 3, Token);

        Assert.Equal([(false, RerankGroupUse.TrainAndScore), (true, RerankGroupUse.TrainAndScore)], groups.Select(g => (g.Folded, g.Use)));
    }

    private static RetrievalEvaluator Evaluator(bool restore) =>
        new(Analyzer, Options.Create(new RetrievalOptions { RestoreDiacritics = restore }), TestPipeline.SparseOnly());
}
