using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Questions;

namespace ProcedureAssistant.Core.Tests.Answering;

/// <summary>
/// A catalogue record (no everyday names) that the reranker put far ahead of every other text speaks to a question
/// told in the asker's own words, which holds little of the record's official name.
/// </summary>
public sealed class RetrievalSureTests
{
    // Told in the asker's words: the pension record's name ("Hưởng trợ cấp hưu trí xã hội") is hardly in it.
    private const string Story = "bà nội tôi năm nay già yếu, cả đời làm rẫy không có đồng lương nào, giờ mỗi tháng có được nhận tiền gì không";

    private readonly AnsweringCorpus _corpus = new();

    [Theory]
    [InlineData(true, 1e-5, false)]
    [InlineData(true, 1e-2, true)]
    [InlineData(false, 1e-5, true)]
    public void NotInSources_ReferringAStoryQuestion_DependsOnHowSureTheRerankerIsOfACatalogueRecord(bool reranked, double runnerUp, bool referred)
    {
        var context = Context(Story, reranked, Hit("tthc-huu-tri", 1, 0.3), Hit("tthc-1.001612", runnerUp, 0.3));

        Assert.Equal(reranked && runnerUp <= AnswerContext.SureRunnerUpScore, context.RetrievalIsSureOfTheRecord);
        Assert.Equal(referred, new NotInSourcesRule().Decide(context) is ReferReply);
    }

    [Fact]
    public void OutOfScope_DoesNotDeclineAStoryQuestionTheRerankerIsSureOf()
    {
        var sure = Context(Story, reranked: true, Hit("tthc-huu-tri", 1, 0.15), Hit("tthc-1.001612", 1e-6, 0.1));
        var unsure = Context(Story, reranked: true, Hit("tthc-huu-tri", 1, 0.15), Hit("tthc-1.001612", 0.5, 0.1));

        Assert.Null(new OutOfScopeRule().Decide(sure));
        Assert.IsType<OutOfScopeReply>(new OutOfScopeRule().Decide(unsure));
    }

    [Fact]
    public void ARecordWithEverydayNames_IsNeverTakenAsSure_HoweverFarAheadTheRerankerPutsIt()
    {
        // The household-business record carries the team's everyday name ("đăng ký hộ kinh doanh cá thể").
        var context = Context("nhà tôi bán tạp hóa ở chợ, giờ phải báo xã thế nào", reranked: true, Hit("tthc-1.001612", 1, 0.3), Hit("tthc-huu-tri", 1e-6, 0.3));

        Assert.False(context.RetrievalIsSureOfTheRecord);
    }

    [Theory]
    [InlineData(1e-6, false)]
    [InlineData(0.5, true)]
    public void NotInSources_ReferringARecordWithEverydayNames_DependsOnHowSureTheRerankerIs_WhenTheQuestionHoldsPartOfAName(double runnerUp, bool referred)
    {
        // Part of "Đăng ký thành lập hộ kinh doanh", told with the asker's own shop.
        var context = Context("nhà tôi mở tiệm tạp hóa nhỏ ở chợ, giờ phải lập hộ thì sao", reranked: true, Hit("tthc-1.001612", 1, 0.3), Hit("tthc-huu-tri", runnerUp, 0.3));

        Assert.InRange(context.Choice!.NameMatch, NotInSourcesRule.SomewhatNamed, NotInSourcesRule.PartlyNamed);
        Assert.Equal(referred, new NotInSourcesRule().Decide(context) is ReferReply);
    }

    [Fact]
    public void NotInSources_RefersARecordWithEverydayNamesTheRerankerIsSureOf_WhenTheQuestionHoldsNoneOfItsNames()
    {
        var context = Context("nhà tôi bán tạp hóa ở chợ lâu rồi, giờ tính sao", reranked: true, Hit("tthc-1.001612", 1, 0.3), Hit("tthc-huu-tri", 1e-6, 0.3));

        Assert.True(context.Choice!.NameMatch < NotInSourcesRule.SomewhatNamed);
        Assert.IsType<ReferReply>(new NotInSourcesRule().Decide(context));
    }

    [Fact]
    public void NotInSources_RefersARecordTheRerankerIsSureOf_WhenTheQuestionHoldsOnlyTheActionItsTitleOpensWith()
    {
        // "đăng ký" of "Đăng ký thành lập hộ kinh doanh" names a kind of procedure, not this one.
        var context = Context("đăng ký nhận nuôi con nuôi cần giấy tờ gì", reranked: true, Hit("tthc-1.001612", 1, 0.3), Hit("tthc-huu-tri", 1e-6, 0.3));

        Assert.True(context.Choice!.NameMatch >= NotInSourcesRule.SomewhatNamed);
        Assert.False(context.RetrievalIsSureOfTheNamedRecord);
        Assert.IsType<ReferReply>(new NotInSourcesRule().Decide(context));
    }

    private ChunkHit Hit(string documentId, double score, double coverage) => _corpus.Hit(documentId, coverage) with { Score = score };

    private AnswerContext Context(string question, bool reranked, params ChunkHit[] hits)
    {
        var reading = _corpus.Reading(question);
        var choice = SourceSelector.Choose(hits, _corpus.Documents, reading, _corpus.Statistics, _corpus.Cues, AnsweringCorpus.Today);
        return new AnswerContext(reading, Persona.Citizen, hits, _corpus.Documents, choice, _corpus.Statistics, _corpus.Analyzer, QuestionCues.CreateDefault(), AnsweringCorpus.Today) { Reranked = reranked };
    }
}
