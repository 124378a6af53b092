using System.Text;
using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Core.Tests.Answering;

public sealed class ProcedureRecordTests
{
    [Fact]
    public void Deadlines_AreTheSpansCountedFromThePersonsOwnEvent_TheOnesTheyMustKeepFirst_NotTheProcessingTime()
    {
        var record = Record("""
            Việc này làm trong vòng 30 ngày kể từ ngày nhận nhà.
            ## Thời hạn giải quyết
            - 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.
            - Trong thời hạn 05 ngày làm việc kể từ ngày nhận được đơn, cơ quan trả lời.
            ## Thành phần hồ sơ
            - Đơn đề nghị. Thời hạn nộp hồ sơ chậm nhất 45 ngày kể từ ngày hết thời gian nghỉ việc.
            ## Ghi chú
            - Nên nộp trước 10 ngày trước ngày hết hạn.
            """);

        Assert.Equal(["Thời hạn nộp hồ sơ chậm nhất 45 ngày kể từ ngày hết thời gian nghỉ việc.", "Việc này làm trong vòng 30 ngày kể từ ngày nhận nhà."], record.Deadlines());
    }

    [Fact]
    public void Forms_AreTheLinesNamingAFormByMauOrCode_ThePapersFirst_NotTheNotes()
    {
        var record = Record("""
            ## Trình tự thực hiện
            - Bước 1: Người đề nghị khai Tờ khai theo Mẫu số 02 và nộp tại bộ phận một cửa.
            ## Thành phần hồ sơ
            - Tờ khai đề nghị cấp lại (mẫu TK05).
            - Bản sao giấy khai sinh.
            - Giấy ủy quyền (CT01), nếu nhờ người khác nộp.
            - Kế hoạch ứng phó lập theo mẫu tại Phụ lục III.
            - Lấy mẫu vân tay tại cơ quan tiếp nhận.
            ## Ghi chú
            - Mẫu số 09 đã hết hiệu lực.
            """);

        Assert.Equal(
            ["- Tờ khai đề nghị cấp lại (mẫu TK05).", "- Giấy ủy quyền (CT01), nếu nhờ người khác nộp.", "- Kế hoạch ứng phó lập theo mẫu tại Phụ lục III.", "- Bước 1: Người đề nghị khai Tờ khai theo Mẫu số 02 và nộp tại bộ phận một cửa."],
            record.Forms());
        Assert.True(record.Gives(ProcedureAssistant.Core.Questions.AskedField.Form));
    }

    [Fact]
    public void Forms_OfARecordNamingNoneByNumber_AreItsDeclarationOrRequest_NotALawsNumber()
    {
        var record = Record("""
            ## Thành phần hồ sơ
            - Từ 01/7/2025 cấp huyện không còn hoạt động (Luật số 72/2025/QH15).
            - Tờ khai cấp Giấy xác nhận tình trạng hôn nhân.
            - Giấy tờ tùy thân.
            """);

        Assert.Equal(["- Tờ khai cấp Giấy xác nhận tình trạng hôn nhân."], record.Forms());
    }

    [Fact]
    public void Deadlines_CountedBeforeAnEventToldFirst_AreFound()
    {
        var record = Record("""
            ## Điều kiện thực hiện
            - Có đơn gửi UBND cấp tỉnh trước khi hết hạn sở hữu nhà ở 03 tháng.
            ## Thời hạn giải quyết
            - Trước khi trả kết quả, cơ quan xem xét trong 30 ngày kể từ ngày nhận đủ hồ sơ.
            """);

        Assert.Equal(["- Có đơn gửi UBND cấp tỉnh trước khi hết hạn sở hữu nhà ở 03 tháng."], record.Deadlines());
    }

    [Fact]
    public void Deadlines_ADayOfAPeriodAfterThePersonsEventOrOfEveryYear_AreFound_ADateAloneIsNot()
    {
        var record = Record("""
            ## Trình tự thực hiện
            - Bước 1: Người nộp thuế lập tờ khai và gửi đến cơ quan thuế chậm nhất là ngày thứ 20 của tháng tiếp theo tháng phát sinh nghĩa vụ thuế.
            - Bước 2: Cơ quan thuế tiếp nhận hồ sơ.
            ## Điều kiện thực hiện
            - Tạm nộp thuế theo quý chậm nhất là ngày cuối cùng của tháng đầu quý sau.
            - Tổ chức nộp hồ sơ trước ngày 15 tháng 01 hằng năm.
            - Áp dụng cho người đã nghỉ việc trước ngày 01/7/2025.
            """);

        Assert.Equal(
            ["- Bước 1: Người nộp thuế lập tờ khai và gửi đến cơ quan thuế chậm nhất là ngày thứ 20 của tháng tiếp theo tháng phát sinh nghĩa vụ thuế.", "- Tạm nộp thuế theo quý chậm nhất là ngày cuối cùng của tháng đầu quý sau.", "- Tổ chức nộp hồ sơ trước ngày 15 tháng 01 hằng năm."],
            record.Deadlines());
    }

    [Fact]
    public void Deadlines_OfARecordThatCountsOnlyItsProcessingTime_AreNone()
    {
        var record = Record("""
            ## Thời hạn giải quyết
            - 07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.
            """);

        Assert.Empty(record.Deadlines());
    }

    private static ProcedureRecord Record(string body) =>
        ProcedureRecord.From(new MarkdownDocumentParser().Parse("tthc-x.md", Encoding.UTF8.GetBytes($"""
            ---
            id: tthc-x
            type: procedure
            title: "Thủ tục x"
            source: https://example.gov.vn/x
            ---
            # Thủ tục x
            {body}
            """)));
}
