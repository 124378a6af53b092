using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

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
    public void NamesADocument_NeedsAPairOfANamesWordsOrTheWholeName_NotOneCommonSyllableThatWeighsHalfOfIt()
    {
        const string guide = """
            ---
            id: guide-huyen
            type: guide
            title: Việc của huyện sau sắp xếp
            aliases: ["huyện không còn"]
            source: https://example.gov.vn/huyen
            ---
            # Việc của huyện sau sắp xếp
            Huyện, quận và thị xã không còn là một cấp chính quyền.
            """;
        // "còn" alone weighs this share of the alias here (half of it in the service's corpus).
        const double Share = 0.3;
        var corpus = new AnsweringCorpus(guide);
        var story = corpus.Terms("giấy vẫn còn nguyên, chỉ là sắp hết hạn");

        Assert.True(corpus.Statistics.NameMatch("guide-huyen", story) >= Share);
        Assert.False(corpus.Statistics.NamesADocument(story, Share));
        Assert.True(corpus.Statistics.NamesADocument(corpus.Terms("huyện không còn thì sao"), Share));
        Assert.True(corpus.Statistics.NamesADocument(corpus.Terms("thế còn trợ cấp hưu trí"), Share));
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
        var terms = TopicTerms.Of(_corpus.Analyzer, "cho con đi học có cần giấy tờ gì");

        Assert.Contains("giay to", terms);
        Assert.Contains("di hoc", terms);
        Assert.DoesNotContain("cho con", terms);
    }

    [Theory]
    [InlineData("Luật Tổ chức Chính phủ số 63/2025/QH15", "63/2025/QH15", "luật tổ chức chính phủ")]
    [InlineData("Luật Tổ chức chính quyền địa phương số 65/2025/QH15 (đã bị thay thế)", "65/2025/QH15", "luật tổ chức chính quyền địa phương")]
    [InlineData("Nghị định 118/2025/NĐ-CP về thực hiện thủ tục hành chính", "118/2025/NĐ-CP", null)]
    [InlineData("Luật Tổ chức chính quyền địa phương", "72/2025/QH15", null)]
    [InlineData("Đăng ký khai sinh", null, null)]
    public void ShortName_IsTheTitleBeforeItsNumber_WhenThatIsMoreThanTheKindOfText(string title, string? number, string? expected) =>
        Assert.Equal(expected, DocumentStatistics.ShortName(title, number));

    [Theory]
    [InlineData("Nghị định 118/2025/NĐ-CP về thực hiện thủ tục hành chính", "118/2025/NĐ-CP", "nghị định 118|nđ 118")]
    [InlineData("Luật Tổ chức Chính phủ số 63/2025/QH15", "63/2025/QH15", "luật 63")]
    [InlineData("Quyết định số 1589/QĐ-TTg ban hành Kế hoạch triển khai", "1589/QĐ-TTg", "quyết định 1589|qđ 1589")]
    [InlineData("Hướng dẫn tổ chức Trung tâm Phục vụ hành chính công 118/2025/NĐ-CP", "118/2025/NĐ-CP", "")]
    [InlineData("Đăng ký khai sinh", null, "")]
    public void ShortCitations_AreTheKindOfTextWithTheFirstPartOfItsNumber_InWordsAndInitials(string title, string? number, string expected) =>
        Assert.Equal(expected, string.Join('|', DocumentStatistics.ShortCitations(title, number)));

    [Fact]
    public void TitleMatch_CountsTheTitleAndTheTitleWithoutItsNumber_NotAliases()
    {
        var statistics = _corpus.Statistics;

        Assert.Equal(1, statistics.TitleMatch("luat-63", _corpus.Terms("Luật Tổ chức Chính phủ năm 2025")), 12);
        Assert.Equal(1, statistics.NameMatch("luat-63", _corpus.Terms("Luật Tổ chức Chính phủ năm 2025")), 12);
        Assert.Equal(1, statistics.NameMatch("tthc-1.001612", _corpus.Terms("đăng ký hộ kinh doanh cá thể")), 12);
        Assert.True(statistics.TitleMatch("tthc-1.001612", _corpus.Terms("đăng ký hộ kinh doanh cá thể")) < 1);
    }
}
