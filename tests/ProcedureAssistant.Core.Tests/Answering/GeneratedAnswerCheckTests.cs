using ProcedureAssistant.Core.Answering;

namespace ProcedureAssistant.Core.Tests.Answering;

public sealed class GeneratedAnswerCheckTests
{
    [Fact]
    public void AnAnswerThatAnswersFirstAndCitesItsSources_Passes_WithMarkersOfSourcesItWasNotGivenRemoved()
    {
        var (text, cited, problem) = GeneratedAnswerCheck.Check("Đăng ký khai sinh được miễn lệ phí [1][7].\n- Nộp tại Trung tâm Phục vụ hành chính công cấp xã [2].", 2);

        Assert.Null(problem);
        Assert.Equal([1, 2], cited);
        Assert.DoesNotContain("[7]", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Đăng ký khai sinh được miễn lệ phí.", "no citation")]
    [InlineData("Đăng ký khai sinh được miễn lệ phí [3].", "no citation")]
    [InlineData("- Miễn lệ phí [1].\n- Nộp tại xã [1].", "no first sentence")]
    [InlineData("## Lệ phí\nMiễn lệ phí [1].", "no first sentence")]
    [InlineData("1. Chuẩn bị hồ sơ [1].\n2. Nộp hồ sơ [1].", "no first sentence")]
    public void AnAnswerWithoutAFirstSentenceOrAValidCitation_IsRejected(string generated, string problem)
    {
        Assert.StartsWith(problem, GeneratedAnswerCheck.Check(generated, 2).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AFirstSentenceThatDoesNotStopToAnswer_IsRejected()
    {
        var generated = "Theo " + string.Join(", ", Enumerable.Repeat("quy định của pháp luật hiện hành về hộ tịch", 10)) + " thì miễn lệ phí [1].";

        Assert.Equal("first sentence too long", GeneratedAnswerCheck.Check(generated, 1).Problem);
    }

    [Fact]
    public void AnAnswerLongerThanTheLimit_IsRejected()
    {
        var generated = "Miễn lệ phí [1].\n" + string.Join('\n', Enumerable.Repeat("- Một dòng nữa về thủ tục này [1].", 60));

        Assert.True(generated.Length > GeneratedAnswerCheck.MaxCharacters);
        Assert.Equal("too long", GeneratedAnswerCheck.Check(generated, 1).Problem);
    }
}
