using ProcedureAssistant.Core.Answering;

namespace ProcedureAssistant.Core.Tests.Answering;

public sealed class DocumentStatisticsTests
{
    private readonly AnsweringCorpus _corpus = new();

    [Fact]
    public void NameMatch_IsTheBestShareOfANamesTermsInTheQuestion()
    {
        var terms = _corpus.Terms("đăng ký hộ kinh doanh cá thể ở đâu");

        Assert.Equal(1, _corpus.Statistics.NameMatch("tthc-1.001612", terms), 12);
        Assert.InRange(_corpus.Statistics.NameMatch("tthc-huu-tri", terms), 0, 0.01);
    }

    [Fact]
    public void NameMatch_ByNumber()
    {
        var terms = _corpus.Terms("luat 65/2025 con ap dung khong");

        Assert.True(_corpus.Statistics.NameMatch("luat-65", terms) > _corpus.Statistics.NameMatch("luat-72", terms));
    }

    [Fact]
    public void Support_LeavesOutTermsNoDocumentHolds()
    {
        var withNoise = _corpus.Statistics.Support("tthc-huu-tri", _corpus.Terms("hưởng trợ cấp hưu trí xã hội ko mn"));
        var without = _corpus.Statistics.Support("tthc-huu-tri", _corpus.Terms("hưởng trợ cấp hưu trí xã hội"));

        Assert.Equal(1, without, 12);
        Assert.Equal(without, withNoise, 12);
        Assert.True(_corpus.Statistics.Support("tthc-huu-tri", _corpus.Terms("giấy chứng nhận đăng ký hộ kinh doanh")) < 0.5);
    }

    [Fact]
    public void TopicMatch_CountsATermNoDocumentHoldsAtTheHighestRarity()
    {
        var statistics = _corpus.Statistics;
        string[] terms = ["ho kinh", "tau ca"]; // "hộ kinh" is in the record, "tàu cá" in no document

        Assert.Equal(statistics.Idf("ho kinh") / (statistics.Idf("ho kinh") + statistics.Idf("tau ca")), statistics.TopicMatch("tthc-1.001612", terms), 12);
        Assert.Equal(statistics.Idf("bitcoin"), statistics.Idf("tau ca"), 12);
        Assert.Equal(1, statistics.Support("tthc-1.001612", terms), 12);
    }

    [Fact]
    public void TopicMatch_IsTheRarityWeightedShareOfTermsTheDocumentHolds()
    {
        var terms = _corpus.Terms("đăng ký hộ kinh doanh");

        Assert.Equal(1, _corpus.Statistics.TopicMatch("tthc-1.001612", terms), 12);
        Assert.InRange(_corpus.Statistics.TopicMatch("tthc-huu-tri", terms), 0, 0.1);
        Assert.Equal(1, _corpus.Statistics.TopicMatch("tthc-huu-tri", []), 12);
    }

    [Fact]
    public void Idf_UnknownTermIsTheRarest() =>
        Assert.True(_corpus.Statistics.Idf("bitcoin") > _corpus.Statistics.Idf("tro cap"));

    [Fact]
    public void FoldedQueryTerms_KeepPairsOfTopicWordsOnly()
    {
        var terms = DocumentCatalog.FoldedQueryTerms(_corpus.Analyzer, "cho con đi học có cần giấy tờ gì");

        Assert.Contains("giay to", terms);
        Assert.Contains("di hoc", terms);
        Assert.DoesNotContain("cho con", terms);
    }
}
