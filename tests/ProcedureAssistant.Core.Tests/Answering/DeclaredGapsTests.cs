using ProcedureAssistant.Core.Answering;

namespace ProcedureAssistant.Core.Tests.Answering;

public sealed class DeclaredGapsTests(HarnessFixture fixture) : IClassFixture<HarnessFixture>
{
    [Theory]
    [InlineData("liệt kê giúp 32 nhiệm vụ chuyển lên tỉnh", "Danh sách 32 nhiệm vụ này")]
    [InlineData("nghị định này còn những nhiệm vụ nào nữa", "Danh sách đầy đủ các nhiệm vụ còn lại")]
    [InlineData("nghị định này chuyển những quỹ nào về xã", null)]
    [InlineData("có 32 nhiệm vụ chuyển lên tỉnh à", null)]
    public async Task AskedList_IsTheMarkedListOfTheThingsTheQuestionAsksFor_TheOneSharingMostOfItsWords(string question, string? expected)
    {
        var document = new ProcedureAssistant.Core.Documents.MarkdownDocumentParser().Parse("nd-x.md", System.Text.Encoding.UTF8.GetBytes("""
            ---
            id: nd-x
            type: regulation
            title: "Nghị định x"
            number: 1/2025/NĐ-CP
            source: https://example.gov.vn/nd-x
            ---
            # Nghị định x
            Danh sách đầy đủ các nhiệm vụ còn lại: chưa có thông tin chính thức.
            Có 32 nhiệm vụ chuyển lên cấp tỉnh. Danh sách 32 nhiệm vụ này: chưa có thông tin chính thức.
            Chi tiết từng bước: chưa có thông tin chính thức.
            """));

        var reading = await fixture.Harness.ReadAsync(question);

        Assert.Equal(expected, DeclaredGaps.AskedList(document, reading));
    }

    [Theory]
    [InlineData("- Các kênh khác: Chưa có thông tin chính thức trong kho dữ liệu; hỏi Trung tâm.", true)]
    [InlineData("Chưa có thông tin chính thức trong kho dữ liệu.", true)]
    [InlineData("Bản ghi không có thông tin về mục này.", true)]
    [InlineData("- Quyết định của UBND tỉnh công bố danh mục: chưa tìm thấy.", true)]
    [InlineData("- Văn bản đề nghị xác nhận. Mẫu cụ thể: Chưa có thông tin chính thức.", false)]
    [InlineData("Mức lệ phí do Hội đồng nhân dân cấp tỉnh quy định; nghị quyết của tỉnh chưa có trong kho dữ liệu.", false)]
    [InlineData("Miễn lệ phí.", false)]
    public void IsGap_OnlyForLinesThatSayNothingButThatItIsNotKnown(string line, bool expected) =>
        Assert.Equal(expected, DeclaredGaps.IsGap(line));

    [Fact]
    public void IsAllGaps_NeedsEveryLineToBeAGap()
    {
        Assert.True(DeclaredGaps.IsAllGaps("Chưa có thông tin chính thức trong kho dữ liệu."));
        Assert.False(DeclaredGaps.IsAllGaps("- Đơn đề nghị.\n- Giấy tờ khác: Chưa có thông tin chính thức."));
        Assert.False(DeclaredGaps.IsAllGaps(""));
    }

    [Fact]
    public void Find_GivesTheLabelOrTheSentenceWithoutTheStatement_WithTheLine()
    {
        const string second = "Có 32 nhiệm vụ. Kho dữ liệu này chưa tổng hợp danh sách các nhiệm vụ này; cần tra cứu toàn văn.";
        Assert.Equal(
            [
                new DeclaredGap("Mức trợ cấp", "- Quyết định hưởng trợ cấp. Mức trợ cấp: Chưa có thông tin chính thức."),
                new DeclaredGap("danh sách các nhiệm vụ này", second),
            ],
            DeclaredGaps.Find("- Quyết định hưởng trợ cấp. Mức trợ cấp: Chưa có thông tin chính thức.\n" + second));
    }

    [Theory]
    [InlineData("Nghị quyết về mức thu của tỉnh Đắk Lắk sau khi hợp nhất chưa có trong kho dữ liệu.", "Nghị quyết về mức thu của tỉnh Đắk Lắk sau khi hợp nhất")]
    [InlineData("Kho dữ liệu chưa tổng hợp nội dung chi tiết của thông tư.", "nội dung chi tiết của thông tư")]
    [InlineData("- Chưa rõ doanh nghiệp nào xây dựng hệ thống nào.", "doanh nghiệp nào xây dựng hệ thống nào")]
    [InlineData("Mức lệ phí do tỉnh quy định; số hiệu chưa có trong kho dữ liệu.", "số hiệu")]
    public void Find_SentenceGapsAreAboutWhatTheSentenceNames(string text, string subject) =>
        Assert.Equal(subject, Assert.Single(DeclaredGaps.Find(text)).Subject);

    [Fact]
    public void Find_ASentenceThatOnlyStatesTheGapNamesNothing() =>
        Assert.Empty(DeclaredGaps.Find("Chưa có thông tin chính thức trong kho dữ liệu."));
}
