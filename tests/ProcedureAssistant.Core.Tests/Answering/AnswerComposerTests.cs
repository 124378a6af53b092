using System.Text.RegularExpressions;
using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Core.Tests.Answering;

/// <summary>
/// The shape of an answer: the first sentence answers what was asked; then a few short lines on the asked items; the
/// rest of a procedure only when the whole procedure is asked for; one line at most on what the sources do not say;
/// markers by sentence; no internal ids or notes; a summary named as such; officials get the legal basis first.
/// </summary>
public sealed partial class AnswerComposerTests(HarnessFixture fixture) : IClassFixture<HarnessFixture>
{
    private AnswerHarness Harness => fixture.Harness;

    [Fact]
    public async Task ADateAskedOfTheChosenText_IsItsSigningAndEffectiveDates()
    {
        var answer = await Harness.AskAsync("Nghị định 129/2025/NĐ-CP ký ngày nào?");

        Assert.Equal("nd-129-2025", answer.Citations[0].DocumentId);
        Assert.Contains("Nghị định 129/2025/NĐ-CP: ban hành ngày 11/6/2025, có hiệu lực từ ngày 01/7/2025, hết hiệu lực từ ngày 01/3/2027", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADateAskedOfTheTextAProcedureRestsOn_IsGivenFromThatText_CitingIt()
    {
        const string Award = """
            ---
            id: tthc-gia-dinh-van-hoa
            type: procedure
            title: Xét tặng danh hiệu Gia đình văn hóa
            level: xa
            legal_basis: ["Nghị định 129/2025/NĐ-CP"]
            source: https://dichvucong.gov.vn/gdvh
            ---
            # Xét tặng danh hiệu Gia đình văn hóa

            ## Cơ quan giải quyết
            - Chủ tịch Ủy ban nhân dân cấp xã.

            ## Căn cứ pháp lý
            - Nghị định 129/2025/NĐ-CP phân định thẩm quyền trong lĩnh vực nội vụ.
            """;
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string>
        {
            ["procedures/gia-dinh-van-hoa.md"] = Award,
            ["regulations/nd-129.md"] = AnswerFixtures.Decree,
        });

        var answer = await harness.AskAsync("xét tặng gia đình văn hóa theo nghị định nào, ký ngày nào");

        var line = Assert.Single(answer.Text.Split('\n'), l => l.Contains("ban hành ngày", StringComparison.Ordinal));
        Assert.Contains("Nghị định 129/2025/NĐ-CP: ban hành ngày 11/6/2025", line, StringComparison.Ordinal);
        var marker = int.Parse(System.Text.RegularExpressions.Regex.Match(line, @"\[(\d+)\]").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("nd-129-2025", answer.Citations[marker - 1].DocumentId);
    }

    [Theory]
    [InlineData("mẹ em nằm viện 10 ngày rồi, xin trợ cấp này thì ai quyết định", true)]
    [InlineData("mẹ em nằm viện rồi, xin trợ cấp này thì ai quyết định", false)]
    public async Task AConditionThatBoundsAQuantityTheAskerGivesOfHisCase_IsSaid_ThoughItSharesNoRarerWord(string question, bool said)
    {
        const string Allowance = """
            ---
            id: tthc-tro-cap-than-nhan
            type: procedure
            title: Trợ cấp khó khăn đột xuất cho thân nhân quân nhân tại ngũ
            level: xa
            source: https://dichvucong.gov.vn/tro-cap-than-nhan
            ---
            # Trợ cấp khó khăn đột xuất cho thân nhân quân nhân tại ngũ

            ## Cơ quan giải quyết
            - Đơn vị quân đội cấp trung đoàn hoặc tương đương quyết định.

            ## Thành phần hồ sơ
            - Giấy ra viện hoặc giấy xác nhận nằm viện của thân nhân.

            ## Điều kiện
            - Thân nhân ốm đau phải điều trị từ 07 ngày trở lên.
            - Gia đình bị thiệt hại nặng do thiên tai, hỏa hoạn.
            """;
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string>
        {
            ["procedures/tro-cap-than-nhan.md"] = Allowance,
            ["procedures/khai-sinh.md"] = AnswerFixtures.Birth,
        });

        var answer = await harness.AskAsync(question);

        Assert.Equal("tthc-tro-cap-than-nhan", answer.Citations[0].DocumentId);
        Assert.Equal(said, answer.Text.Contains("từ 07 ngày trở lên", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Nghị định 141/2025/NĐ-CP ký ngày nào, áp dụng tới khi nào?", "hết hiệu lực từ ngày 01/3/2027", "ngày ký")]
    [InlineData("nd 141/2025 bat dau ap dung tu hom nao, ky hom nao", "có hiệu lực từ ngày 01/7/2025", "ngày ký")]
    [InlineData("Luật 66/2025/QH15 có hiệu lực từ ngày nào?", "ban hành ngày 20/3/2025", "ngày có hiệu lực")]
    public async Task ADateAskedThatTheTextsRecordLacks_IsSaidOnceAsUnsaid_BesideTheDatesItHas(string question, string given, string unsaid)
    {
        const string DecreeWithoutSigningDate = """
            ---
            id: nd-141
            type: regulation
            number: 141/2025/NĐ-CP
            title: Nghị định 141/2025/NĐ-CP phân cấp trong lĩnh vực thủy lợi
            effective: 2025-07-01
            expires: 2027-03-01
            source: https://example.gov.vn/141
            ---
            # Nghị định 141/2025/NĐ-CP
            Nghị định 141/2025/NĐ-CP được công bố ngày 12/6/2025 và giao cho cấp xã quản lý công trình thủy lợi nhỏ.
            Ngày ký: chưa có thông tin chính thức.
            """;
        const string LawWithoutEffectiveDate = """
            ---
            id: luat-66
            type: regulation
            number: 66/2025/QH15
            title: Luật Thủy lợi sửa đổi số 66/2025/QH15
            issued: 2025-03-20
            source: https://example.gov.vn/66
            ---
            # Luật Thủy lợi sửa đổi số 66/2025/QH15
            Luật sửa đổi quy định về quản lý công trình thủy lợi.
            """;
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string>
        {
            ["regulations/nd-141.md"] = DecreeWithoutSigningDate,
            ["regulations/luat-66.md"] = LawWithoutEffectiveDate,
        });

        var answer = await harness.AskAsync(question);

        Assert.Equal("answer", answer.Decision.Rule);
        Assert.Contains(given, answer.Text, StringComparison.Ordinal);
        var line = Assert.Single(answer.Text.Split('\n'), l => l.StartsWith(Replies.Unsaid, StringComparison.Ordinal));
        Assert.StartsWith($"{Replies.Unsaid} {unsaid} của ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADateAskedThatASentenceSaidGives_IsNotAlsoSaidToBeUnknown()
    {
        const string DecreeWithAnUnverifiedDate = """
            ---
            id: nd-152
            type: regulation
            number: 152/2025/NĐ-CP
            title: Nghị định 152/2025/NĐ-CP về tổ chức các phòng chuyên môn
            issued: 2025-06-12
            source: https://example.gov.vn/152
            ---
            # Nghị định 152/2025/NĐ-CP
            Nghị định 152/2025/NĐ-CP quy định các phòng chuyên môn của xã. Một trang tỉnh ghi ngày có hiệu lực là 16/6/2025, nhưng thông tin này chưa được kiểm chứng.
            """;
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string> { ["regulations/nd-152.md"] = DecreeWithAnUnverifiedDate });

        var answer = await harness.AskAsync("Nghị định 152/2025/NĐ-CP có hiệu lực từ ngày nào?");

        Assert.Contains("16/6/2025", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Replies.Unsaid, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryDateAskedThatTheTextsRecordHas_LeavesNoUnsaidLine()
    {
        var answer = await Harness.AskAsync("Nghị định 129/2025/NĐ-CP ký ngày nào, có hiệu lực đến khi nào?");

        Assert.Contains("hết hiệu lực từ ngày 01/3/2027", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Replies.Unsaid, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuestionOnAPermitsValidity_GetsNoDatesOfTexts()
    {
        var answer = await Harness.AskAsync("giấy phép xây dựng có hiệu lực bao lâu");

        Assert.DoesNotContain("ban hành ngày", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("đăng ký khai sinh mất bao lâu", "Thời hạn giải quyết", "Trong ngày")]
    [InlineData("đăng ký khai sinh nộp ở đâu", "Nơi nộp hồ sơ", "Trung tâm Phục vụ hành chính công cấp xã")]
    [InlineData("ai giải quyết đăng ký khai sinh", "Cơ quan giải quyết", "Ủy ban nhân dân cấp xã")]
    [InlineData("lệ phí đăng ký khai sinh", "Lệ phí", "Miễn lệ phí")]
    public async Task TheFirstSentenceAnswersTheItemAsked(string question, string label, string fact)
    {
        var answer = await Harness.AskAsync(question);

        var first = FirstSentence(answer.Text);
        Assert.StartsWith(label, first, StringComparison.Ordinal);
        Assert.Contains(fact, first, StringComparison.Ordinal);
        Assert.EndsWith("[1].", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("đăng ký kết hôn có tốn phí không ạ", "Không")]
    [InlineData("lữ hành nội địa tại cấp tỉnh có mất phí không", "Có")]
    [InlineData("ông bà đi khai sinh cho cháu có cần giấy ủy quyền không", "Không")]
    [InlineData("đăng ký khai sinh trên VNeID được không", "Có")]
    [InlineData("đăng ký nghĩa vụ quân sự có mất phí không", "Không")]
    public async Task AYesNoQuestion_GetsYesOrNoFirst_WithTheFact(string question, string word)
    {
        var answer = await Harness.AskAsync(question);

        Assert.StartsWith(word + ". ", answer.Text, StringComparison.Ordinal);
        Assert.EndsWith("[1].", FirstSentence(answer.Text[(word.Length + 2)..]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AYesNoVerdict_IsDecidedByTheLineSaidFirst_NotByALaterOneOfTheList()
    {
        const string Residence = """
            ---
            id: tthc-thuong-tru
            type: procedure
            title: Đăng ký thường trú
            level: xa
            source: https://dichvucong.gov.vn/thuong-tru
            ---
            # Đăng ký thường trú

            ## Điều kiện
            - Có chỗ ở hợp pháp thuộc sở hữu của mình; hoặc
            - Về ở với người thân và được chủ hộ đồng ý; người chưa thành niên mà cha mẹ không đồng ý thì không được.
            """;
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string> { ["procedures/thuong-tru.md"] = Residence });

        var answer = await harness.AskAsync("cháu 16 tuổi về ở với tôi, cha mẹ cháu đồng ý rồi, đăng ký thường trú được không, cần điều kiện gì");

        Assert.StartsWith("Điều kiện đăng ký thường trú", answer.Text, StringComparison.Ordinal);
    }

    private const string LiquorLicence = """
        ---
        id: tthc-ban-le-ruou
        type: procedure
        title: Cấp Giấy phép bán lẻ rượu
        level: xa
        source: https://example.gov.vn/ruou
        ---
        # Cấp Giấy phép bán lẻ rượu

        ## Nơi nộp và cách thức nộp
        - Trực tiếp tại Trung tâm Phục vụ hành chính công cấp xã.

        ## Cơ quan giải quyết
        - Ủy ban nhân dân cấp xã nơi đặt địa điểm kinh doanh.
        - Tỉnh Thanh Hóa giao việc cấp phép cho phường từ ngày 22/8/2025.

        ## Thời hạn giải quyết
        - 10 ngày làm việc.
        - Quầy hàng trong chợ tạm: 05 ngày làm việc kể từ khi ban quản lý chợ xác nhận.

        ## Lệ phí
        - Mức lệ phí do Hội đồng nhân dân cấp tỉnh quy định.
        """;

    [Fact]
    public async Task ALineNamingTheProvinceAsked_AnswersIt_AndTheFirstLineOfItsItemIsStillSaid()
    {
        using var harness = await AnswerHarness.StartWithAsync("procedures/ban-le-ruou.md", LiquorLicence);

        var answer = await harness.AskAsync("ở Thanh Hóa xin giấy phép bán lẻ rượu thì lên phường được chưa");

        Assert.Contains("Tỉnh Thanh Hóa giao việc cấp phép cho phường", FirstSentence(answer.Text), StringComparison.Ordinal);
        Assert.Contains("\n- Cơ quan giải quyết: Ủy ban nhân dân cấp xã nơi đặt địa điểm kinh doanh", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xin giấy phép bán lẻ rượu thì đơn viết theo mẫu nào")]
    [InlineData("xin giay phep ban le ruou dung to khai mau gi, mat may ngay")]
    public async Task AFormAsked_IsAnsweredByTheLinesThatNameOne(string question)
    {
        const string withForms = LiquorLicence + """

            ## Thành phần hồ sơ
            - Đơn đề nghị cấp Giấy phép bán lẻ rượu theo Mẫu số 01.
            - Bản sao giấy chứng nhận đăng ký hộ kinh doanh.
            """;
        using var harness = await AnswerHarness.StartWithAsync("procedures/ban-le-ruou.md", withForms);

        var answer = await harness.AskAsync(question);

        Assert.Equal("answer", answer.Decision.Rule);
        Assert.StartsWith("Mẫu đơn, tờ khai cấp Giấy phép bán lẻ rượu (cấp xã): Đơn đề nghị cấp Giấy phép bán lẻ rượu theo Mẫu số 01 [1].", answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ARecordWhoseTitleSaysItsLevel_IsNamedWithItOnce()
    {
        var titledWithLevel = LiquorLicence.Replace("title: Cấp Giấy phép bán lẻ rượu", "title: Cấp Giấy phép bán lẻ rượu (cấp xã)", StringComparison.Ordinal);
        using var harness = await AnswerHarness.StartWithAsync("procedures/ban-le-ruou.md", titledWithLevel);

        var answer = await harness.AskAsync("xin giấy phép bán lẻ rượu mất mấy ngày");

        Assert.StartsWith("Thời hạn giải quyết cấp Giấy phép bán lẻ rượu (cấp xã): 10 ngày làm việc", answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ALineTooLongToSayWhole_KeepsTheClauseThatSpeaksToTheQuestion_NotOnlyItsHead()
    {
        const string longLine = """
            ---
            id: tthc-ban-le-ruou
            type: procedure
            title: Cấp Giấy phép bán lẻ rượu
            level: xa
            source: https://example.gov.vn/ruou
            ---
            # Cấp Giấy phép bán lẻ rượu

            ## Cơ quan giải quyết
            - Ủy ban nhân dân cấp xã nơi đặt địa điểm kinh doanh.

            ## Thời hạn giải quyết
            - 10 ngày làm việc.
            - Quầy hàng trong chợ tạm: 05 ngày làm việc kể từ khi ban quản lý chợ xác nhận. Hồ sơ nộp trực tiếp được kiểm tra ngay khi tiếp nhận, hồ sơ gửi qua bưu chính được kiểm tra trong ngày làm việc kế tiếp, hồ sơ thiếu được trả lại kèm phiếu hướng dẫn bổ sung. Riêng quầy hàng lưu động ở phiên chợ đêm thì thời hạn là 03 ngày làm việc.
            """;
        using var harness = await AnswerHarness.StartWithAsync("procedures/ban-le-ruou.md", longLine);

        var answer = await harness.AskAsync("quầy lưu động ở phiên chợ đêm xin giấy phép bán lẻ rượu thì mất mấy ngày");

        var line = Assert.Single(answer.Text.Split('\n'), l => l.StartsWith("- Quầy hàng trong chợ tạm", StringComparison.Ordinal));
        Assert.Contains("… Riêng quầy hàng lưu động ở phiên chợ đêm thì thời hạn là 03 ngày làm việc.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("bưu chính", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormAsked_OfARecordNamingNoneByNumber_IsAnsweredByItsDeclaration()
    {
        const string withDeclaration = LiquorLicence + """

            ## Thành phần hồ sơ
            - Tờ khai đề nghị cấp Giấy phép bán lẻ rượu.
            - Bản sao giấy chứng nhận đăng ký hộ kinh doanh.
            """;
        using var harness = await AnswerHarness.StartWithAsync("procedures/ban-le-ruou.md", withDeclaration);

        var answer = await harness.AskAsync("xin giấy phép bán lẻ rượu thì dùng tờ khai gì");

        Assert.StartsWith("Mẫu đơn, tờ khai cấp Giấy phép bán lẻ rượu (cấp xã): Tờ khai đề nghị cấp Giấy phép bán lẻ rượu [1].", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormAsked_IsSaidOnce_ThoughTheStepsNameItAgain()
    {
        const string withForms = LiquorLicence + """

            ## Thành phần hồ sơ
            - Đơn đề nghị cấp Giấy phép bán lẻ rượu theo Mẫu số 01.
            ## Trình tự thực hiện
            - Bước 1: Chuẩn bị đơn theo Mẫu số 01 và nộp tại bộ phận một cửa.
            """;
        using var harness = await AnswerHarness.StartWithAsync("procedures/ban-le-ruou.md", withForms);

        var answer = await harness.AskAsync("xin giấy phép bán lẻ rượu thì đơn viết theo mẫu nào");

        Assert.StartsWith("Mẫu đơn, tờ khai", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Text.Split("Mẫu số 01").Length == 2, answer.Text); // named once
    }

    [Fact]
    public async Task AFormAsked_ThatTheRecordNamesNowhere_IsTheOneLineOnWhatTheSourcesDoNotSay()
    {
        using var harness = await AnswerHarness.StartWithAsync("procedures/ban-le-ruou.md", LiquorLicence);

        var answer = await harness.AskAsync("xin giấy phép bán lẻ rượu thì đơn viết theo mẫu nào, nộp ở đâu");

        Assert.Single(answer.Text.Split('\n'), l => l.StartsWith("Nguồn chưa nêu mẫu đơn, tờ khai", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoItemAsked_TheLineThatAnswersIsNamedByItsItem()
    {
        using var harness = await AnswerHarness.StartWithAsync("procedures/ban-le-ruou.md", LiquorLicence);

        var answer = await harness.AskAsync("quầy bán rượu trong chợ tạm thì xin giấy phép bán lẻ rượu có cần ban quản lý chợ xác nhận trước");

        Assert.Contains("Thời hạn giải quyết cấp Giấy phép bán lẻ rượu (cấp xã): Quầy hàng trong chợ tạm", answer.Text.Split('\n')[0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ALineOfAnItemThatSpeaksToTheQuestion_SaysWhichItemItIs_BesideThatItemsFirstLine()
    {
        using var harness = await AnswerHarness.StartWithAsync("procedures/ban-le-ruou.md", LiquorLicence);

        var answer = await harness.AskAsync("xin giấy phép bán lẻ rượu ở đâu, quầy trong chợ tạm thì ban quản lý chợ có phải xác nhận trước không");

        Assert.StartsWith("Nơi nộp hồ sơ", answer.Text, StringComparison.Ordinal);
        Assert.Contains("\n- Thời hạn giải quyết: Quầy hàng trong chợ tạm: 05 ngày làm việc", answer.Text, StringComparison.Ordinal);
        Assert.Contains("\n- Thời hạn giải quyết: 10 ngày làm việc", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatATextSaysInAnotherRetrievedPassage_FollowsTheFirstSentence_CitedApart()
    {
        const string decree = """
            ---
            id: nd-999-2025
            type: regulation
            number: 999/2025/NĐ-CP
            title: Nghị định 999/2025/NĐ-CP phân định thẩm quyền trong lĩnh vực đo đạc và khoáng sản
            effective: 2025-07-01
            source: https://example.gov.vn/999
            ---
            # Nghị định 999/2025/NĐ-CP

            ## Điều 1. Nhiệm vụ chuyển về cấp xã
            Có 45 nhiệm vụ về đo đạc bản đồ chuyển từ cấp huyện về cấp xã.

            ## Điều 2. Nhiệm vụ chuyển lên cấp tỉnh
            Có 17 nhiệm vụ về khoáng sản chuyển từ cấp huyện lên cấp tỉnh.
            """;
        using var harness = await AnswerHarness.StartWithAsync("regulations/nd-999.md", decree);

        var answer = await harness.AskAsync("Nghị định 999/2025 giao bao nhiêu nhiệm vụ đo đạc bản đồ về xã, bao nhiêu nhiệm vụ khoáng sản lên tỉnh?");

        Assert.Contains("45 nhiệm vụ", answer.Text, StringComparison.Ordinal);
        Assert.Contains("17 nhiệm vụ", answer.Text, StringComparison.Ordinal);
        Assert.Equal(2, answer.Citations.Select(c => c.ChunkId).Distinct().Count());
        Assert.Contains(" [2].", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("140/2025/NĐ-CP: Quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Xây dựng", "Nghị định 140/2025/NĐ-CP")]
    [InlineData("Thông tư số 72/2025/TT-BXD ngày 30 tháng 6 năm 2025 sửa đổi, bổ sung một số điều của các thông tư trong lĩnh vực đường thủy nội địa", "Thông tư 72/2025/TT-BXD")]
    [InlineData("2338/QĐ-BTP: Hướng dẫn phối hợp thực hiện một số quy định của pháp luật về hòa giải ở cơ sở và công bố thủ tục", "Quyết định 2338/QĐ-BTP")]
    [InlineData("Nghị định 120/2025/NĐ-CP, Điều 4", "Nghị định 120/2025/NĐ-CP, Điều 4")]
    [InlineData("31/2018/QH14: Quy định nhập khẩu cây mang theo bầu đất và mã số vùng trồng, mã số cơ sở đóng góisố 38/2026/NĐ-CP", "Nghị định 38/2026/NĐ-CP")]
    public async Task AnOfficialsFirstSentence_CitesALongLegalBasisByItsKindAndNumber(string basis, string cited)
    {
        var record = $"""
            ---
            id: tthc-ben-khach
            type: procedure
            title: Công bố hoạt động bến khách ngang sông
            level: xa
            legal_basis: ["{basis}"]
            source: https://example.gov.vn/ben
            ---
            # Công bố hoạt động bến khách ngang sông

            ## Thời hạn giải quyết
            - 05 ngày làm việc.
            """;
        using var harness = await AnswerHarness.StartWithAsync("procedures/ben.md", record);

        var answer = await harness.AskAsync("công bố hoạt động bến khách ngang sông mất mấy ngày", Persona.Official);

        Assert.Contains($"(căn cứ: {cited})", FirstSentence(answer.Text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWordTheAskerNegatesInTheirStory_IsNotTheYesOrNoAsked()
    {
        const string help = """
            ---
            id: guide-ho-tro-nop-truc-tuyen
            type: guide
            title: Hỗ trợ người dân nộp hồ sơ trực tuyến
            source: https://example.gov.vn/ho-tro
            ---
            # Hỗ trợ người dân nộp hồ sơ trực tuyến
            Người không biết dùng điện thoại thông minh được nhân viên bưu điện hoặc tình nguyện viên tại trung tâm làm giúp hồ sơ trực tuyến.
            """;
        using var harness = await AnswerHarness.StartWithAsync("guides/ho-tro.md", help);

        var answer = await harness.AskAsync("mẹ tôi không biết dùng điện thoại thông minh, ra trung tâm muốn nộp hồ sơ trực tuyến thì có ai làm giúp không");

        Assert.Contains("nhân viên bưu điện hoặc tình nguyện viên", answer.Text, StringComparison.Ordinal);
        Assert.False(answer.Text.StartsWith("Không.", StringComparison.Ordinal), answer.Text);
    }

    [Fact]
    public async Task NoYes_FromALineThatDoesNotNameTheOfficeOrLevelAsked()
    {
        const string sand = """
            ---
            id: guide-khai-thac-cat
            type: guide
            title: Cấp phép khai thác cát lòng sông
            source: https://example.gov.vn/cat
            ---
            # Cấp phép khai thác cát lòng sông
            Việc cấp phép khai thác cát lòng sông do Ủy ban nhân dân cấp tỉnh quyết định sau khi thẩm định hồ sơ khai thác cát.
            """;
        using var harness = await AnswerHarness.StartWithAsync("guides/cat.md", sand);

        var atCommune = await harness.AskAsync("cấp phép khai thác cát lòng sông thẩm định hồ sơ có làm ở cấp xã được không");
        var atProvince = await harness.AskAsync("cấp phép khai thác cát lòng sông thẩm định hồ sơ có làm ở cấp tỉnh được không");

        Assert.Contains("Ủy ban nhân dân cấp tỉnh quyết định", atCommune.Text, StringComparison.Ordinal);
        Assert.False(atCommune.Text.StartsWith("Có.", StringComparison.Ordinal), atCommune.Text);
        Assert.StartsWith("Có.", atProvince.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFeeWaivedOnlyForFilingInTime_GetsNoVerdict_ButTheConditionFirst()
    {
        var answer = await Harness.AskAsync("con được 3 tháng rồi mới đi khai sinh, có mất tiền không");

        Assert.StartsWith("Lệ phí đăng ký khai sinh", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Miễn lệ phí khi đăng ký đúng hạn", FirstSentence(answer.Text), StringComparison.Ordinal);
        Assert.Contains("Đăng ký quá hạn", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuestionCountingSomething_IsAnsweredByTheSentenceThatCountsIt_NotByANumberItStatesItself()
    {
        const string guide = """
            ---
            id: guide-goi-nghi-dinh
            type: guide
            title: "Tổng quan gói nghị định phân cấp năm 2025"
            source: https://example.gov.vn/goi-nghi-dinh
            ---
            # Tổng quan gói nghị định phân cấp năm 2025

            Tháng 6/2025, Chính phủ ban hành 28 nghị định chia lại nhiệm vụ giữa cấp tỉnh và cấp xã. Hướng dẫn này giải thích gói nghị định và thời hạn áp dụng của gói.

            ## Cơ cấu gói nghị định

            Theo Bộ Tư pháp:

            - 11 nghị định phân định thẩm quyền;
            - 14 nghị định phân quyền, phân cấp;
            - 3 nghị định kết hợp.

            ## Thời hạn áp dụng

            Gói nghị định áp dụng từ ngày 01/7/2025 đến ngày 01/3/2027.
            """;
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string> { ["guides/goi.md"] = guide, ["procedures/khai-sinh.md"] = AnswerFixtures.Birth });

        var answer = await harness.AskAsync("gói 28 nghị định phân cấp chia làm mấy loại, mỗi loại bao nhiêu nghị định");

        Assert.Contains("11 nghị định phân định thẩm quyền", answer.Text, StringComparison.Ordinal);
        Assert.Contains("14 nghị định phân quyền, phân cấp", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALineOnFilingInTimeOrLate_ComesWithTheDeadline()
    {
        const string record = """
            ---
            id: tthc-khai-tu
            type: procedure
            title: "Đăng ký khai tử"
            level: xa
            source: https://example.gov.vn/khai-tu
            ---
            # Đăng ký khai tử

            Người thân có trách nhiệm đi đăng ký khai tử trong thời hạn 15 ngày kể từ ngày người đó chết.

            ## Nơi nộp và cách thức nộp
            - Trực tiếp tại Trung tâm Phục vụ hành chính công cấp xã.
            ## Lệ phí
            - Miễn lệ phí khi đăng ký đúng hạn.
            - Đăng ký quá hạn: mức lệ phí do Hội đồng nhân dân cấp tỉnh quy định.
            """;
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string> { ["procedures/khai-tu.md"] = record });

        var answer = await harness.AskAsync("ông mất hơn 3 tuần rồi nhà mới đi đăng ký khai tử thì lệ phí thế nào");

        Assert.Contains("Miễn lệ phí khi đăng ký đúng hạn", FirstSentence(answer.Text), StringComparison.Ordinal);
        Assert.Contains("\n- Hạn phải làm thủ tục: người thân có trách nhiệm đi đăng ký khai tử trong thời hạn 15 ngày kể từ ngày người đó chết\n", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANoteInBrackets_IsSaidWithTheLineItQualifies_NotAsAnItemOfItsOwn()
    {
        const string record = """
            ---
            id: tthc-nvqs-bo-sung
            type: procedure
            title: "Đăng ký nghĩa vụ quân sự bổ sung"
            level: xa
            source: https://example.gov.vn/nvqs
            ---
            # Đăng ký nghĩa vụ quân sự bổ sung
            ## Thời hạn giải quyết
            - Nộp trực tiếp: 01 ngày làm việc.
            - Nộp trực tuyến: 02 giờ.
            - (Theo bản ghi trên Cơ sở dữ liệu quốc gia về thủ tục hành chính.)
            """;
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string> { ["procedures/nvqs.md"] = record });

        var answer = await harness.AskAsync("đăng ký nghĩa vụ quân sự bổ sung mất bao lâu");

        Assert.Contains("\n- Nộp trực tuyến: 02 giờ (theo bản ghi trên Cơ sở dữ liệu quốc gia về thủ tục hành chính)\n", answer.Text + "\n", StringComparison.Ordinal);
        Assert.DoesNotContain("- (", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondItemAsked_SaysItsFirstLine_ThenTheLineThatSpeaksToTheQuestion_BeforeTheOthers()
    {
        // The second item's lines do not all fit in one line: the one on re-taking photographs is said, though two
        // others stand before it.
        const string record = """
            ---
            id: tthc-the-thu-vien
            type: procedure
            title: "Cấp lại thẻ thư viện xã"
            level: xa
            source: https://example.gov.vn/thu-vien
            ---
            # Cấp lại thẻ thư viện xã
            ## Lệ phí
            - 15.000 đồng/thẻ.
            ## Nơi nộp và cách thức nộp
            - Trực tiếp tại quầy thư viện thuộc Trung tâm văn hóa xã, giờ hành chính.
            - Qua bưu chính công ích, gửi kèm bản sao căn cước và phong bì có dán tem ghi sẵn địa chỉ người nhận.
            - Trực tuyến; khi đó thư viện dùng lại ảnh thẻ đã lưu, không chụp lại.
            """;
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string>(AnswerFixtures.All) { ["procedures/the-thu-vien.md"] = record });

        var answer = await harness.AskAsync("cấp lại thẻ thư viện xã bao nhiêu tiền, làm online có phải chụp ảnh thẻ lại không");

        var place = Assert.Single(answer.Text.Split('\n'), l => l.StartsWith("- Nơi nộp hồ sơ:", StringComparison.Ordinal));
        Assert.Contains("quầy thư viện", place, StringComparison.Ordinal);
        Assert.Contains("dùng lại ảnh thẻ đã lưu", place, StringComparison.Ordinal);
        Assert.DoesNotContain("bưu chính", place, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANoteThatSpeaksToTheQuestion_IsSaid_ButNotOnePointingToAnotherProcedure_NorOneOnlyNamingANumberOfTheAskersKind()
    {
        const string record = """
            ---
            id: tthc-hang-rong
            type: procedure
            title: "Cấp giấy phép bán hàng rong"
            level: xa
            source: https://example.gov.vn/hang-rong
            ---
            # Cấp giấy phép bán hàng rong
            ## Nơi nộp và cách thức nộp
            - Trực tiếp tại Trung tâm Phục vụ hành chính công cấp xã.
            ## Thời hạn giải quyết
            - 03 ngày làm việc.
            ## Ghi chú
            - Sổ đăng ký cơ sở sản xuất nhỏ lẻ không thay thế được giấy phép này.
            - Bản ghi trên cổng tỉnh ghi thời hạn 02 ngày.
            - Bán bánh mì nhân thịt rong thì xem thêm thủ tục “Cấp giấy xác nhận an toàn thực phẩm”.
            """;
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string>(AnswerFixtures.All) { ["procedures/hang-rong.md"] = record });

        var answer = await harness.AskAsync("nhà em có sổ đăng ký cơ sở sản xuất nhỏ lẻ rồi, đi bán bánh mì nhân thịt rong chừng 10 ngày thì xin giấy phép bán hàng rong ở đâu");

        Assert.Contains("không thay thế được giấy phép này", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bản ghi trên cổng", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("thủ tục “", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ghi chú", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALineThatStatesSomethingThenWhatIsNotKnown_SaysOnlyItsStatement()
    {
        const string record = """
            ---
            id: tthc-ben-thuyen
            type: procedure
            title: "Cấp phép bến thuyền nhỏ"
            level: xa
            source: https://example.gov.vn/ben-thuyen
            ---
            # Cấp phép bến thuyền nhỏ
            ## Lệ phí
            - 100.000 đồng/bến. Mức thu ở từng tỉnh: chưa có thông tin chính thức.
            ## Thời hạn giải quyết
            - 05 ngày làm việc.
            """;
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string> { ["procedures/ben-thuyen.md"] = record });

        var answer = await harness.AskAsync("cấp phép bến thuyền nhỏ mất bao lâu");

        var fee = Assert.Single(answer.Text.Split('\n'), l => l.StartsWith("- Lệ phí:", StringComparison.Ordinal));
        Assert.Contains("100.000 đồng/bến", fee, StringComparison.Ordinal);
        Assert.DoesNotContain("chưa có thông tin", fee, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyStatedByRole_IsSaidWithEveryRole_SoTheOneWhoDecidesIsNamed()
    {
        const string record = """
            ---
            id: tthc-benh-hiem-ngheo
            type: procedure
            title: "Xác nhận cán bộ nghỉ hưu mắc bệnh hiểm nghèo"
            level: xa
            source: https://example.gov.vn/benh-hiem-ngheo
            ---
            # Xác nhận cán bộ nghỉ hưu mắc bệnh hiểm nghèo
            ## Cơ quan giải quyết
            - Tiếp nhận: Ban chỉ huy quân sự cấp xã nơi cán bộ cư trú.
            - Quyết định: Bộ chỉ huy quân sự cấp tỉnh.
            - Bản ghi xếp thủ tục vào cả cấp tỉnh và cấp xã.
            ## Nơi nộp và cách thức nộp
            - Trực tiếp tại Ban chỉ huy quân sự cấp xã.
            ## Lệ phí
            - Không thu lệ phí.
            """;
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string> { ["procedures/benh.md"] = record });

        var whereToGo = await harness.AskAsync("xác nhận cán bộ nghỉ hưu mắc bệnh hiểm nghèo nộp hồ sơ ở đâu");
        var unasked = await harness.AskAsync("xác nhận cán bộ nghỉ hưu mắc bệnh hiểm nghèo có mất lệ phí không");

        const string roles = "Tiếp nhận: Ban chỉ huy quân sự cấp xã nơi cán bộ cư trú; quyết định: Bộ chỉ huy quân sự cấp tỉnh";
        Assert.Contains($"\n- Cơ quan giải quyết: {roles}", whereToGo.Text, StringComparison.Ordinal);
        Assert.Contains($"\n- Cơ quan giải quyết: {roles}", unasked.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARowAlreadySaid_IsNotSaidAgain_AndTheRowBesideItStillIs()
    {
        // The bundled corpus: "giờ" (now) of the question speaks to the record's online row ("02 giờ"), said among the
        // lines that speak to the question before the time limit's own line.
        using var harness = await AnswerHarness.StartOverTheBundledCorpusAsync();

        var answer = await harness.AskAsync("con trai tôi vừa xuất ngũ, giờ đăng ký ngạch dự bị ở đâu");

        Assert.Contains("Nộp trực tuyến: 02 giờ", answer.Text, StringComparison.Ordinal);
        Assert.Single(answer.Text.Split("02 giờ").Skip(1));
        Assert.Contains("Nộp trực tiếp: 01 ngày làm việc", answer.Text, StringComparison.Ordinal);

        // Who receives said among the lines that speak to the question; who decides, the row beside it, still said.
        var allowance = await harness.AskAsync("Chồng tôi đang đi nghĩa vụ ở đơn vị ngoài Bắc, nhà ở quê vừa bị lũ cuốn sập. Tôi lên UBND xã làm đơn xin trợ cấp khó khăn đột xuất được không ạ?");

        Assert.Single(allowance.Text.Split("Tiếp nhận: đơn vị quân đội cấp đại đội").Skip(1));
        Assert.Contains("uyết định: đơn vị cấp trung đoàn hoặc tương đương", allowance.Text, StringComparison.Ordinal);
    }

    // The records' own per-channel rows (corpus) and the catalogue's ("Trực tuyến, Dịch vụ bưu chính: 45 Ngày").
    [Theory]
    [InlineData("- Nộp trực tiếp: 10.000 đồng.\n- Nộp trực tuyến: 5.000 đồng.", "Nộp trực tiếp: 10.000 đồng; nộp trực tuyến: 5.000 đồng", "01 ngày làm việc")]
    [InlineData("- Trực tuyến, Dịch vụ bưu chính: 45 Ngày\n- Trực tiếp: 60 Ngày", "Trực tuyến, Dịch vụ bưu chính: 45 Ngày; trực tiếp: 60 Ngày", "Miễn phí")]
    [InlineData("- Nộp trực tiếp: 01 ngày làm việc.\n- Nộp trực tuyến: 02 giờ.\n- (Theo bản ghi trên Cơ sở dữ liệu quốc gia về thủ tục hành chính.)", "Nộp trực tiếp: 01 ngày làm việc; nộp trực tuyến: 02 giờ", "Miễn phí")]
    [InlineData("- Nộp trực tiếp: 10.000 đồng.\n- Nộp trực tuyến: bản ghi không ghi mức phí.", null, "01 ngày làm việc")]
    public async Task AnItemStatedPerFilingChannel_IsSaidForEveryChannel_InOneLineWhenUnasked(string rows, string? joined, string other)
    {
        var feeRows = rows.Contains("đồng", StringComparison.Ordinal);
        var record = $"""
            ---
            id: tthc-tach-ho
            type: procedure
            title: "Tách hộ"
            level: xa
            source: https://example.gov.vn/tach-ho
            ---
            # Tách hộ
            ## Nơi nộp và cách thức nộp
            - Trực tiếp tại Công an cấp xã.
            ## Thời hạn giải quyết
            {(feeRows ? "- 01 ngày làm việc." : rows)}
            ## Lệ phí
            {(feeRows ? rows : "- Miễn phí.")}
            """;
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string> { ["procedures/tach-ho.md"] = record });

        var asked = await harness.AskAsync(feeRows ? "tách hộ hết bao nhiêu tiền" : "tách hộ mất bao lâu");
        var unasked = await harness.AskAsync("tách hộ nộp ở đâu");

        Assert.Contains(other, asked.Text, StringComparison.Ordinal);
        var label = feeRows ? "Lệ phí" : "Thời hạn giải quyết";
        if (joined is null)
        {
            // A row that only says the record does not give it is not said with the one that does.
            Assert.Contains($"\n- {label}: Nộp trực tiếp: 10.000 đồng", unasked.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("nộp trực tuyến: bản ghi không ghi", unasked.Text, StringComparison.OrdinalIgnoreCase);
            return;
        }

        Assert.All(joined.Split("; "), row => Assert.Contains(row, asked.Text, StringComparison.OrdinalIgnoreCase));
        // Said in passing, the rows drop their note in brackets; asked, the note stays with its row.
        Assert.Contains($"\n- {label}: {joined}\n", unasked.Text + "\n", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hạn chót đi đăng ký khai sinh cho con là bao lâu")]
    [InlineData("dang ky khai sinh cho be cham nhat may ngay phai di")]
    public async Task ADeadlineAsked_IsAnsweredFirstWithTheClauseThatSaysByWhenThePersonMustAct_NotWithTheProcessingTime(string question)
    {
        var answer = await Harness.AskAsync(question);

        var first = FirstSentence(answer.Text);
        Assert.StartsWith("Hạn phải làm thủ tục đăng ký khai sinh", first, StringComparison.Ordinal);
        Assert.Contains("trong 60 ngày kể từ ngày sinh", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Trong ngày", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeadlineWrittenInAStep_IsSaidWithoutTheStepsBulletAndLabel()
    {
        var record = """
            ---
            id: tthc-khai-thue-x
            type: procedure
            title: "Khai thuế tài nguyên"
            level: tinh
            source: https://example.gov.vn/khai-thue-x
            ---
            # Khai thuế tài nguyên
            ## Trình tự thực hiện
            - + Bước 1: Người nộp thuế lập tờ khai và gửi đến cơ quan thuế chậm nhất là ngày thứ 20 của tháng tiếp theo tháng phát sinh.
            - + Bước 2: Cơ quan thuế tiếp nhận.
            ## Thời hạn giải quyết
            - Không quá 03 ngày làm việc.
            """;
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string> { ["procedures/khai-thue-x.md"] = record });

        var answer = await harness.AskAsync("khai thuế tài nguyên hạn chót nộp tờ khai là ngày nào");

        var first = answer.Text.Split('\n')[0];
        Assert.StartsWith("Hạn phải làm thủ tục khai thuế tài nguyên", first, StringComparison.Ordinal);
        Assert.Contains("): người nộp thuế lập tờ khai và gửi đến cơ quan thuế chậm nhất là ngày thứ 20 của tháng tiếp theo", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeadlineTheRecordDoesNotState_BesideAnItemItStates_IsSaidToBeMissingInTheOneLine()
    {
        var answer = await Harness.AskAsync("đăng ký kết hôn hạn chót nộp hồ sơ là khi nào, ở đâu");

        Assert.StartsWith("Nơi nộp hồ sơ", answer.Text, StringComparison.Ordinal);
        Assert.Single(answer.Text.Split('\n'), l => l.StartsWith("Nguồn chưa nêu hạn phải làm thủ tục", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Khai tử: miễn lệ phí khi đăng ký đúng hạn.", "khai tử có phải đóng lệ phí không", null)]
    [InlineData("Miễn lệ phí đối với công dân Việt Nam cư trú ở trong nước", "đăng ký kết hôn có mất phí không", "Không")]
    [InlineData("Nộp trực tiếp: 0 đồng; nộp trực tuyến: 0 đồng", "có mất tiền không", "Không")]
    [InlineData("10.000 đồng/trường hợp", "có mất phí không", "Có")]
    [InlineData("Theo mức do Hội đồng nhân dân cấp tỉnh quy định", "có tốn phí không", "Có")]
    [InlineData("Miễn lệ phí khi đăng ký đúng hạn; đăng ký quá hạn: 20.000 đồng", "có mất phí không", null)]
    [InlineData("10.000 đồng/trường hợp", "tốn bao nhiêu, nhờ em gái đi ký giùm được không", null)]
    [InlineData("Miễn lệ phí", "het bao nhieu tien, lam online duoc ko", null)]
    public void AYesNoAboutTheFee_IsNoWhenItIsWaived_YesWhenNothingSaysSo_NeitherWhenBothOrTheSumIsAskedOrTheWaiverNeedsFilingInTime(string fee, string question, string? word)
    {
        Assert.Equal(word, AnswerComposer.FeeVerdict(fee, question));
    }

    [Theory]
    [InlineData("Nghị định 129/2025/NĐ-CP áp dụng đến ngày 01/3/2027 phải không", "Có. ")]
    [InlineData("Nghị định 129/2025/NĐ-CP áp dụng đến ngày 01/3/2028 phải không", "Theo")]
    [InlineData("chủ tịch xã tặng danh hiệu gia đình văn hóa theo Nghị định 129/2025 phải không", "Có. ")]
    [InlineData("chủ tịch xã tặng danh hiệu gia đình văn hóa theo Nghị định 130/2025 phải không", "Theo")]
    public async Task AYesNoNamingANumber_IsNeverYesWhenTheLineAndItsTextDoNotStateIt(string question, string opening)
    {
        var answer = await Harness.AskAsync(question, Persona.Official);

        Assert.StartsWith(opening, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AYesNoTheItemAskedCannotAnswer_GetsTheConditionsToQualify()
    {
        var answer = await Harness.AskAsync("mẹ tôi 80 tuổi muốn hưởng trợ cấp hưu trí xã hội, có được không, cơ quan nào giải quyết");

        var conditions = Assert.Single(answer.Text.Split('\n'), l => l.StartsWith("- Điều kiện: ", StringComparison.Ordinal));
        Assert.Contains("75 tuổi", conditions, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("đăng ký khai sinh có phải lên huyện không")]
    [InlineData("dang ky khai sinh co phai len tinh khong")]
    [InlineData("đăng ký khai sinh ở UBND huyện được không")]
    [InlineData("đăng ký khai sinh là lên công an xã phải không")]
    public async Task AYesNoQuestionNamingAnOfficeTheRecordDoesNotSendTo_GetsNo_ThenWhereToGo(string question)
    {
        var answer = await Harness.AskAsync(question);

        Assert.StartsWith("Không. Nơi nộp hồ sơ", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Trung tâm Phục vụ hành chính công cấp xã", FirstSentence(answer.Text["Không. ".Length..]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("làm khai sinh cho con qua mạng được không", "Có", "Trực tuyến trên Cổng Dịch vụ công quốc gia")]
    [InlineData("dang ky khai sinh gui online dc ko", "Có", "Trực tuyến trên Cổng Dịch vụ công quốc gia")]
    [InlineData("khai sinh làm trên VNeID được không hay phải lên xã", "Có", "Trực tuyến trên Cổng Dịch vụ công quốc gia")]
    [InlineData("đăng ký kết hôn nộp online được không", "Không", "Trực tiếp tại Trung tâm Phục vụ hành chính công cấp xã")]
    [InlineData("dang ky ket hon gui qua buu dien duoc khong", "Không", "Trực tiếp tại Trung tâm Phục vụ hành chính công cấp xã")]
    public async Task AYesNoQuestionOnAFilingChannel_IsYesWhenTheRecordListsIt_NoWhenItListsOthersOnly_WithTheLineThatDecidesFirst(string question, string verdict, string decidingLine)
    {
        var answer = await Harness.AskAsync(question);

        Assert.StartsWith(verdict + ". Nơi nộp hồ sơ", answer.Text, StringComparison.Ordinal);
        Assert.Contains(decidingLine, FirstSentence(answer.Text[(verdict.Length + 2)..]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("đăng ký khai sinh làm ở ủy ban xã có cần giấy chứng sinh không")]
    [InlineData("dang ky khai sinh o trung tam hanh chinh cong xa co mat phi khong")]
    public async Task AnOfficeTheRecordDoesSendTo_DecidesNothing_TheItemAskedDoes(string question)
    {
        var answer = await Harness.AskAsync(question);

        Assert.DoesNotMatch("^(Có|Không)\\. Nơi nộp hồ sơ", answer.Text);
    }

    [Fact]
    public async Task TheItemAskedFirst_WhenTheRecordDoesNotGiveIt_IsSaidFirst_BeforeTheItemsItDoesGive()
    {
        var answer = await Harness.AskAsync("kinh doanh lữ hành nội địa thực hiện tại cấp xã nộp hồ sơ ở đâu, lệ phí bao nhiêu");

        var lines = answer.Text.Split('\n');
        Assert.StartsWith("Nguồn chưa nêu nơi nộp hồ sơ cấp giấy phép kinh doanh dịch vụ lữ hành nội địa", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Lệ phí", lines[1], StringComparison.Ordinal);
        Assert.Single(lines, l => l.StartsWith("Nguồn chưa nêu", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnItemAsked_GetsAtMostFiveShortLines_ThenOneLineForEachEssentialNotSaid_AndNotTheRestOfTheRecord()
    {
        var answer = await Harness.AskAsync("làm giấy khai sinh cho con cần những giấy tờ gì");

        var lines = answer.Text.Split('\n');
        var essentials = lines.Skip(1).Where(l => EssentialLabels.Any(label => l.StartsWith("- " + label + ":", StringComparison.Ordinal))).ToList();
        Assert.InRange(lines.Length - 1 - essentials.Count, 1, AnswerComposer.MaxLines);
        Assert.All(lines.Skip(1), l => Assert.InRange(l.Length, 1, AnswerComposer.MaxLineCharacters + 2));
        Assert.Equal(EssentialLabels, essentials.Select(l => EssentialLabels.First(label => l.StartsWith("- " + label, StringComparison.Ordinal))));
        Assert.DoesNotContain(AnswerComposer.WholeProcedureHeading, answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Trình tự thực hiện", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Giấy chứng sinh", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEssentialAsked_IsSaidOnce_FirstAndNotAgainAmongTheEssentials()
    {
        var answer = await Harness.AskAsync("đăng ký khai sinh mất bao lâu");

        Assert.StartsWith("Thời hạn giải quyết", answer.Text, StringComparison.Ordinal);
        Assert.Single(answer.Text.Split('\n'), l => l.Contains("Thời hạn giải quyết", StringComparison.Ordinal));
        Assert.Contains("\n- Lệ phí:", answer.Text, StringComparison.Ordinal);
    }

    private static readonly string[] EssentialLabels = ["Nơi nộp hồ sơ", "Cơ quan giải quyết", "Thời hạn giải quyết", "Lệ phí"];

    [Theory]
    [InlineData("đăng ký khai sinh nộp ở đâu", true)]
    [InlineData("ai giải quyết đăng ký khai sinh", true)]
    [InlineData("lệ phí đăng ký khai sinh", false)]
    [InlineData("đăng ký khai sinh mất bao lâu", false)]
    public async Task ThePapersToBring_CloseAnAnswerAboutWhereToGoOrWhoDecides_NotOneAboutTheFeeOrTime(string question, bool papers)
    {
        var answer = await Harness.AskAsync(question);

        var line = answer.Text.Split('\n').SingleOrDefault(l => l.StartsWith("- Hồ sơ:", StringComparison.Ordinal));
        Assert.Equal(papers, line is not null);
        if (line is not null)
        {
            Assert.Equal(line, answer.Text.Split('\n')[^1]);
            Assert.Contains("Giấy chứng sinh", line, StringComparison.Ordinal);
            Assert.InRange(line.Length, 1, "- Hồ sơ: ".Length + 140);
        }
    }

    [Fact]
    public async Task ASecondItemAsked_GetsItsListedLinesInOneLine_NotOnlyItsFirst()
    {
        // "ở đâu, cần giấy gì": the place leads; the papers follow as one line of as many items as fit.
        var answer = await Harness.AskAsync("đăng ký khai sinh nộp ở đâu, cần giấy gì");

        var papers = Assert.Single(answer.Text.Split('\n'), l => l.StartsWith("- Hồ sơ:", StringComparison.Ordinal));
        Assert.Contains("; ", papers, StringComparison.Ordinal);
        Assert.InRange(papers.Length, 1, AnswerComposer.MaxLineCharacters + 2);
    }

    [Fact]
    public async Task TheWholeProcedureAsked_ComesUnderItsOwnHeading_WithEveryStepNumbered()
    {
        var answer = await Harness.AskAsync("muốn làm giấy khai sinh cho con thì cần làm gì");

        Assert.Contains("\n\n" + AnswerComposer.WholeProcedureHeading + "\n", answer.Text, StringComparison.Ordinal);
        var whole = answer.Text[answer.Text.IndexOf(AnswerComposer.WholeProcedureHeading, StringComparison.Ordinal)..];
        Assert.Contains("Thời hạn giải quyết", whole, StringComparison.Ordinal);
        Assert.Contains("Lệ phí", whole, StringComparison.Ordinal);
        var steps = StepNumbers().Matches(answer.Text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([1, 2, 3, 4, 5], steps);
    }

    [Fact]
    public async Task StepsShownOutsideTheirList_LoseTheirNumbers()
    {
        // A single step picked because it speaks to the question would otherwise read "4." with 1–3 missing.
        var answer = await Harness.AskAsync("ai ghi vào Sổ đăng ký khai sinh, có cần giấy tờ gì không");

        var numbers = StepNumbers().Matches(answer.Text).Select(m => m.Groups[1].Value).ToList();
        Assert.True(numbers.Count == 0 || numbers[0] == "1", answer.Text);
    }

    [Fact]
    public async Task MarkersCloseSentences_NotEveryLine()
    {
        var answer = await Harness.AskAsync("làm giấy khai sinh cho con cần những giấy tờ gì");

        var lines = answer.Text.Split('\n');
        Assert.Contains("[1]", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.DoesNotContain("[1]", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhatTheSourcesDoNotSay_IsOneLineAtMost()
    {
        var answer = await Harness.AskAsync("đăng ký kết hôn mất bao lâu, cần điều kiện gì, căn cứ văn bản nào");

        var unsaid = answer.Text.Split('\n').Where(l => l.StartsWith("Nguồn chưa nêu", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(unsaid);
        Assert.Contains("điều kiện", line, StringComparison.Ordinal);
        Assert.Contains("căn cứ pháp lý", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFeeTheProvinceSets_AskedForANamedProvince_SaysInOneLineThatTheAmountIsNotGiven()
    {
        var answer = await Harness.AskAsync("lệ phí đăng ký kết hôn có yếu tố nước ngoài ở Đắk Lắk là bao nhiêu");

        Assert.Equal("answer", answer.Decision.Rule);
        Assert.Contains("Hội đồng nhân dân cấp tỉnh", FirstSentence(answer.Text), StringComparison.Ordinal);
        Assert.Contains("mức lệ phí cụ thể ở Đắk Lắk", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("làm giấy khai sinh cho con cần những giấy tờ gì")]
    [InlineData("thủ tục đăng ký khai sinh như thế nào")]
    [InlineData("Nghị định 129/2025/NĐ-CP áp dụng đến ngày nào?")]
    public async Task NoInternalIdsFileNamesOrNotes(string question)
    {
        var answer = await Harness.AskAsync(question);

        Assert.DoesNotContain("tthc-", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(".md", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ghi chú", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bản ghi thủ tục", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASummaryIsNamedAsOne_AndNeverQuotedAsTheTextItself()
    {
        var answer = await Harness.AskAsync("Nghị định 129/2025/NĐ-CP áp dụng đến ngày nào?");

        Assert.StartsWith("Theo bản tóm tắt Nghị định 129/2025/NĐ-CP", answer.Text, StringComparison.Ordinal);
        Assert.Contains("(không phải nguyên văn)", FirstSentence(answer.Text), StringComparison.Ordinal);
        Assert.DoesNotContain("\n>", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficialGetsTheLegalBasisInTheFirstSentence()
    {
        var official = await Harness.AskAsync("đăng ký khai sinh giờ do cơ quan nào giải quyết", Persona.Official);
        var citizen = await Harness.AskAsync("đăng ký khai sinh giờ do cơ quan nào giải quyết");

        Assert.Contains("căn cứ: Nghị định 120/2025/NĐ-CP, Điều 4", FirstSentence(official.Text), StringComparison.Ordinal);
        Assert.DoesNotContain("căn cứ", FirstSentence(citizen.Text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyoneAskingWhetherSomeoneQualifies_GetsTheLegalBasisInTheFirstSentence()
    {
        var answer = await Harness.AskAsync("bố mẹ cháu đi làm xa, ông bà đi đăng ký khai sinh thay cho cháu có được không");

        Assert.Contains("căn cứ: Nghị định 120/2025/NĐ-CP, Điều 4", FirstSentence(answer.Text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLegalBasis_GoesAfterTheRecordsName_WhenTheFirstLineGoesOnInTheLinesBelowIt()
    {
        const string record = """
            ---
            id: tthc-huu-tri
            type: procedure
            title: Hưởng trợ cấp hưu trí xã hội
            level: xa
            legal_basis: ["Nghị định 176/2025/NĐ-CP"]
            source: https://example.gov.vn/huu-tri
            ---
            # Hưởng trợ cấp hưu trí xã hội

            ## Điều kiện
            - Từ đủ 75 tuổi trở lên, không hưởng lương hưu; hoặc
            - Từ đủ 70 tuổi đến dưới 75 tuổi và thuộc hộ nghèo, hộ cận nghèo.
            """;
        using var harness = await AnswerHarness.StartWithAsync("procedures/huu-tri.md", record);

        var answer = await harness.AskAsync("mẹ tôi 76 tuổi không có lương hưu thì có được hưởng trợ cấp hưu trí xã hội không");

        Assert.StartsWith("Điều kiện hưởng trợ cấp hưu trí xã hội (cấp xã) (căn cứ: Nghị định 176/2025/NĐ-CP): Từ đủ 75 tuổi", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficialAskingARegulation_GetsTheArticleInTheFirstSentence()
    {
        var answer = await Harness.AskAsync("ai tặng danh hiệu Gia đình văn hóa theo Nghị định 129/2025", Persona.Official);

        Assert.Contains(", Điều 12 (không phải nguyên văn)", FirstSentence(answer.Text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDistrictCaveat_GoesWithAnOldTextThatGivesTasksToTheDistrict_NotWithTheLawThatEndedIt()
    {
        var old = await Harness.AskAsync("thẩm quyền chứng thực bản sao giấy tờ do cơ quan nước ngoài cấp theo Nghị định 23/2015", Persona.Official);
        var reform = await Harness.AskAsync("Luật 72/2025/QH15 tổ chức chính quyền địa phương mấy cấp", Persona.Official);

        Assert.Contains("còn nhắc đến cấp huyện", old.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("còn nhắc đến cấp huyện", reform.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("2025-07-01", false)]
    public async Task TheDistrictCaveat_GoesWithAnUndatedRecordWhoseAnswerNamesTheDistrict(string? effective, bool caveat)
    {
        var dated = effective is null ? string.Empty : $"effective: {effective}\n";
        var record = $"""
            ---
            id: tthc-tai-nan-lao-dong
            type: procedure
            title: Giải quyết hưởng chế độ tai nạn lao động lần đầu
            {dated}source: https://dichvucong.gov.vn/tnld
            ---
            # Giải quyết hưởng chế độ tai nạn lao động lần đầu

            ## Cơ quan giải quyết
            - Bảo hiểm xã hội cấp tỉnh, Bảo hiểm xã hội cấp huyện.

            ## Thời hạn giải quyết
            - 06 ngày làm việc.
            """;
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string> { ["procedures/tnld.md"] = record });

        var answer = await harness.AskAsync("hưởng chế độ tai nạn lao động lần đầu thì cơ quan nào giải quyết");

        Assert.Equal(caveat, answer.Text.Contains("còn nhắc đến cấp huyện", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASupersededText_SaysWhatReplacedIt()
    {
        var answer = await Harness.AskAsync("Luật 65/2025/QH15 tổ chức chính quyền mấy cấp");

        Assert.Contains("đã được thay thế bởi Luật Tổ chức chính quyền địa phương số 72/2025/QH15", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trợ cấp mai táng thì được bao nhiêu tiền, nộp ở đâu", true)]
    [InlineData("hỗ trợ mai táng cho đối tượng bảo trợ xã hội được bao nhiêu tiền", false)]
    public async Task AnAmountPaidOutThatTheRecordNamesNoSumFor_IsSaidFirstToBeUnsaid_ASumItNamesIsNot(string question, bool unsaid)
    {
        // The fee's "0 đồng" is not the sum paid out; the second record names one under its result, so nothing is
        // said to be missing there.
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string>
        {
            ["procedures/mai-tang.md"] = """
                ---
                id: tthc-mai-tang
                type: procedure
                title: Trợ cấp mai táng cho người có công
                source: https://example.gov.vn/mai-tang
                ---
                # Trợ cấp mai táng cho người có công
                ## Nơi nộp và cách thức nộp
                - Trực tiếp tại Trung tâm Phục vụ hành chính công cấp xã.
                ## Lệ phí
                - 0 đồng.
                ## Kết quả
                - Quyết định trợ cấp mai táng.
                """,
            ["procedures/ho-tro-mai-tang.md"] = """
                ---
                id: tthc-ho-tro-mai-tang
                type: procedure
                title: Hỗ trợ mai táng cho đối tượng bảo trợ xã hội
                source: https://example.gov.vn/ho-tro-mai-tang
                ---
                # Hỗ trợ mai táng cho đối tượng bảo trợ xã hội
                ## Nơi nộp và cách thức nộp
                - Trực tiếp tại Trung tâm Phục vụ hành chính công cấp xã.
                ## Kết quả
                - Quyết định hỗ trợ mai táng, mức 9.000.000 đồng.
                """,
        });

        var answer = await harness.AskAsync(question);

        var lines = answer.Text.Split('\n');
        Assert.True(unsaid == lines[0].StartsWith("Nguồn chưa nêu mức tiền", StringComparison.Ordinal), answer.Text);
        Assert.True(unsaid == answer.Text.Contains("Nguồn chưa nêu mức tiền", StringComparison.Ordinal), answer.Text);
    }

    [Fact]
    public async Task ALeadThatOpensABulletedList_BringsItsItems()
    {
        // The items hold none of the question's words; they are what the opening line announces.
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string>
        {
            ["guides/trung-tam.md"] = """
                ---
                id: guide-trung-tam
                type: guide
                title: Trung tâm phục vụ hành chính công cấp xã
                source: https://example.vn/trung-tam
                ---
                # Trung tâm phục vụ hành chính công cấp xã
                ## Nhiệm vụ
                Trung tâm phục vụ hành chính công cấp xã làm các việc sau cho người dân:
                - niêm yết danh mục thủ tục;
                - số hóa hồ sơ;
                - trả kết quả và thu lệ phí.
                """,
        });

        var answer = await harness.AskAsync("trung tâm phục vụ hành chính công cấp xã làm các việc gì cho người dân");

        Assert.Contains("làm các việc sau cho người dân [1].", FirstSentence(answer.Text), StringComparison.Ordinal);
        Assert.Contains("\n- số hóa hồ sơ", answer.Text, StringComparison.Ordinal);
        Assert.Contains("\n- trả kết quả và thu lệ phí", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnItemOfAList_IsSaidWithTheLineThatOpensIt()
    {
        // The item holds the question's words; who holds the power is said only by the line that opens the list.
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string>
        {
            ["regulations/nd-cho.md"] = """
                ---
                id: nd-cho
                type: regulation
                number: 60/2025/NĐ-CP
                title: Nghị định 60/2025/NĐ-CP về quản lý chợ
                issued: 2025-06-11
                effective: 2025-07-01
                source: https://example.vn/nd-cho
                ---
                # Nghị định 60/2025/NĐ-CP về quản lý chợ
                ## Thẩm quyền
                Chủ tịch UBND cấp xã có thẩm quyền:
                - cấp phép sửa chữa ki-ốt;
                - quyết định giá thuê điểm kinh doanh tại chợ;
                - phê duyệt nội quy chợ.
                """,
        });

        var answer = await harness.AskAsync("ai quyết định giá thuê điểm kinh doanh tại chợ");

        Assert.Contains("Chủ tịch UBND cấp xã có thẩm quyền: quyết định giá thuê điểm kinh doanh tại chợ [1].", FirstSentence(answer.Text), StringComparison.Ordinal);
    }

    private static string FirstSentence(string text) => text.Split('\n')[0];

    [GeneratedRegex(@"(?m)^\s*(\d+)\. ")]
    private static partial Regex StepNumbers();
}
