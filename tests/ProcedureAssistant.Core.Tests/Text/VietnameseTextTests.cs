using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("hoà", "hòa")]
    [InlineData("Uỷ ban", "Ủy ban")]
    [InlineData("thuỷ lợi", "thủy lợi")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("quý", "quí")]
    [InlineData("kỹ thuật", "kĩ thuật")]
    [InlineData("HÒA GIẢI", "hoà giải")]
    public void Normalize_OldAndNewTonePlacement_Match(string oldStyle, string newStyle) =>
        Assert.Equal(VietnameseText.Normalize(oldStyle), VietnameseText.Normalize(newStyle));

    [Fact]
    public void Normalize_DecomposedInput_EqualsComposed()
    {
        const string decomposed = "ho\u0300a gia\u0309i"; // "hòa giải" typed with combining marks
        Assert.Equal(VietnameseText.Normalize("hòa giải"), VietnameseText.Normalize(decomposed));
    }

    [Theory]
    [InlineData("người", "người")]
    [InlineData("Nghiệp", "nghiệp")]
    [InlineData("hoàng", "hoàng")]
    [InlineData("giữ", "giữ")]
    [InlineData("của", "của")]
    [InlineData("quyền", "quyền")]
    public void Normalize_StandardSpelling_IsKept(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Normalize(input));

    [Fact]
    public void Normalize_DifferentTones_StayDifferent() =>
        Assert.NotEqual(VietnameseText.Normalize("hòa"), VietnameseText.Normalize("hóa"));

    [Theory]
    [InlineData("Đăng ký khai sinh", "Dang ky khai sinh")]
    [InlineData("Ủy ban nhân dân phường", "Uy ban nhan dan phuong")]
    [InlineData("giấy chứng nhận quyền sử dụng đất", "giay chung nhan quyen su dung dat")]
    public void Fold_RemovesEveryMarkAndMapsDToD(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Theory]
    [InlineData("đăng ký", true)]
    [InlineData("dang ky khai sinh", false)]
    [InlineData("ĐK", true)]
    [InlineData("123/2025", false)]
    public void HasDiacritics_TellsAccentedFromPlainText(string input, bool expected) =>
        Assert.Equal(expected, VietnameseText.HasDiacritics(input));
}
