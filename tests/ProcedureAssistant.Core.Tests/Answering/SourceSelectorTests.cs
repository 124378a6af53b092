using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Core.Tests.Answering;

public sealed class SourceSelectorTests
{
    private readonly AnsweringCorpus _corpus = new();

    [Fact]
    public void Choose_QuestionNamesALaterRecordCoveringItAsWell_TakesItOverTheFirstHit()
    {
        var choice = _corpus.Choose("đăng ký hộ kinh doanh cá thể mất mấy ngày", _corpus.Hit("tthc-cap-lai-hkd", 1), _corpus.Hit("tthc-1.001612", 1));

        Assert.Equal("tthc-1.001612", choice.Document.Id);
        Assert.Equal(SelectionReason.TieBrokenByName, choice.Because);
        Assert.Empty(choice.Others);
        Assert.Equal(["tthc-1.001612", "tthc-cap-lai-hkd"], choice.Context.Select(h => h.Chunk.DocumentId));
    }

    [Theory]
    [InlineData(1.0, "tthc-1.001612")]
    [InlineData(0.95, "tthc-cap-lai-hkd")]
    [InlineData(0.7, "tthc-cap-lai-hkd")]
    public void Choose_ABetterNamedRecord_TakesOverOnlyWhenItsPassageCoversTheQuestionAsWell(double coverage, string chosen)
    {
        var choice = _corpus.Choose("đăng ký hộ kinh doanh cá thể mất mấy ngày", _corpus.Hit("tthc-cap-lai-hkd", 1), _corpus.Hit("tthc-1.001612", coverage));

        Assert.Equal(chosen, choice.Document.Id);
    }

    [Theory]
    [InlineData("tthc-cap-lai-hkd")]
    [InlineData("tthc-1.001612")]
    public void Choose_AFollowUpThatKeepsTheTopic_StaysWithTheDocumentJustAnswered_WhereverRetrievalRanksIt(string answered)
    {
        var reading = _corpus.Reading("mất mấy ngày") with { IsFollowUp = true, FollowsDocument = answered };
        ChunkHit[] hits = [_corpus.Hit("luat-72", 0.9), _corpus.Hit("tthc-1.001612", 0.8), _corpus.Hit("tthc-cap-lai-hkd", 0.8)];

        var choice = SourceSelector.Choose(hits, _corpus.Documents, reading, _corpus.Statistics, _corpus.Cues, AnsweringCorpus.Today)!;

        Assert.Equal(answered, choice.Document.Id);
        Assert.Equal(SelectionReason.FollowsPreviousAnswer, choice.Because);
    }

    [Theory]
    [InlineData("nd-129", "còn tổ chức chính phủ thì sao", "luat-63", SelectionReason.FollowUpNamesANeighbour)]
    [InlineData("luat-72", "còn tổ chức thì sao", "luat-72", SelectionReason.FollowsPreviousAnswer)]
    [InlineData("tthc-1.001612", "còn lĩnh vực nội vụ thì sao", "tthc-1.001612", SelectionReason.FollowsPreviousAnswer)]
    public void Choose_AFollowUp_GoesToATextOfTheSameKindWhoseTitleHoldsClearlyMoreOfItsOwnWords_ThePreviousAnswerBreakingTies(
        string answered, string followUp, string chosen, SelectionReason because)
    {
        var reading = _corpus.Reading(followUp) with { IsFollowUp = true, FollowsDocument = answered };
        ChunkHit[] hits = [_corpus.Hit(answered, 0.8), _corpus.Hit("nd-129", 0.6), _corpus.Hit("luat-63", 0.6), _corpus.Hit("luat-72", 0.6)];

        var choice = SourceSelector.Choose(hits, _corpus.Documents, reading, _corpus.Statistics, _corpus.Cues, AnsweringCorpus.Today)!;

        Assert.Equal(chosen, choice.Document.Id);
        Assert.Equal(because, choice.Because);
    }

