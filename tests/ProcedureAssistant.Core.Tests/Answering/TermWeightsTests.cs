using ProcedureAssistant.Core.Answering;

namespace ProcedureAssistant.Core.Tests.Answering;

public sealed class TermWeightsTests
{
    private readonly AnsweringCorpus _corpus = new();

    [Fact]
    public void WordsOfTheAskersStoryThatTheDocumentDoesNotHold_DoNotRaiseTheBarForItsLines()
    {
        // "hộ kinh doanh" is held by other documents (so weighed), never by the pension record.
        var plain = Weights("má tôi 76 tuổi chưa có lương hưu, có được hưởng trợ cấp hưu trí xã hội không", "tthc-huu-tri");
        var story = Weights("má tôi 76 tuổi, cả đời làm hộ kinh doanh, chưa có lương hưu, có được hưởng trợ cấp hưu trí xã hội không", "tthc-huu-tri");

        Assert.True(story.Total > plain.Total);
        Assert.Equal(plain.RelatedLineThreshold, story.RelatedLineThreshold, 9);
        Assert.True(story.Score("Từ đủ 75 tuổi trở lên, không hưởng lương hưu.") >= story.RelatedLineThreshold);
    }

    [Fact]
    public void AQuestionWithOnlyCommonWordsBeyondTheDocumentsName_HasNoLineOutsideTheAskedItems()
    {
        // Beyond the record's name, "ở cấp xã" holds only words that many documents hold.
        var weights = Weights("hưởng trợ cấp hưu trí xã hội ở cấp xã", "tthc-huu-tri");

        Assert.True(weights.Total > 0);
        Assert.True(double.IsPositiveInfinity(weights.RelatedLineThreshold));
        Assert.True(Weights("hưởng trợ cấp hưu trí xã hội khi không có lương hưu", "tthc-huu-tri").RelatedLineThreshold < double.PositiveInfinity);
    }

    private TermWeights Weights(string question, string documentId) =>
        new(_corpus.Analyzer, _corpus.Terms(question), _corpus.Documents[documentId], _corpus.Statistics);
}
