using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Lab.Evaluation;

namespace ProcedureAssistant.Lab.Tests.Evaluation;

public sealed class QaEvaluatorTests
{
    [Theory]
    [InlineData("Thời hạn: 03 ngày làm việc.", new[] { "03 ngày làm việc" }, 1.0)]
    [InlineData("thời hạn: 03  NGÀY làm việc", new[] { "03 ngày làm việc" }, 1.0)]
    [InlineData("Ủy ban nhân dân cấp xã giải quyết trong ngày", new[] { "Uỷ ban nhân dân cấp xã", "05 ngày" }, 0.5)]
    [InlineData("không liên quan", new[] { "Giấy chứng sinh" }, 0.0)]
    public void KeyFactCoverage_ComparesNormalisedText(string answer, string[] facts, double expected) =>
        Assert.Equal(expected, QaEvaluator.KeyFactCoverage(answer, facts), 12);

    [Fact]
    public void Metrics_SeparateAnswerableFromUnanswerable()
    {
        var answerable = new QaItem { Id = "a", Question = "q", ExpectedDocuments = ["d1"], KeyFacts = ["x"] };
        var unanswerable = new QaItem { Id = "u", Question = "q", Answerable = false };
        var results = new List<QaItemResult>
        {
            new(answerable, true, new QueryResult("a", ["d2", "d1"], new HashSet<string> { "d1" }), false, 0.5, 0.5, "...", ["d2", "d1"], AnswerMode.Extractive, Answered),
            new(answerable, false, new QueryResult("a", ["d1"], new HashSet<string> { "d1" }), true, 0, null, "...", [], AnswerMode.Extractive, Refused),
            new(unanswerable, true, null, true, null, null, "...", [], AnswerMode.Extractive, Refused),
            new(unanswerable, true, null, false, null, 0, "...", ["d3"], AnswerMode.Extractive, Answered),
        };

        var metrics = QaMetrics.From(results);

        Assert.Equal(0.25, metrics.KeyFactCoverage, 12);
        Assert.Equal(0.25, metrics.CitationPrecision, 12);
        Assert.Equal(0.5, metrics.AbstentionAccuracy, 12);
        Assert.Equal(0.5, metrics.FalseAbstentionRate, 12);
        Assert.Equal(0.75, metrics.Retrieval.Mrr10, 12);
        Assert.Equal(0.5, metrics.RightSourceCited, 12);
        Assert.True(results[2].AbstentionCorrect);
        Assert.False(results[3].AbstentionCorrect);
    }

    [Fact]
    public void Right_AnswerableNeedsOnlyExpectedSourcesAndEveryKeyFact_UnanswerableNeedsARefusal()
    {
        var answerable = new QaItem { Id = "a", Question = "q", ExpectedDocuments = ["d1"], KeyFacts = ["x"] };
        var unanswerable = new QaItem { Id = "u", Question = "q", Answerable = false };

        Assert.True(Result(answerable, abstained: false, ["d1"], keyFacts: 1).Right);
        Assert.False(Result(answerable, abstained: false, ["d1", "d2"], keyFacts: 1).Right);
        Assert.False(Result(answerable, abstained: false, ["d1"], keyFacts: 0.5).Right);
        Assert.False(Result(answerable, abstained: true, [], keyFacts: 0).Right);
        Assert.True(Result(unanswerable, abstained: true, [], keyFacts: null).Right);
        Assert.False(Result(unanswerable, abstained: false, ["d1"], keyFacts: null).Right);
    }

    [Fact]
    public void CitationPrecision_IsMeasuredOnAnswers_NotOnARefusalThatCitesTheTextMarkingTheItemUnknown()
    {
        var unanswerable = new QaItem { Id = "u", Question = "q", Answerable = false };
        var answerable = new QaItem { Id = "a", Question = "q", ExpectedDocuments = ["d1"] };
        Citation[] cited = [new(1, "d1", "d1#0", "t", null, null, "p", "s", null), new(2, "d2", "d2#0", "t", null, null, "p", "s", null)];

        Assert.Null(QaEvaluator.CitationPrecision(new Answer("…", AnswerMode.Extractive, true, cited, new("declared-gap", "gap")), unanswerable));
        Assert.Equal(0, QaEvaluator.CitationPrecision(new Answer("…", AnswerMode.Extractive, false, cited, Answered), unanswerable));
        Assert.Equal(0.5, QaEvaluator.CitationPrecision(new Answer("…", AnswerMode.Extractive, false, cited, Answered), answerable));
        Assert.Null(QaEvaluator.CitationPrecision(new Answer("…", AnswerMode.Extractive, false, [], Answered), answerable));
    }

    private static readonly AnswerDecision Answered = new("answer", "answered");

    private static readonly AnswerDecision Refused = new("not-in-sources", "refused");

    private static QaItemResult Result(QaItem item, bool abstained, IReadOnlyList<string> cited, double? keyFacts) =>
        new(item, true, null, abstained, keyFacts, cited.Count == 0 ? null : cited.Count(item.ExpectedDocuments.Contains) / (double)cited.Count, "...", cited, AnswerMode.Extractive, abstained ? Refused : Answered);
}
