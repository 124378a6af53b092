namespace ProcedureAssistant.Core.Tests.Fakes;

/// <summary>Small corpus files for tests, written like the real corpus.</summary>
internal static class SampleCorpus
{
    public const string BirthRegistration = """
        ---
        id: tthc-1.001193
        type: procedure
        code: "1.001193"
        title: Đăng ký khai sinh
        field: Hộ tịch
        level: xa
        authority: UBND cấp xã
        legal_basis: ["Luật Hộ tịch 2014, Điều 16", "Nghị định 120/2025/NĐ-CP, Điều 4"]
        effective: 2025-07-01
        source: https://dichvucong.gov.vn/
        aliases: [làm giấy khai sinh]
        ---
        # Đăng ký khai sinh
        Đăng ký khai sinh cho trẻ mới sinh.
        ## Cơ quan giải quyết
        Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ.
        ## Nơi nộp và cách thức nộp
        - Trung tâm Phục vụ hành chính công cấp xã
        - Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID
        ## Thành phần hồ sơ
        - Tờ khai đăng ký khai sinh
        - Giấy chứng sinh
        ## Thời hạn giải quyết
        Trong ngày; nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.
        ## Lệ phí
        Miễn lệ phí khi đăng ký đúng hạn.
        ## Căn cứ pháp lý
        - Luật Hộ tịch 2014, Điều 16
        """;

    public const string MarriageRegistration = """
        ---
        id: tthc-1.000894
        type: procedure
        code: "1.000894"
        title: Đăng ký kết hôn
        field: Hộ tịch
        level: xa
        authority: UBND cấp xã
        source: https://dichvucong.gov.vn/
        ---
        # Đăng ký kết hôn
        ## Cơ quan giải quyết
        Ủy ban nhân dân cấp xã nơi cư trú của một trong hai bên.
        ## Thời hạn giải quyết
        Ngay trong ngày; 05 ngày làm việc nếu cần xác minh.
        """;

    public const string Decree = """
        ---
        id: nd-120-2025
        type: regulation
        number: 120/2025/NĐ-CP
        title: Nghị định 120/2025/NĐ-CP về phân định thẩm quyền trong lĩnh vực tư pháp
        issuer: Chính phủ
        effective: 2025-07-01
        expires: 2027-03-01
        source: https://example.gov.vn/nd-120
        ---
        # Nghị định 120/2025/NĐ-CP
        ### Điều 4. Thẩm quyền đăng ký hộ tịch
        1. Ủy ban nhân dân cấp xã thực hiện đăng ký hộ tịch, kể cả việc hộ tịch có yếu tố nước ngoài.
        """;

    /// <summary>A regulation of three articles, one chunk each.</summary>
    public const string ResidenceLaw = """
        ---
        id: luat-99-2025
        type: regulation
        number: 99/2025/QH15
        title: Luật thử nghiệm về cư trú
        issuer: Quốc hội
        effective: 2025-07-01
        ---
        # Luật 99/2025/QH15
        ### Điều 1. Phạm vi điều chỉnh
        Luật này quy định việc đăng ký thường trú và tạm trú.
        ### Điều 2. Đăng ký thường trú
        Công dân đăng ký thường trú tại Công an cấp xã nơi có chỗ ở hợp pháp.
        ### Điều 3. Đăng ký tạm trú
        Công dân đăng ký tạm trú trong thời hạn 30 ngày kể từ ngày đến chỗ ở mới.
        """;

    public const string Broken = """
        ---
        type: procedure
        title: Thiếu mã định danh
        ---
        Nội dung.
        """;
}
