using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Text;

public sealed class TopicTermsTests
{
    private static readonly TextAnalyzer Analyzer = new(["cho", "hỏi"], [("photo công chứng", "chứng thực bản sao")]);

    [Fact]
    public void Of_AnEverydayPhraseWithASynonym_IsATopicInTheCorpusWords()
    {
        var topic = TopicTerms.Of(Analyzer, "photo công chứng bằng tốt nghiệp");

        Assert.Contains("chung thuc", topic);
        Assert.Contains("ban sao", topic);
        Assert.DoesNotContain("photo", topic);
        Assert.DoesNotContain("cong chung", topic);
        Assert.Contains("chung", topic); // a word of both the phrase and its meaning stays
        Assert.Contains("tot nghiep", topic); // words outside the phrase stay
    }

    [Fact]
    public void Of_NoEverydayPhrase_KeepsTheQuestionsOwnWords()
    {
        var topic = TopicTerms.Of(Analyzer, "công chứng hợp đồng");

        Assert.Contains("cong chung", topic);
        Assert.DoesNotContain("chung thuc", topic);
    }

    [Theory]
    [InlineData("nhà nước bỏ vốn xây, hồ sơ nộp ở đâu", "xay ho", false)]
    [InlineData("nhà nước bỏ vốn xây. Hồ sơ nộp ở đâu", "xay ho", false)]
    [InlineData("nhà nước bỏ vốn xây hồ chứa nước", "xay ho", true)]
    [InlineData("xây, rồi xây hồ chứa nước", "xay ho", true)] // the pair is also written within a clause
    [InlineData("thủ tục 1.000894 mất mấy ngày", "1 000894", true)] // a code's dot is not a full stop
    public void Of_TwoWordsOnEitherSideOfAClauseBreak_AreNotAPhrase(string question, string pair, bool isTopic)
    {
        var topic = TopicTerms.Of(Analyzer, question);

        Assert.Equal(isTopic, topic.Contains(pair));
    }
}
