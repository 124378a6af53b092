using ProcedureAssistant.Core.Answering;

namespace ProcedureAssistant.Core.Tests.Answering;

public sealed class CitationParserTests
{
    [Theory]
    [InlineData("Nộp tại xã [1].", 2, "Nộp tại xã [1].", new[] { 1 })]
    [InlineData("Theo [2] và [1][2].", 2, "Theo [2] và [1][2].", new[] { 2, 1 })]
    [InlineData("Lệ phí 15.000 đồng [1, 3].", 2, "Lệ phí 15.000 đồng [1].", new[] { 1 })]
    [InlineData("Bịa đặt [5].", 2, "Bịa đặt.", new int[0])]
    [InlineData("Không có nguồn.", 3, "Không có nguồn.", new int[0])]
    [InlineData("Số [0] không hợp lệ.", 3, "Số không hợp lệ.", new int[0])]
    public void Validate_KeepsOnlyMarkersOfGivenSources(string text, int sources, string expectedText, int[] expectedCited)
    {
        var (cleaned, cited) = CitationParser.Validate(text, sources);

        Assert.Equal(expectedText, cleaned);
        Assert.Equal(expectedCited, cited);
    }
}
