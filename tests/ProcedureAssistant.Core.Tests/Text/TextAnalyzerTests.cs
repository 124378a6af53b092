using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Text;

public sealed class TextAnalyzerTests
{
    private readonly TextAnalyzer _analyzer = TextAnalyzer.CreateDefault();

    [Fact]
    public void Syllables_SplitOnPunctuationAndNormalize() =>
        Assert.Equal(
            ["uỷ", "ban", "118", "2025", "nđ", "cp"],
            TextAnalyzer.Syllables("Ủy ban: 118/2025/NĐ-CP").ToArray());

    [Fact]
    public void AnalyzeDocument_EmitsAccentedAndFoldedUnigramsAndBigrams()
    {
        var bag = TextAnalyzer.AnalyzeDocument("Đăng ký khai sinh");
        Assert.Equal(4, bag.Length);
        Assert.Contains("khai sinh", bag.Frequencies.Keys);
        Assert.Contains("đăng", bag.Frequencies.Keys);
        Assert.Contains("~dang ki", bag.Frequencies.Keys); // "ký" and "kí" are one syllable, spelled with i
        Assert.Contains("~sinh", bag.Frequencies.Keys);
    }

    [Theory]
    [InlineData("thủ tục cưới vợ ở đâu", true)]
    [InlineData("thu tuc cuoi vo o dau", true)]
    [InlineData("hội nghị tổng kết cuối năm", false)]
    public void ASynonymsUnaccentedForm_MatchesOnlySyllablesTypedWithoutMarks(string question, bool expands)
    {
        var analyzer = new TextAnalyzer([], [("cưới", "đăng ký kết hôn")]);

        Assert.Equal(expands, analyzer.SynonymsIn(question).Any());
        Assert.Equal(expands, analyzer.AnalyzeQuery(question).Weights.Keys.Any(t => t.EndsWith("ket hon", StringComparison.Ordinal) || t == "kết hôn"));
    }

    [Theory]
    [InlineData("cuoi tuan nay Da Lat co mua ko")] // "cuối" typed without marks folds like "cưới"
    [InlineData("tôi định tổ chức đám cưới ngoài trời, cuối tuần có mưa không")]
    public void TheShippedSynonyms_DoNotReadAWeddingOrAWeekendAsMarriageRegistration(string question) =>
        Assert.DoesNotContain(_analyzer.SynonymsIn(question), s => s.Expansion.Contains("kết hôn", StringComparison.Ordinal));

    [Theory]
    [InlineData("em sắp cưới anh người Hàn Quốc, đăng ký ở đâu")]
    [InlineData("e sap cuoi anh nguoi han quoc, dang ky o dau")]
    public void TheShippedSynonyms_ReadSomeoneAboutToMarryAsMarriageRegistration(string question) =>
        Assert.Contains(_analyzer.SynonymsIn(question), s => s.Expansion.EndsWith("kết hôn", StringComparison.Ordinal));

    [Theory]
    [InlineData("anh trai mình lấy vợ người Hàn thì đăng ký ở đâu", true)]
    [InlineData("anh trai minh lay vo nguoi han thi dang ky o dau", true)]
    [InlineData("chồng em là người Nhật", true)]
    [InlineData("tối nay Việt Nam đá với Thái Lan mấy giờ", false)]
    public void TheShippedSynonyms_ReadAPersonOfAnotherCountryAsAForeigner_NotAMatchAgainstOne(string question, bool foreigner) =>
        Assert.Equal(foreigner, _analyzer.SynonymsIn(question).Any(s => s.Expansion.EndsWith("nước ngoài", StringComparison.Ordinal)));

    [Theory]
    [InlineData("xin lại bằng lái có phải chụp hình không", "chụp ảnh")]
    [InlineData("hồ sơ nộp kèm mấy tấm hình", "ảnh")]
    [InlineData("làm hộ chiếu có phải lăn tay không", "vân tay")]
    [InlineData("nộp hồ sơ qua mạng được không", "trực tuyến")]
    [InlineData("xin giay xac nhan tren mang duoc ko", "trực tuyến")]
    [InlineData("cháu đánh rơi giấy phép lái xe", "bị mất")]
    public void TheShippedSynonyms_ReadEverydayWordsForAPhotoFingerprintsTheInternetAndALoss_AsTheRecordsWriteThem(string question, string expansion) =>
        Assert.Contains(_analyzer.SynonymsIn(question), s => s.Expansion == expansion);

    [Theory]
    [InlineData("tình hình mạng lưới y tế cơ sở")]
    [InlineData("hình thức nộp hồ sơ")]
    public void TheShippedSynonyms_DoNotReadAWordThatOnlySharesASyllable(string question) =>
        Assert.DoesNotContain(_analyzer.SynonymsIn(question), s => s.Expansion is "ảnh" or "trực tuyến" or "chụp ảnh");

