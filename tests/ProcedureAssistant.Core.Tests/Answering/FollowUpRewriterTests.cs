using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Answering;

public sealed class FollowUpRewriterTests
{
    private readonly FollowUpRewriter _rewriter = new(TextAnalyzer.CreateDefault());

    [Theory]
    [InlineData("còn lệ phí thì sao?")]
    [InlineData("mất bao lâu?")]
    [InlineData("nop o dau")]
    [InlineData("thế còn đăng ký tạm trú cho con thì cần những giấy tờ gì")]
    [InlineData("mất mấy ngày thì có giấy phép?")]
    [InlineData("duoc bao nhieu tien 1 thang?")]
    public void Rewrite_FollowUp_PutsThePreviousTopicFirst(string question) =>
        Assert.Equal("đăng ký khai sinh " + question, _rewriter.Rewrite(question, "đăng ký khai sinh"));

    [Theory]
    [InlineData("thủ tục đăng ký kết hôn với người nước ngoài")]
    [InlineData("cap giay phep xay dung nha o rieng le")]
    public void Rewrite_NewTopic_IsLeftAlone(string question) =>
        Assert.Equal(question, _rewriter.Rewrite(question, "đăng ký khai sinh"));

    [Fact]
    public void Rewrite_NoPreviousTopic_IsLeftAlone() =>
        Assert.Equal("mất bao lâu?", _rewriter.Rewrite("mất bao lâu?", null));
}
