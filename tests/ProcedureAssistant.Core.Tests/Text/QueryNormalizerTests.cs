using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Text;

public sealed class QueryNormalizerTests
{
    private static readonly SyllableVocabulary Vocabulary = new(
    [
        "Đăng ký khai sinh cho trẻ em mới sinh.",
        "Hồ sơ đăng ký khai sinh gồm tờ khai và giấy chứng sinh.",
        "Đăng ký khai tử.",
    ]);

    private readonly QueryNormalizer _default = QueryNormalizer.CreateDefault();

    [Theory]
    [InlineData("đk hộ kinh doanh mất bn ngày vậy mn", "đăng ký hộ kinh doanh mất bao nhiêu ngày vậy mọi người")]
    [InlineData("cho e hỏi nộp onl đc ko", "cho em hỏi nộp trực tuyến được không")]
    [InlineData("Ko biết làm j", "Không biết làm gì")]
    public void Normalize_Shorthand_IsWrittenOut(string typed, string meant) =>
        Assert.Equal(meant, _default.Normalize(typed, vocabulary: null));

    [Fact]
    public void Normalize_UnaccentedQuestion_StaysUnaccented() =>
        Assert.Equal("lam giay phep ban ruou mat bao lau vay", _default.Normalize("lam giay phep ban ruou mat bao lau z", vocabulary: null));

    [Theory]
    [InlineData("áp dụng điểm k khoản 2 Điều 5")]
    [InlineData("lệ phí 50 k một bản")]
    public void Normalize_LetterOfAPointOrUnit_IsKept(string question) =>
        Assert.Equal(question, _default.Normalize(question, vocabulary: null));

    [Theory]
    [InlineData("khai sin cho con ở đâu", "khai sinh cho con ở đâu")]
    [InlineData("Khai sin ở đâu?", "Khai sinh ở đâu?")]
    [InlineData("dăng ký khai sinh", "đăng ký khai sinh")]
    [InlineData("dang ky khai sin", "dang ky khai sinh")]
    public void Normalize_SyllableTheCorpusDoesNotUse_IsCorrectedTowardsTheNeighboursPhrase(string typed, string meant) =>
        Assert.Equal(meant, _default.Normalize(typed, Vocabulary));

    [Theory]
    [InlineData("đi Khai Sin")] // a capitalised word after the first is a name
    [InlineData("hộ chiếu khai sinh")] // "hộ" and "chiếu" are unknown, but nothing beside them calls for a correction
    public void Normalize_NoClearCorrection_KeepsTheWord(string question) =>
        Assert.Equal(question, _default.Normalize(question, Vocabulary));

    [Fact]
    public void Normalize_TwoCandidatesAsLikely_KeepsTheWord()
    {
        var vocabulary = new SyllableVocabulary(["khai sinh", "khai xin"]);
        var normalizer = new QueryNormalizer([], new QueryNormalization { MinPairCount = 1 });

        Assert.Equal("khai sin", normalizer.Normalize("khai sin", vocabulary));
        Assert.Equal("khai sinh", new QueryNormalizer([], new QueryNormalization { MinPairCount = 1, Dominance = 1 }).Normalize("khai sin", vocabulary));
    }

    [Fact]
    public void Normalize_TooFewPairs_KeepsTheWord() =>
        Assert.Equal("khai sin", new QueryNormalizer([], new QueryNormalization { MinPairCount = 3 }).Normalize("khai sin", Vocabulary));

    [Fact]
    public void Normalize_Disabled_ChangesNothing()
    {
        var normalizer = new QueryNormalizer([("ko", "không")], new QueryNormalization { ExpandShorthand = false, CorrectSpelling = false });

        Assert.Equal("khai sin ko", normalizer.Normalize("khai sin ko", Vocabulary));
    }

    [Fact]
    public void Constructor_ShorthandOfTwoTokens_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new QueryNormalizer([("mọi ng", "mọi người")]));
}