    [Theory]
    [InlineData("tthc-1.001612", 0.8, "tthc-cap-lai-hkd", 0.8, "tthc-cap-lai-hkd")]
    [InlineData("tthc-cap-lai-hkd", 0.8, "tthc-1.001612", 0.8, "tthc-cap-lai-hkd")]
    [InlineData("tthc-1.001612", 0.8, "tthc-cap-lai-hkd", 0.7, "tthc-1.001612")]
    public void Choose_AQuestionHoldingAChange_IsAnsweredByTheRecordWhoseTitleHoldsIt_WhenItsPassageCoversTheQuestionAsWell(
        string first, double firstCoverage, string second, double secondCoverage, string chosen)
    {
        const string question = "mất giấy đăng ký hộ kinh doanh cá thể, xin cấp lại mất mấy ngày";

        var choice = _corpus.Choose(question, _corpus.Hit(first, firstCoverage), _corpus.Hit(second, secondCoverage));

        Assert.Equal(chosen, choice.Document.Id);
        Assert.Equal(chosen == first ? SelectionReason.RetrievedFirst : SelectionReason.NamesItsChange, choice.Because);
    }

    [Theory]
    [InlineData(false, false, "tthc-x-gia-han")]
    [InlineData(true, false, "tthc-x-gia-han")]
    [InlineData(false, true, "tthc-x-cap-moi")]
    [InlineData(true, true, "tthc-x-cap-moi")]
    public void Choose_ABetterNamedRecordCoveringALittleLess_TakesOverOnlyWhenItHasNoAliases(bool firstHasAliases, bool betterNamedHasAliases, string chosen)
    {
        var corpus = FishingLicences(("tthc-x-cap-moi", firstHasAliases), ("tthc-x-gia-han", betterNamedHasAliases));

        var choice = corpus.Choose("xin gia hạn giấy phép khai thác thủy sản mất mấy ngày", corpus.Hit("tthc-x-cap-moi", 1), corpus.Hit("tthc-x-gia-han", 0.85));

        Assert.Equal(chosen, choice.Document.Id);
        Assert.Equal(betterNamedHasAliases ? SelectionReason.RetrievedFirst : SelectionReason.NamedBetter, choice.Because);
    }

    [Theory]
    [InlineData(false, false, "tthc-x-cap-moi")]
    [InlineData(true, true, "tthc-x-cap-moi")]
    [InlineData(true, false, "tthc-x-cap-moi")]
    [InlineData(false, true, "tthc-x-gia-han")]
    public void Choose_TheTieBrokenByName_NeverGoesFromARecordWithoutAliasesToOneWithThem(bool firstHasAliases, bool otherHasAliases, string chosen)
    {
        var corpus = FishingLicences(("tthc-x-gia-han", firstHasAliases), ("tthc-x-cap-moi", otherHasAliases));

        var choice = corpus.Choose("cấp giấy phép khai thác thủy sản mất mấy ngày", corpus.Hit("tthc-x-gia-han", 1), corpus.Hit("tthc-x-cap-moi", 1));

        Assert.Equal(chosen, choice.Document.Id);
        // A record without aliases named better is taken as such (NamedBetter) before the tie is looked at.
        Assert.Equal(chosen == "tthc-x-gia-han" ? SelectionReason.RetrievedFirst : otherHasAliases ? SelectionReason.TieBrokenByName : SelectionReason.NamedBetter, choice.Because);
    }

    [Fact]
    public void Choose_NothingNamedBetter_KeepsRetrievalOrder()
    {
        var choice = _corpus.Choose("giấy chứng nhận hộ kinh doanh bị hỏng thì làm gì", _corpus.Hit("tthc-cap-lai-hkd", 0.9), _corpus.Hit("tthc-1.001612", 0.5));

        Assert.Equal("tthc-cap-lai-hkd", choice.Document.Id);
        Assert.Equal(SelectionReason.RetrievedFirst, choice.Because);
        Assert.Equal(0.9, choice.Coverage);
    }

    [Fact]
    public void Choose_QuestionAsksARecordsField_TheNamedRecordTakesOverFromADecree()
    {
        const string question = "theo Luật Tổ chức chính quyền địa phương 72/2025/QH15 thì đăng ký hộ kinh doanh mất mấy ngày";

        var choice = _corpus.Choose(question, _corpus.Hit("luat-72", 0.9), _corpus.Hit("tthc-1.001612", 0.6));

        Assert.Equal("tthc-1.001612", choice.Document.Id);
        Assert.Equal(SelectionReason.RecordOwnsTheField, choice.Because);
        Assert.Equal("luat-72", _corpus.Choose("theo Luật Tổ chức chính quyền địa phương 72/2025/QH15 thì đăng ký hộ kinh doanh ở xã có gì mới", _corpus.Hit("luat-72", 0.9), _corpus.Hit("tthc-1.001612", 0.6)).Document.Id);
    }

