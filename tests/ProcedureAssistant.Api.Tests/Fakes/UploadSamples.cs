using System.Text;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Api.Tests.Fakes;

/// <summary>One upload: the file, the form fields sent with it, and what the corpus should hold after it.</summary>
internal sealed record UploadSample(string FileName, byte[] Content, (string Name, string Value)[] Fields, string Id, string StoredAs, string Title);

/// <summary>A document of each accepted format, in two versions (a replacement changes its title and its text).</summary>
internal static class UploadSamples
{
    public static readonly string[] Formats = ["md", "json", "txt", "html", "docx", "pdf"];

    public static UploadSample Create(string format, int version)
    {
        var edition = version == 1 ? string.Empty : $" (sửa đổi lần {version})";
        switch (format)
        {
            case "md":
            {
                var title = "Cấp giấy phép khai thác cát sỏi lòng sông" + edition;
                var markdown = $"""
                    ---
                    id: tthc-9.000001
                    type: procedure
                    code: "9.000001"
                    title: {title}
                    level: xa
                    ---
                    # {title}
                    ## Thành phần hồ sơ
                    - Đơn đề nghị cấp giấy phép khai thác cát sỏi, bản {version}
                    """;
                return new("khai-thac-cat.md", Utf8(markdown), [], "tthc-9.000001", "procedures/tthc-9.000001.md", title);
            }

            case "json":
            {
                var title = "Đăng ký nuôi chim yến" + edition;
                var json = $$"""
                    {
                      "metadata": { "mã_thủ_tục": "9.000002", "tên_thủ_tục": "{{title}}", "lĩnh_vực": "Chăn nuôi", "cấp_thực_hiện": "Cấp Xã" },
                      "content": { "cơ_quan_có_thẩm_quyền": "UBND cấp xã", "trình_tự_thực_hiện": "Nộp hồ sơ lần {{version}}." },
                      "tables": { "hinh_thuc_nop": [{ "hinh_thuc": "Trực tiếp", "thoi_han_giai_quyet": "5 Ngày làm việc", "phi_le_phi": "Không" }] }
                    }
                    """;
                return new("export.json", Utf8(json), [("type", "procedure")], "tthc-9.000002", "procedures/tthc-9.000002.json", title);
            }

            case "txt":
            {
                var title = "Quyết định 01/2025/QĐ-UBND về chợ phiên" + edition;
                var text = $"Điều 1. Phạm vi điều chỉnh\nQuy định về tổ chức chợ phiên, bản {version}.\nĐiều 2. Thẩm quyền\nUBND cấp xã quản lý chợ phiên.\n";
                return new("cho-phien.txt", Utf8(text), Metadata("regulation", title, "qd-01-2025-cho-phien", ("number", "01/2025/QĐ-UBND")), "qd-01-2025-cho-phien", "regulations/qd-01-2025-cho-phien.md", title);
            }

            case "html":
            {
                var title = "Hướng dẫn đặt lịch hẹn trực tuyến" + edition;
                var html = $"<!DOCTYPE html><html><body><h2>Điều 1. Đặt lịch</h2><p>Người dân đặt lịch hẹn trên Cổng Dịch vụ công, bản {version}.</p></body></html>";
                return new("dat-lich.html", Utf8(html), Metadata("guide", title, "hd-dat-lich-hen"), "hd-dat-lich-hen", "guides/hd-dat-lich-hen.md", title);
            }

            case "docx":
            {
                var title = "Nghị định 998/2025/NĐ-CP về bến thủy nội địa" + edition;
                var docx = UploadFiles.Docx("Điều 1. Phạm vi điều chỉnh", $"Nghị định này quy định về bến thủy nội địa, bản {version}.", "Điều 2. Đối tượng áp dụng", "Chủ bến thủy nội địa.");
                return new("ben-thuy.docx", docx, Metadata("regulation", title, "nd-998-2025", ("number", "998/2025/NĐ-CP"), ("effective", "2025-07-01")), "nd-998-2025", "regulations/nd-998-2025.md", title);
            }

            default:
            {
                // Helvetica in a test PDF encodes no Vietnamese letters: the text is written without diacritics.
                var title = "Nghị định 997/2025/NĐ-CP về biển hiệu quảng cáo" + edition;
                var pdf = UploadFiles.Pdf("Dieu 1. Pham vi dieu chinh", $"Nghi dinh nay quy dinh ve bien hieu quang cao, ban {version}.");
                return new("bien-hieu.pdf", pdf, Metadata("regulation", title, "nd-997-2025", ("source", "https://vanban.chinhphu.vn/?id=997")), "nd-997-2025", "regulations/nd-997-2025.md", title);
            }
        }
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static (string, string)[] Metadata(string type, string title, string id, params (string, string)[] more) =>
        [("type", type), ("title", title), ("id", id), .. more];
}
