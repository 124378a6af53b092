using System.Text.Json;

namespace ProcedureAssistant.Core.Tests.Fakes;

/// <summary>Hand-written national catalogue records, one JSON object a line, in the crawl's own field names and flattened tables.</summary>
internal static class CatalogueLines
{
    public static string Record(
        string code,
        string name = "Đăng ký khai sinh",
        string level = "Cấp xã",
        string? detailUrl = null,
        string field = "Hộ tịch",
        string fee = "Miễn phí") =>
        JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["ma_thu_tuc"] = code,
            ["detail_url"] = detailUrl ?? $"https://dichvucong.gov.vn/thu-tuc-hanh-chinh/{code}",
            ["ten_thu_tuc"] = name,
            ["so_quyet_dinh"] = "1/QĐ-BTP",
            ["cap_thuc_hien"] = level,
            ["linh_vuc"] = field,
            ["doi_tuong_thuc_hien"] = "Công dân Việt Nam",
            ["co_quan_co_tham_quyen"] = "Ủy ban nhân dân cấp xã",
            ["co_quan_thuc_hien"] = "Ủy ban nhân dân cấp xã",
            ["dia_chi_tiep_nhan"] = string.Empty,
            ["trinh_tu_thuc_hien"] = "Bước 1: Nộp hồ sơ.\nBước 2: Nhận kết quả.",
            ["cach_thuc_thuc_hien"] = $"Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp1 Ngày làm việc{fee}Trực tuyến1 Ngày làm việc{fee}",
            ["thanh_phan_ho_so"] = "--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai đăng ký khai sinh1 bản chínhGiấy chứng sinh1 bản chính",
            ["can_cu_phap_ly"] = "Tên văn bản pháp lýMã văn bảnLuật Hộ tịch60/2014/QH13Nghị định 123/2015/NĐ-CP123/2015/NĐ-CP",
            ["yeu_cau_dieu_kien"] = "Không có thông tin",
            ["ket_qua_xu_ly"] = "Giấy khai sinhMã: KQ.G15.000001Từ khóaKhông có thông tin",
        });
}
