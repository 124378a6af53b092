using ProcedureAssistant.Core.Answering;

namespace ProcedureAssistant.Core.Tests.Answering;

public sealed class AnswerabilityTests
{
    private readonly AnsweringCorpus _corpus = new();

    [Fact]
    public void Judge_AskedFieldMarkedUnknown_IsAGapNamingTheField()
    {
        const string question = "cấp lại giấy chứng nhận đăng ký hộ kinh doanh mất bao lâu";

        var verdict = _corpus.Judge(question, _corpus.Choose(question, _corpus.Hit("tthc-cap-lai-hkd", 0.9)));

        Assert.Equal(Verdict.Gap(AskedFields.TimeLimit), verdict);
    }

    [Fact]
    public void Judge_AskedItemTheRecordDeclaresUnknown_IsAGapNamingTheItem()
    {
        const string question = "mức trợ cấp hưu trí xã hội mỗi tháng được bao nhiêu tiền";

        var verdict = _corpus.Judge(question, _corpus.Choose(question, _corpus.Hit("tthc-huu-tri", 0.8)));

        Assert.Equal(Verdict.Gap("Mức trợ cấp"), verdict);
    }

    [Fact]
    public void Judge_HowMuchIsPaidWhenTheRecordDeclaresTheAmountUnknown_IsAGapNamingTheAmount()
    {
        const string question = "hưởng trợ cấp hưu trí xã hội thì được bao nhiêu tiền 1 tháng";

        var verdict = _corpus.Judge(question, _corpus.Choose(question, _corpus.Hit("tthc-huu-tri", 0.8)));

        Assert.Equal(Verdict.Gap("Mức trợ cấp"), verdict);
    }

    [Fact]
    public void Judge_ListTheNamedDecreeOnlyCounts_IsAGapNamingTheList()
    {
        const string question = "danh sách 32 nhiệm vụ chuyển từ cấp huyện lên cấp tỉnh theo Nghị định 129/2025 gồm những việc gì";

        var verdict = _corpus.Judge(question, _corpus.Choose(question, _corpus.Hit("nd-129", 0.9)));

        Assert.Equal(Verdict.Gap("danh sách các nhiệm vụ này"), verdict);
    }

    [Fact]
    public void Judge_CountTheNamedDecreeGives_Answers()
    {
        const string question = "theo Nghị định 129/2025 có bao nhiêu nhiệm vụ chuyển từ cấp huyện lên cấp tỉnh";

        Assert.Equal(Verdict.Answer, _corpus.Judge(question, _corpus.Choose(question, _corpus.Hit("nd-129", 0.9))));
    }

    [Fact]
    public void Judge_OneOfTheItemsAGuideListsAsNotFound_IsAGap()
    {
        // The question holds few of the item's words (it lists three fees), but the item holds nearly all of the question's.
        const string question = "Nghị quyết của HĐND tỉnh Đắk Lắk về lệ phí hộ tịch là nghị quyết số mấy";

        var verdict = _corpus.Judge(question, _corpus.Choose(question, _corpus.Hit("guide-tinh", 0.9)));

        Assert.Equal(Verdict.Gap("Nghị quyết của HĐND tỉnh Đắk Lắk về lệ phí hộ tịch, đăng ký hộ kinh doanh, cấp giấy chứng nhận quyền sử dụng đất"), verdict);
    }

    [Fact]
    public void Judge_AGapHoldingTheQuestionsFewWordsButLittleElseOfThem_IsNotAsked()
    {
        // "thủ tục", the only words beyond the name, are all in the gap but a small part of it.
        const string question = "thủ tục hưởng trợ cấp hưu trí xã hội có lệ phí không";

        Assert.Equal(Verdict.Answer, _corpus.Judge(question, _corpus.Choose(question, _corpus.Hit("tthc-huu-tri", 0.9))));
    }

    [Fact]
    public void Judge_WhatTheGuideDoesSay_Answers()
    {
        const string question = "tỉnh Đắk Lắk sau sáp nhập có bao nhiêu xã phường";

        Assert.Equal(Verdict.Answer, _corpus.Judge(question, _corpus.Choose(question, _corpus.Hit("guide-tinh", 0.9))));
    }

    [Fact]
    public void Judge_KnownFieldAsked_Answers()
    {
        const string question = "hưởng trợ cấp hưu trí xã hội có mất phí không";

        Assert.Equal(Verdict.Answer, _corpus.Judge(question, _corpus.Choose(question, _corpus.Hit("tthc-huu-tri", 0.8))));
    }