    [Theory]
    [InlineData("theo Luật Tổ chức chính quyền địa phương 72/2025/QH15 thì đăng ký hộ kinh doanh do cơ quan nào giải quyết")]
    [InlineData("Luật Tổ chức chính quyền địa phương 72/2025/QH15 quy định đăng ký hộ kinh doanh ở điều nào")]
    public void Choose_QuestionAsksWhoDecidesOrOnWhatBasis_StaysWithTheDecree(string question)
    {
        var choice = _corpus.Choose(question, _corpus.Hit("luat-72", 0.9), _corpus.Hit("tthc-1.001612", 0.6));

        Assert.Equal("luat-72", choice.Document.Id);
        Assert.Equal(SelectionReason.RetrievedFirst, choice.Because);
    }

    [Theory]
    [InlineData("guide-tinh", "tthc-huu-tri")]
    [InlineData("tthc-1.001612", "tthc-1.001612")]
    public void Choose_ARecordTheQuestionNamesInFull_TakesOverFromAnUnnamedTextButNotFromAnUnnamedRecord(string first, string chosen)
    {
        // The record retrieved first for the question's other words is about them ("mở tiệm tạp hóa"); a guide is not.
        const string question = "mẹ tôi đang hưởng trợ cấp hưu trí xã hội, giờ mở tiệm tạp hóa ở Đắk Lắk thì mất mấy ngày";

        var choice = _corpus.Choose(question, _corpus.Hit(first, 1), _corpus.Hit("tthc-huu-tri", 0.6));

        Assert.Equal(chosen, choice.Document.Id);
        Assert.Equal(chosen == first ? SelectionReason.RetrievedFirst : SelectionReason.TitleNamedInFull, choice.Because);
    }

    [Fact]
    public void Choose_QuestionAsksWhoDecides_TheNamedRecordTakesOverFromAGuide()
    {
        const string question = "ở tỉnh Đắk Lắk sau sáp nhập, đăng ký hộ kinh doanh do cơ quan nào giải quyết";

        var choice = _corpus.Choose(question, _corpus.Hit("guide-tinh", 0.9), _corpus.Hit("tthc-1.001612", 0.6));

        Assert.Equal("tthc-1.001612", choice.Document.Id);
        Assert.Equal(SelectionReason.RecordOwnsTheField, choice.Because);
    }

    [Theory]
    [InlineData("nd 129 chuyển bao nhiêu nhiệm vụ lên tỉnh vậy", "nd-129")]
    [InlineData("Nghị định 129 chuyển bao nhiêu nhiệm vụ lên tỉnh", "nd-129")]
    [InlineData("Luật 65 với NĐ 129 nói gì về nhiệm vụ chuyển lên tỉnh", "guide-tinh")]
    [InlineData("các nghị định chuyển bao nhiêu nhiệm vụ lên tỉnh", "guide-tinh")]
    public void Choose_AGuideRetrievedFirst_GivesWayToTheOneRegulationTheQuestionCitesByKindAndNumber(string question, string chosen)
    {
        var choice = _corpus.Choose(question, _corpus.Hit("guide-tinh", 0.9), _corpus.Hit("nd-129", 0.5));

        Assert.Equal(chosen, choice.Document.Id);
        Assert.Equal(chosen == "nd-129" ? SelectionReason.CitedByNumber : SelectionReason.RetrievedFirst, choice.Because);
    }

    [Fact]
    public void Choose_ARegulationRetrievedFirst_KeepsItsPlace_ThoughTheQuestionCitesAnother()
    {
        // "kế hoạch triển khai Luật 72" is about the plan, which cites the law it carries out.
        var choice = _corpus.Choose("Luật 72 giao tỉnh bao nhiêu nhiệm vụ theo nghị định phân định nội vụ", _corpus.Hit("nd-129", 0.9), _corpus.Hit("luat-72", 0.8));

        Assert.Equal("nd-129", choice.Document.Id);
    }

