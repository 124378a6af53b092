namespace ProcedureAssistant.Core.Tests.Answering;

/// <summary>
/// A small corpus for the answering tests, written the way the corpus is (front matter, canonical procedure sections):
/// a full birth-registration record, marriage and a foreign-element sibling, three building-permit siblings, two
/// siblings that are both changes (the re-issue and the exchange of a card), one
/// procedure at two levels, a record that marks an amount unknown, a decree summary that states its validity beside a
/// list it does not give, the two-tier law, an old decree that still gives tasks to the district, a superseded law.
/// </summary>
internal static class AnswerFixtures
{
    public const string Birth = """
        ---
        id: tthc-khai-sinh
        type: procedure
        code: "1.001193"
        title: Đăng ký khai sinh
        level: xa
        legal_basis: ["Luật Hộ tịch 2014, Điều 16", "Nghị định 120/2025/NĐ-CP, Điều 4"]
        source: https://dichvucong.gov.vn/khai-sinh
        aliases: ["làm giấy khai sinh"]
        ---
        # Đăng ký khai sinh

        Thủ tục ghi việc sinh của trẻ vào sổ hộ tịch và cấp Giấy khai sinh.

        ## Cơ quan giải quyết
        - Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ.

        ## Nơi nộp và cách thức nộp
        - Trực tiếp tại Trung tâm Phục vụ hành chính công cấp xã.
        - Trực tuyến trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID.

        ## Thành phần hồ sơ
        - Tờ khai đăng ký khai sinh theo mẫu.
        - Giấy chứng sinh do cơ sở y tế cấp.
        - Giấy tờ tùy thân của người đi đăng ký.
        - Văn bản ủy quyền nếu nhờ người khác đi làm.
        - Biên bản về việc trẻ bị bỏ rơi, nếu có.
        - Văn bản xác nhận của cơ sở y tế về việc mang thai hộ, nếu có.
        - Giấy tờ chứng minh nơi cư trú, nếu cơ quan yêu cầu.

        ## Trình tự thực hiện
        1. Chuẩn bị giấy tờ và nộp hồ sơ.
        2. Cán bộ kiểm tra hồ sơ và hẹn ngày trả.
        3. Công chức tư pháp thẩm tra hồ sơ.
        4. Cán bộ ghi vào Sổ đăng ký khai sinh.
        5. Lãnh đạo Ủy ban nhân dân cấp xã ký Giấy khai sinh.

        ## Thời hạn giải quyết
        - Trong ngày; nếu nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.
        - Thời hạn người dân phải đi đăng ký: trong 60 ngày kể từ ngày sinh.

        ## Lệ phí
        - Miễn lệ phí khi đăng ký đúng hạn.
        - Đăng ký quá hạn: mức lệ phí do Hội đồng nhân dân cấp tỉnh quy định.

        ## Kết quả
        - Giấy khai sinh bản chính.

        ## Điều kiện
        - Ông, bà hoặc người thân đi đăng ký thay cha mẹ không cần giấy ủy quyền.

        ## Căn cứ pháp lý
        - Luật Hộ tịch 2014, Điều 16.
        - Nghị định 120/2025/NĐ-CP, Điều 4.

        ## Ghi chú
        - Bản ghi thủ tục 1.001193 trên Cổng Dịch vụ công quốc gia ghi thời hạn 01 ngày.
        """;

    public const string Marriage = """
        ---
        id: tthc-ket-hon
        type: procedure
        code: "1.000894"
        title: Đăng ký kết hôn
        level: xa
        legal_basis: ["Luật Hộ tịch 2014, Điều 18"]
        source: https://dichvucong.gov.vn/ket-hon
        ---
        # Đăng ký kết hôn
        ## Cơ quan giải quyết
        - Ủy ban nhân dân cấp xã nơi cư trú của một trong hai bên.
        ## Nơi nộp và cách thức nộp
        - Trực tiếp tại Trung tâm Phục vụ hành chính công cấp xã; hai bên cùng có mặt.
        ## Thành phần hồ sơ
        - Tờ khai đăng ký kết hôn.
        ## Thời hạn giải quyết
        - Ngay khi nhận đủ hồ sơ hợp lệ.
        ## Lệ phí
        - Miễn lệ phí.
        """;

    public const string ForeignMarriage = """
        ---
        id: tthc-ket-hon-nuoc-ngoai
        type: procedure
        code: "2.000806"
        title: Đăng ký kết hôn có yếu tố nước ngoài
        level: xa
        source: https://dichvucong.gov.vn/ket-hon-nuoc-ngoai
        ---
        # Đăng ký kết hôn có yếu tố nước ngoài
        ## Cơ quan giải quyết
        - Ủy ban nhân dân cấp xã nơi cư trú của công dân Việt Nam; ở tỉnh Đắk Lắk là xã, phường nơi cư trú.
        ## Thời hạn giải quyết
        - 05 ngày làm việc.
        ## Lệ phí
        - Mức lệ phí do Hội đồng nhân dân cấp tỉnh quy định.
        """;

