using ProcedureAssistant.Core.Answering;

namespace ProcedureAssistant.Core.Tests.Answering;

public sealed class AskedFieldsTests
{
    [Theory]
    [InlineData("mất bao lâu thì có giấy, lệ phí bao nhiêu", new[] { AskedFields.TimeLimit, AskedFields.Fee })]
    [InlineData("dang ky ket hon o dau", new[] { AskedFields.Channels })]
    [InlineData("làm khai sinh cần những giấy tờ gì", new[] { AskedFields.Documents })]
    [InlineData("có mất tiền ko ạ", new[] { AskedFields.Fee })]
    [InlineData("ai ký quyết định, căn cứ điều nào", new[] { AskedFields.Authority, AskedFields.LegalBasis })]
    [InlineData("con tôi đủ 17 tuổi, điều kiện dự tuyển là gì", new[] { AskedFields.Conditions })]
    [InlineData("thủ tục ly hôn thế nào", new string[0])]
    public void In_ReadsTheFieldsInTheOrderAsked(string question, string[] expected) =>
        Assert.Equal(expected, AskedFields.In(question));

    [Theory]
    [InlineData("mức trợ cấp hưu trí mỗi tháng bao nhiêu tiền")]
    [InlineData("duoc bao nhieu tien 1 thang")]
    public void In_AmountReceived_IsNotTheFee(string question) =>
        Assert.DoesNotContain(AskedFields.Fee, AskedFields.In(question));

    [Theory]
    [InlineData("mức trợ cấp hưu trí mỗi tháng bao nhiêu tiền", true)]
    [InlineData("duoc bao nhieu tien 1 thang", true)]
    [InlineData("lệ phí bao nhiêu tiền", false)]
    [InlineData("hết bao nhiêu tiền", false)]
    public void AsksForAnAmount_AmountPaidOutButNotTheFee(string question, bool expected) =>
        Assert.Equal(expected, AskedFields.AsksForAnAmount(question));

    [Fact]
    public void CueTerms_AreTheFieldWords_IncludingAnAmountReceived()
    {
        Assert.Contains("may ngay", AskedFields.CueTerms("mất mấy ngày thì có giấy phép"));
        Assert.Contains("tien", AskedFields.CueTerms("được bao nhiêu tiền"));
        Assert.DoesNotContain("giay", AskedFields.CueTerms("mất mấy ngày thì có giấy phép"));
    }
}