    [Fact]
    public void Choose_SupersededFirstHit_GivesWayToTheTextInForce()
    {
        var choice = _corpus.Choose("chính quyền địa phương tổ chức ở mấy cấp", _corpus.Hit("luat-65", 0.8), _corpus.Hit("luat-72", 0.8));

        Assert.Equal("luat-72", choice.Document.Id);
        Assert.Equal(SelectionReason.ReplacesSuperseded, choice.Because);
    }

    [Fact]
    public void Choose_QuestionNamesTheSupersededText_KeepsIt()
    {
        var choice = _corpus.Choose("Luật 65/2025/QH15 còn áp dụng không", _corpus.Hit("luat-65", 0.8), _corpus.Hit("luat-72", 0.8));

        Assert.Equal("luat-65", choice.Document.Id);
    }

    [Fact]
    public void Choose_QuestionComparesTextsByNumber_CitesBoth()
    {
        var choice = _corpus.Choose("Luật 65/2025/QH15 và Luật 72/2025/QH15 khác nhau thế nào", _corpus.Hit("luat-72", 0.8), _corpus.Hit("luat-65", 0.8));

        Assert.Equal("luat-72", choice.Document.Id);
        Assert.Equal("luat-65", Assert.Single(choice.Others).Chunk.DocumentId);
    }

    [Fact]
    public void Choose_TextNamedBesideAProcedure_IsNotCited()
    {
        var choice = _corpus.Choose("đăng ký thành lập hộ kinh doanh theo Luật 72/2025/QH15 ở đâu", _corpus.Hit("tthc-1.001612", 0.9), _corpus.Hit("luat-72", 0.6));

        Assert.Equal("tthc-1.001612", choice.Document.Id);
        Assert.Empty(choice.Others);
    }

    [Theory]
    [InlineData(0.8, "luat-63")]
    [InlineData(0.5, "luat-72")]
    public void Choose_ARegulationWhoseTitleTheQuestionHoldsInFull_TakesOverFromANearEqualFirstHit(double coverage, string chosen)
    {
        var choice = _corpus.Choose("Luật Tổ chức Chính phủ có số hiệu là gì", _corpus.Hit("luat-72", 0.8), _corpus.Hit("luat-63", coverage));

        Assert.Equal(chosen, choice.Document.Id);
        Assert.Equal(chosen == "luat-63" ? SelectionReason.TitleNamedInFull : SelectionReason.RetrievedFirst, choice.Because);
    }

    [Theory]
    [InlineData(0.9, "tthc-cap-lai-hkd")]
    [InlineData(0.89, "tthc-1.001612")]
    public void Choose_SiblingRecordsCoveringTheQuestionEqually_TheBetterNamedAndSupportedOneWins(double coverage, string chosen)
    {
        // The re-issue record is named a little better (0.566 against 0.535, both support 1): only a tie in coverage
        // lets it take over.
        var choice = _corpus.Choose("đăng ký hộ kinh doanh ở xã nào", _corpus.Hit("tthc-1.001612", 0.9), _corpus.Hit("tthc-cap-lai-hkd", coverage));

        Assert.Equal(chosen, choice.Document.Id);
    }