    [Fact]
    public void Judge_NamedRecordAndKnownField_AnswersDespiteChattyWordsAndLowCoverage()
    {
        const string question = "ông bà đi hưởng trợ cấp hưu trí xã hội thay cho con cháu có mất phí ko mn";

        var choice = _corpus.Choose(question, _corpus.Hit("tthc-huu-tri", 0.3));

        Assert.True(choice.NameMatch >= _corpus.Options.NamedThreshold, $"name match {choice.NameMatch}");
        Assert.Equal(Verdict.Answer, _corpus.Judge(question, choice));
    }

    [Fact]
    public void Judge_FollowUpAboutSomethingTheTopicsRecordDoesNotHold_IsWeak()
    {
        const string asked = "thế còn giấy chứng nhận đăng ký kinh doanh thì sao";
        var search = "Hưởng trợ cấp hưu trí xã hội " + asked;

        var verdict = _corpus.Judge(search, _corpus.Choose(search, _corpus.Hit("tthc-huu-tri", 0.9)), isFollowUp: true, asked: asked);

        Assert.Equal(Verdict.Weak, verdict);
    }

    [Fact]
    public void Judge_WordsInCommonButNotTheTopic_IsWeak()
    {
        const string question = "đăng ký tàu thuyền đánh bắt ở cấp xã thì cơ quan nào giải quyết";
        var lenient = new AnsweringCorpus();
        lenient.Options.MinTopicMatch = 0;

        Assert.Equal(Verdict.Weak, _corpus.Judge(question, _corpus.Choose(question, _corpus.Hit("tthc-1.001612", 0.6))));
        Assert.Equal(Verdict.Answer, lenient.Judge(question, lenient.Choose(question, lenient.Hit("tthc-1.001612", 0.6))));
    }

    [Fact]
    public void Judge_FeeForAPlaceNoTextMentions_IsAGap()
    {
        const string question = "Lệ phí đăng ký thành lập hộ kinh doanh ở Nghệ An là bao nhiêu?";

        var verdict = _corpus.Judge(question, _corpus.Choose(question, _corpus.Hit("tthc-1.001612", 0.9)));

        Assert.Equal(Verdict.Gap("Lệ phí ở Nghệ An"), verdict);
    }

    [Fact]
    public void Judge_FeeWithoutAPlace_AnswersWithTheRule()
    {
        const string question = "Lệ phí đăng ký thành lập hộ kinh doanh là bao nhiêu?";

        Assert.Equal(Verdict.Answer, _corpus.Judge(question, _corpus.Choose(question, _corpus.Hit("tthc-1.001612", 0.9))));
    }

    [Fact]
    public void Judge_AlmostNothingInCommonAndNothingNamed_IsOutOfDomain()
    {
        const string question = "giá vàng hôm nay bao nhiêu một lượng";

        Assert.Equal(Verdict.OutOfDomain, _corpus.Judge(question, _corpus.Choose(question, _corpus.Hit("tthc-1.001612", 0.1))));
    }

    [Fact]
    public void Judge_WeakCoverageNothingNamed_IsWeak()
    {
        const string question = "đăng ký tàu cá cần giấy tờ gì";

        Assert.Equal(Verdict.Weak, _corpus.Judge(question, _corpus.Choose(question, _corpus.Hit("tthc-1.001612", 0.35))));
    }

    [Fact]
    public void Judge_WordsInCommonButNoTopicAndNoFieldAsked_IsOutOfDomain()
    {
        const string question = "thời tiết Hà Nội ngày mai";

        Assert.Equal(Verdict.OutOfDomain, _corpus.Judge(question, _corpus.Choose(question, _corpus.Hit("tthc-1.001612", 0.45))));
        Assert.Equal(Verdict.OutOfDomain, _corpus.Judge(question, _corpus.Choose(question, _corpus.Hit("tthc-1.001612", 0.6))));
    }

    [Fact]
    public void Judge_NoTopicButAProceduresFieldAsked_IsWeakNotOutOfDomain()
    {
        const string question = "đăng ký tàu cá cần giấy tờ gì";

        Assert.Equal(Verdict.Weak, _corpus.Judge(question, _corpus.Choose(question, _corpus.Hit("tthc-1.001612", 0.6))));
    }
}