    public const string NewPermit = """
        ---
        id: tthc-gpxd-moi
        type: procedure
        code: "1.013225"
        title: Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ
        level: xa
        source: https://dichvucong.gov.vn/gpxd-moi
        ---
        # Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ
        ## Cơ quan giải quyết
        - Ủy ban nhân dân cấp xã nơi có công trình.
        ## Thành phần hồ sơ
        - Đơn đề nghị cấp giấy phép xây dựng.
        - Bản vẽ thiết kế xây dựng.
        ## Thời hạn giải quyết
        - 15 ngày kể từ ngày nhận đủ hồ sơ.
        """;

    public const string PermitExtension = """
        ---
        id: tthc-gpxd-gia-han
        type: procedure
        code: "1.013227"
        title: Gia hạn giấy phép xây dựng đối với nhà ở riêng lẻ
        level: xa
        source: https://dichvucong.gov.vn/gpxd-gia-han
        ---
        # Gia hạn giấy phép xây dựng đối với nhà ở riêng lẻ
        ## Cơ quan giải quyết
        - Ủy ban nhân dân cấp xã nơi có công trình.
        ## Thành phần hồ sơ
        - Đơn đề nghị gia hạn giấy phép xây dựng.
        ## Thời hạn giải quyết
        - 05 ngày làm việc.
        """;

    public const string PermitReissue = """
        ---
        id: tthc-gpxd-cap-lai
        type: procedure
        code: "1.013228"
        title: Cấp lại giấy phép xây dựng đối với nhà ở riêng lẻ
        level: xa
        source: https://dichvucong.gov.vn/gpxd-cap-lai
        ---
        # Cấp lại giấy phép xây dựng đối với nhà ở riêng lẻ
        ## Cơ quan giải quyết
        - Ủy ban nhân dân cấp xã nơi có công trình.
        ## Thành phần hồ sơ
        - Đơn đề nghị cấp lại giấy phép xây dựng.
        ## Thời hạn giải quyết
        - 05 ngày làm việc.
        """;

    public const string GuideCardReissue = """
        ---
        id: tthc-the-hdv-cap-lai
        type: procedure
        title: Cấp lại thẻ hướng dẫn viên du lịch
        level: tinh
        source: https://dichvucong.gov.vn/the-hdv-cap-lai
        ---
        # Cấp lại thẻ hướng dẫn viên du lịch
        ## Cơ quan giải quyết
        - Sở Văn hóa, Thể thao và Du lịch.
        ## Thời hạn giải quyết
        - 10 ngày làm việc.
        """;

    public const string GuideCardExchange = """
        ---
        id: tthc-the-hdv-cap-doi
        type: procedure
        title: Cấp đổi thẻ hướng dẫn viên du lịch
        level: tinh
        source: https://dichvucong.gov.vn/the-hdv-cap-doi
        ---
        # Cấp đổi thẻ hướng dẫn viên du lịch
        ## Cơ quan giải quyết
        - Sở Văn hóa, Thể thao và Du lịch.
        ## Thời hạn giải quyết
        - 10 ngày làm việc.
        """;

    public const string TravelProvince = """
        ---
        id: tthc-lu-hanh-tinh
        type: procedure
        code: "2.001622"
        title: Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa (thực hiện tại cấp tỉnh)
        level: tinh
        source: https://dichvucong.gov.vn/lu-hanh-tinh
        ---
        # Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa (thực hiện tại cấp tỉnh)
        ## Cơ quan giải quyết
        - Sở Văn hóa, Thể thao và Du lịch.
        ## Thời hạn giải quyết
        - 10 ngày làm việc.
        ## Lệ phí
        - 3.000.000 đồng.
        """;

    public const string MilitaryRegistration = """
        ---
        id: tthc-nvqs-lan-dau
        type: procedure
        title: Đăng ký nghĩa vụ quân sự
        level: xa
        source: https://dichvucong.gov.vn/nvqs
        ---
        # Đăng ký nghĩa vụ quân sự
        ## Cơ quan giải quyết
        - Ban chỉ huy quân sự cấp xã.
        ## Lệ phí
        - Nộp trực tiếp: 0 đồng.
        - Nộp trực tuyến: 0 đồng.
        """;

    public const string TravelCommune = """
        ---
        id: tthc-lu-hanh-xa
        type: procedure
        code: "2.001623"
        title: Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa (thực hiện tại cấp xã)
        level: xa
        source: https://dichvucong.gov.vn/lu-hanh-xa
        ---
        # Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa (thực hiện tại cấp xã)
        ## Cơ quan giải quyết
        - Ủy ban nhân dân cấp xã.
        ## Thời hạn giải quyết
        - 07 ngày làm việc.
        ## Lệ phí
        - 3.000.000 đồng.
        """;