    [Fact]
    public void Choose_ARecordWhoseTextHoldsMoreOfTheStory_DoesNotTakeOverFromOneNamedBetter()
    {
        // The expert's record lists the criminal-record certificate among its papers and holds the asker's "công ty"
        // and "xin việc" too: its passage covers more of the question, but the question names the other record. Both
        // have an alias (their own title), as the corpus' records do: the named-better move is not theirs.
        static string Record(string id, string title, string papers) =>
            $"---\nid: {id}\ntype: procedure\ntitle: {title}\naliases: [\"{title.ToLowerInvariant()}\"]\nsource: https://example.gov.vn/{id}\n---\n# {title}\n\n## Thành phần hồ sơ\n- {papers}\n";
        var corpus = new AnsweringCorpus(
            Record("tthc-x-phieu", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam", "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp."),
            Record("tthc-x-giam-dinh", "Bổ nhiệm giám định viên tư pháp", "Phiếu lý lịch tư pháp; giấy xác nhận của công ty nơi người được bổ nhiệm làm việc, nộp khi xin việc nếu bị bắt buộc."));

        var choice = corpus.Choose("công ty bắt nộp phiếu lý lịch tư pháp để xin việc, làm ở đâu", corpus.Hit("tthc-x-phieu", 0.5), corpus.Hit("tthc-x-giam-dinh", 0.6));

        Assert.Equal(SelectionReason.RetrievedFirst, choice.Because);
        Assert.Equal("tthc-x-phieu", choice.Document.Id);
    }

    [Fact]
    public void Choose_ANameTheSupersededTextSharesWithItsSuccessor_DoesNotKeepTheOldOne()
    {
        // Both laws go by "Luật Tổ chức chính quyền địa phương", which the question holds in full.
        var choice = _corpus.Choose("Luật Tổ chức chính quyền địa phương quy định mấy cấp", _corpus.Hit("luat-65", 0.8), _corpus.Hit("luat-72", 0.8));

        Assert.Equal("luat-72", choice.Document.Id);
    }

    [Theory]
    [InlineData("kết hôn với người nước ngoài thì đăng ký mất mấy ngày", "tthc-ket-hon-nn")]
    [InlineData("đăng ký kết hôn xong thì đăng ký thường trú cho vợ mất mấy ngày", "tthc-ket-hon")]
    public void Choose_ARecordWhoseTitleIsTheFirstOnesWithMoreWords_TakesOverWhenTheQuestionHoldsThem_ACombinedOneDoesNot(string question, string chosen)
    {
        var corpus = new AnsweringCorpus(Record("tthc-ket-hon", "Đăng ký kết hôn"), Record("tthc-ket-hon-nn", "Đăng ký kết hôn có yếu tố nước ngoài"),
            Record("tthc-lien-thong", "Liên thông thủ tục hành chính: đăng ký kết hôn, đăng ký thường trú"));

        var choice = corpus.Choose(question, corpus.Hit("tthc-ket-hon", 0.8), corpus.Hit("tthc-lien-thong", 0.8), corpus.Hit("tthc-ket-hon-nn", 0.8));

        Assert.Equal(chosen, choice.Document.Id);
        Assert.Equal(chosen == "tthc-ket-hon-nn" ? SelectionReason.NarrowsTheTitle : SelectionReason.RetrievedFirst, choice.Because);
    }

    [Theory]
    [InlineData("đăng ký kết hôn và đăng ký thường trú cho vợ làm cùng lúc thì mất mấy ngày", "tthc-lien-thong")]
    [InlineData("đăng ký kết hôn thì mất mấy ngày", "tthc-ket-hon")]
    public void Choose_ALinkedProcedureRetrievedFirst_KeepsItWhenTheQuestionAsksBeyondTheProcedureItListsThatItNames(string question, string chosen)
    {
        var corpus = new AnsweringCorpus(Record("tthc-ket-hon", "Đăng ký kết hôn"),
            Record("tthc-lien-thong", "Liên thông thủ tục hành chính: đăng ký kết hôn, đăng ký thường trú"));

        var choice = corpus.Choose(question, corpus.Hit("tthc-lien-thong", 0.8), corpus.Hit("tthc-ket-hon", 0.8));

        Assert.Equal(chosen, choice.Document.Id);
    }

    private static string Record(string id, string title) => $"""
        ---
        id: {id}
        type: procedure
        title: "{title}"
        source: https://example.gov.vn/{id}
        ---
        # {title}
        ## Thời hạn giải quyết
        - 05 ngày làm việc.
        """;

    // Two sibling records, issuing and extending a fishing licence, each with or without an alias (the corpus' records
    // have aliases the team wrote, the catalogue's have none).
    private static AnsweringCorpus FishingLicences(params (string Id, bool WithAlias)[] records)
    {
        static string Record(string id, bool withAlias)
        {
            var title = id == "tthc-x-cap-moi" ? "Cấp giấy phép khai thác thủy sản" : "Gia hạn giấy phép khai thác thủy sản";
            return $"---\nid: {id}\ntype: procedure\ntitle: {title}\n{(withAlias ? "aliases: [\"giấy phép cho tàu\"]\n" : string.Empty)}source: https://example.gov.vn/{id}\n---\n# {title}\n\n## Thời hạn giải quyết\n- 05 ngày làm việc.\n";
        }

        return new AnsweringCorpus([.. records.Select(r => Record(r.Id, r.WithAlias))]);
    }
}