    [Fact]
    public void AnalyzeQuery_WithoutDiacritics_UsesFoldedTermsOnly()
    {
        var query = _analyzer.AnalyzeQuery("dang ky khai sinh");
        Assert.False(query.Accented);
        Assert.All(query.Weights.Keys, term => Assert.StartsWith(TextAnalyzer.FoldedPrefix, term, StringComparison.Ordinal));
        Assert.Contains("~khai sinh", query.Weights.Keys);
    }

    [Fact]
    public void AnalyzeQuery_Restored_MatchesTheRestoredSyllablesWithTheFoldedOnesAsBackUp()
    {
        var analyzer = TextAnalyzer.CreateDefault(new QueryWeighting { RestoredFoldedWeight = 0.4 });

        var query = analyzer.AnalyzeQuery("dang ky ket hon", ["đăng", "kí", "kết", "hôn"]);

        Assert.False(query.Accented); // the question was typed without diacritics
        Assert.Equal(1f, query.Weights["đăng kí"]);
        Assert.Equal(1f, query.Weights["kết hôn"]);
        Assert.Equal(0.4f, query.Weights["~dang ki"]);
        Assert.Equal(0.4f, query.Weights["~hon"]);
        Assert.Equal(14, query.Weights.Count); // 4 syllables and 3 pairs, accented and folded
    }

    [Fact]
    public void AnalyzeQuery_SyllableLeftUnrestored_KeepsItsFoldedTermsAtFullWeight()
    {
        var analyzer = TextAnalyzer.CreateDefault(new QueryWeighting { RestoredFoldedWeight = 0.4 });

        var query = analyzer.AnalyzeQuery("dang ky ket hon", [null, "kí", "kết", "hôn"]);

        Assert.DoesNotContain(query.Weights.Keys, term => term.StartsWith('đ') || term.StartsWith('d'));
        Assert.Equal(1f, query.Weights["~dang"]);
        Assert.Equal(1f, query.Weights["~dang ki"]); // a pair weighs as its heavier syllable
        Assert.Equal(0.4f, query.Weights["~ki"]);
        Assert.Equal(1f, query.Weights["kí kết"]);
    }

    [Fact]
    public void AnalyzeQuery_Restored_IsIgnoredForAQuestionWithDiacritics() =>
        Assert.Equal(
            _analyzer.AnalyzeQuery("đăng ký kết hôn").Weights,
            _analyzer.AnalyzeQuery("đăng ký kết hôn", ["đang", "kí", "kết", "hôn"]).Weights);

    [Fact]
    public void AnalyzeQuery_RestoredOfAnotherLength_Throws() =>
        Assert.Throws<ArgumentException>(() => _analyzer.AnalyzeQuery("dang ky ket hon", ["đăng", "kí"]));

    [Fact]
    public void AnalyzeQuery_QuestionWords_AreDropped()
    {
        var query = _analyzer.AnalyzeQuery("thủ tục kết hôn như thế nào");
        Assert.DoesNotContain("như", query.Weights.Keys);
        Assert.DoesNotContain("nào", query.Weights.Keys);
        Assert.DoesNotContain("thế nào", query.Weights.Keys);
        Assert.Contains("kết hôn", query.Weights.Keys);
    }

    [Fact]
    public void AnalyzeQuery_OnlyQuestionWords_IsEmpty() =>
        Assert.True(_analyzer.AnalyzeQuery("như thế nào ạ?").IsEmpty);

    [Fact]
    public void AnalyzeQuery_EverydayWord_AddsTheTextsWording()
    {
        var query = _analyzer.AnalyzeQuery("xin cấp sổ đỏ lần đầu");
        Assert.Contains("chứng nhận", query.Weights.Keys);
        Assert.True(query.Weights["chứng nhận"] < query.Weights["sổ đỏ"], "expansions weigh less than the question's own words");
    }

    [Fact]
    public void UnaccentedQuestion_FindsAccentedText()
    {
        var index = new Bm25Index(
            [TextAnalyzer.AnalyzeDocument("Đăng ký kết hôn tại Ủy ban nhân dân cấp xã"), TextAnalyzer.AnalyzeDocument("Đăng ký khai sinh cho trẻ em")],
            Bm25Parameters.Default);

        var hits = index.Search(_analyzer.AnalyzeQuery("dang ky khai sinh"), 2);

        Assert.Equal(1, hits[0].Document);
        Assert.True(hits[0].Score > hits[1].Score);
    }
}
