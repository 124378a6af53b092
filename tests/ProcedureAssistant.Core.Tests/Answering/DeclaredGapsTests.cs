using ProcedureAssistant.Core.Answering;

namespace ProcedureAssistant.Core.Tests.Answering;

public sealed class DeclaredGapsTests
{
    [Theory]
    [InlineData("- Các kênh khác: Chưa có thông tin chính thức trong kho dữ liệu; hỏi Trung tâm.", true)]
    [InlineData("Chưa có thông tin chính thức trong kho dữ liệu.", true)]
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
    public void Subjects_AreTheLabelsOrTheSentencesOfTheGaps() =>
        Assert.Equal(
            ["Mức trợ cấp", "Kho dữ liệu này chưa tổng hợp danh sách các nhiệm vụ này"],
            DeclaredGaps.Subjects("- Quyết định hưởng trợ cấp. Mức trợ cấp: Chưa có thông tin chính thức.\nCó 32 nhiệm vụ. Kho dữ liệu này chưa tổng hợp danh sách các nhiệm vụ này; cần tra cứu toàn văn."));
}
