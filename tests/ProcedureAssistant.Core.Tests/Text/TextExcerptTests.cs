using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Text;

public sealed class TextExcerptTests
{
    private const string Body = "Cơ quan giải quyết: Cơ quan đăng ký kinh doanh cấp xã, có con dấu và tài khoản riêng. Theo Nghị định 150/2025/NĐ-CP, đó là Phòng Kinh tế (ở xã, đặc khu) hoặc Phòng Kinh tế, Hạ tầng và Đô thị (ở phường) thuộc Ủy ban nhân dân cấp xã.";

    [Fact]
    public void Shorten_WithoutStretch_CutsAtAWordAndMarksTheCut()
    {
        var shortened = TextExcerpt.Shorten(Body, 180);

        Assert.EndsWith(" …", shortened, StringComparison.Ordinal);
        Assert.True(shortened.Length <= 182);
    }

    [Fact]
    public void Shorten_WithStretch_KeepsAClauseThatEndsWithinIt_Whole()
    {
        Assert.Equal(Body, TextExcerpt.Shorten(Body, 180, 90));
    }

    [Fact]
    public void Shorten_WithStretch_KeepsALastClauseWithoutAFullStop_Whole()
    {
        Assert.Equal(Body.TrimEnd('.'), TextExcerpt.Shorten(Body.TrimEnd('.'), 180, 90));
    }

    [Fact]
    public void Shorten_WithStretch_StillCutsAClauseThatRunsPastIt()
    {
        var longer = Body.TrimEnd('.') + new string('x', 100) + ". Câu sau.";

        Assert.EndsWith(" …", TextExcerpt.Shorten(longer, 180, 90), StringComparison.Ordinal);
    }
}