    public const string Pension = """
        ---
        id: tthc-huu-tri
        type: procedure
        title: Hưởng trợ cấp hưu trí xã hội
        level: xa
        source: https://dichvucong.gov.vn/huu-tri
        ---
        # Hưởng trợ cấp hưu trí xã hội
        ## Cơ quan giải quyết
        - Chủ tịch Ủy ban nhân dân cấp xã nơi cư trú.
        ## Thời hạn giải quyết
        Chưa có thông tin chính thức.
        ## Lệ phí
        - Không thu lệ phí.
        ## Kết quả
        - Quyết định hưởng trợ cấp. Mức trợ cấp: chưa có thông tin chính thức.
        ## Điều kiện
        - Công dân từ đủ 75 tuổi trở lên, không hưởng lương hưu.
        """;

    public const string Decree = """
        ---
        id: nd-129-2025
        type: regulation
        summary: true
        number: 129/2025/NĐ-CP
        title: Nghị định 129/2025/NĐ-CP phân định thẩm quyền trong lĩnh vực nội vụ
        issued: 2025-06-11
        effective: 2025-07-01
        expires: 2027-03-01
        source: https://chinhphu.vn/129
        ---
        # Nghị định 129/2025/NĐ-CP phân định thẩm quyền trong lĩnh vực nội vụ
        ## Nhiệm vụ chuyển lên cấp tỉnh
        Có 32 nhiệm vụ chuyển từ cấp huyện lên cấp tỉnh. Danh sách 32 nhiệm vụ này: chưa có thông tin chính thức.
        ## Hiệu lực
        Nghị định 129/2025/NĐ-CP áp dụng từ ngày 01/7/2025 đến ngày 01/3/2027, trừ khi được kéo dài.
        ## Nhiệm vụ chuyển về cấp xã
        ### Điều 12. Thẩm quyền của Chủ tịch Ủy ban nhân dân cấp xã (tóm tắt)
        Chủ tịch Ủy ban nhân dân cấp xã tặng danh hiệu Gia đình văn hóa và giấy khen.
        """;

    public const string ReformLaw = """
        ---
        id: luat-72-2025-qh15
        type: regulation
        summary: true
        number: 72/2025/QH15
        title: Luật Tổ chức chính quyền địa phương số 72/2025/QH15
        issued: 2025-06-16
        effective: 2025-06-16
        source: https://chinhphu.vn/72
        ---
        # Luật Tổ chức chính quyền địa phương số 72/2025/QH15
        Luật tổ chức chính quyền địa phương ở hai cấp: cấp tỉnh và cấp xã. Từ ngày 01/7/2025 chính quyền cấp huyện chấm dứt hoạt động.
        """;

    public const string OldDecree = """
        ---
        id: nd-23-2015
        type: regulation
        number: 23/2015/NĐ-CP
        title: Nghị định 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực
        issued: 2015-02-16
        effective: 2015-04-10
        source: https://vbpl.vn/23-2015
        ---
        # Nghị định 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực
        ### Điều 5. Thẩm quyền chứng thực
        Phòng Tư pháp huyện có thẩm quyền chứng thực bản sao từ bản chính giấy tờ do cơ quan nước ngoài cấp.
        """;

    public const string OldLaw = """
        ---
        id: luat-65-2025-qh15
        type: regulation
        summary: true
        number: 65/2025/QH15
        title: Luật Tổ chức chính quyền địa phương số 65/2025/QH15
        effective: 2025-03-01
        superseded_by: luat-72-2025-qh15
        source: https://chinhphu.vn/65
        ---
        # Luật Tổ chức chính quyền địa phương số 65/2025/QH15
        Luật tổ chức chính quyền địa phương ở ba cấp tỉnh, huyện và xã.
        """;

    /// <summary>Every fixture, by file name.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["procedures/khai-sinh.md"] = Birth,
        ["procedures/ket-hon.md"] = Marriage,
        ["procedures/ket-hon-nuoc-ngoai.md"] = ForeignMarriage,
        ["procedures/gpxd-moi.md"] = NewPermit,
        ["procedures/gpxd-gia-han.md"] = PermitExtension,
        ["procedures/gpxd-cap-lai.md"] = PermitReissue,
        ["procedures/the-hdv-cap-lai.md"] = GuideCardReissue,
        ["procedures/the-hdv-cap-doi.md"] = GuideCardExchange,
        ["procedures/lu-hanh-tinh.md"] = TravelProvince,
        ["procedures/lu-hanh-xa.md"] = TravelCommune,
        ["procedures/nvqs-lan-dau.md"] = MilitaryRegistration,
        ["procedures/huu-tri.md"] = Pension,
        ["regulations/nd-129.md"] = Decree,
        ["regulations/luat-72.md"] = ReformLaw,
        ["regulations/nd-23.md"] = OldDecree,
        ["regulations/luat-65.md"] = OldLaw,
    };
}
