using ProcedureAssistant.Core.Documents.Catalogue;

namespace ProcedureAssistant.Core.Tests.Documents;

/// <summary>The national catalogue's flattened tables, read back into rows (hand-written cells in the crawl's layout).</summary>
public sealed class CatalogueTablesTests
{
    private const string ChannelHeader = "Hình thức nộpThời gianPhí, lệ phíMô tả";
    private const string DocumentHeader = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";
    private const string LegalHeader = "Tên văn bản pháp lýMã văn bản";

    [Fact]
    public void Channels_RowsRunTogether_EachChannelFollowedByItsTimeStartsARow()
    {
        // The description of the first row names a channel too, but not followed by a time limit.
        var text = ChannelHeader
            + "Trực tuyến3 Ngày làm việcMiễn phíTrực tiếp tại Bộ phận một cửa khi cần bổ sung"
            + "Trực tiếp3 Ngày làm việc50,000 Việt Nam Đồng(50.000 đồng/lần (áp dụng từ 01/7/2025))Nộp tại Trung tâm"
            + "Dịch vụ bưu chính8 GiờKhông có thông tin";

        var rows = CatalogueTables.Channels(text);

        Assert.Equal(["Trực tuyến", "Trực tiếp", "Dịch vụ bưu chính"], rows.Select(r => r.Channel));
        Assert.Equal(new FilingChannel("Trực tuyến", "3 Ngày làm việc", "Miễn phí", null, "Trực tiếp tại Bộ phận một cửa khi cần bổ sung"), rows[0]);
        Assert.Equal(new FilingChannel("Trực tiếp", "3 Ngày làm việc", "50,000 Việt Nam Đồng", "50.000 đồng/lần (áp dụng từ 01/7/2025)", "Nộp tại Trung tâm"), rows[1]);
        Assert.Equal(new FilingChannel("Dịch vụ bưu chính", "8 Giờ", "Không có thông tin", null, null), rows[2]);
    }

    [Theory]
    [InlineData("Trực tuyến120,000 VNĐ(Theo Thông tư 172/2010/TT-BTC)", "20,000 VNĐ")]
    [InlineData("Trực tiếp1100,000 VNĐ", "100,000 VNĐ")]
    [InlineData("Trực tuyến5Miễn phí", "Miễn phí")]
    public void Channels_UnitlessTimeRunIntoAnAmount_TheFirstDigitIsTheTime(string row, string fee)
    {
        var channel = Assert.Single(CatalogueTables.Channels(ChannelHeader + row));

        Assert.StartsWith(row.Contains("Trực tuyến5", StringComparison.Ordinal) ? "5 " : "1 ", channel.TimeLimit, StringComparison.Ordinal);
        Assert.Contains("không ghi đơn vị", channel.TimeLimit, StringComparison.Ordinal);
        Assert.Equal(fee, channel.Fee);
    }

    [Theory]
    [InlineData("Trực tiếpKhông có thông tinMiễn phí15 ngày kể từ ngày nhận hồ sơ", "Không có thông tin", "15 ngày kể từ ngày nhận hồ sơ")]
    [InlineData("Trực tuyếnKhông phải trả kết quả cho người nộp thuếMiễn phíQua Cổng dịch vụ công", "Không phải trả kết quả cho người nộp thuế", "Qua Cổng dịch vụ công")]
    [InlineData("Trực tiếpKhông quy địnhMiễn phíTại TTPVHCC cấp tỉnh, xã", "Không quy định", "Tại TTPVHCC cấp tỉnh, xã")]
    public void Channels_TimeInWords_IsKeptAndTheRestIsTheDescription(string row, string time, string description)
    {
        var channel = Assert.Single(CatalogueTables.Channels(ChannelHeader + row));

        Assert.Equal(time, channel.TimeLimit);
        Assert.Equal("Miễn phí", channel.Fee);
        Assert.Equal(description, channel.Description);
    }

    [Fact]
    public void Channels_EmptyOrNoInformation_GivesNoRows()
    {
        Assert.Empty(CatalogueTables.Channels(ChannelHeader));
        Assert.Empty(CatalogueTables.Channels("Không có thông tin"));
        Assert.Empty(CatalogueTables.Channels(null));
    }

    [Fact]
    public void Documents_CountsEndRows_AndTextBeforeATableIsItsCaption()
    {
        var text = "* Giấy tờ phải nộp:" + DocumentHeader
            + "Tờ khai theo Mẫu số 18Mẫu số 18.docx1 bản chính"
            + "Bản sao giấy tờ (01 bản chính hoặc bản sao)0 bản chính,1 bản sao"
            + "* Giấy tờ phải xuất trình:" + DocumentHeader
            + "Thẻ căn cước;1 bản chính";

        var rows = CatalogueTables.Documents(text);

        Assert.NotNull(rows);
        Assert.Equal(
            [
                new RequiredDocument("Giấy tờ phải nộp", "Tờ khai theo Mẫu số 18", "Mẫu số 18.docx", 1, 0),
                new RequiredDocument("Giấy tờ phải nộp", "Bản sao giấy tờ (01 bản chính hoặc bản sao)", null, 0, 1),
                new RequiredDocument("Giấy tờ phải xuất trình", "Thẻ căn cước;", null, 1, 0),
            ],
            rows);
    }

    [Fact]
    public void Documents_NameEndingInDigits_TheCountIsOneDigit()
    {
        var rows = CatalogueTables.Documents("--" + DocumentHeader + "Đơn theo Mẫu số 011 bản chính,1 bản saoBản vẽ1 bản chính");

        Assert.Equal(["Đơn theo Mẫu số 01", "Bản vẽ"], rows!.Select(r => r.Name));
        Assert.Equal((1, 1), (rows![0].Originals, rows[0].Copies));
    }

    [Fact]
    public void Documents_FieldWithoutTheTable_IsNotADocumentList()
    {
        Assert.Null(CatalogueTables.Documents("và nộp cho đơn vị SDLĐ.\nBước 2. Cơ quan BHXH tiếp nhận hồ sơ"));
        Assert.Null(CatalogueTables.Documents("--"));
    }

    [Fact]
    public void LegalBasis_NumberRunIntoTheNextTitle_SplitsIntoNumberAndTitle()
    {
        var text = LegalHeader
            + "Hướng dẫn xử lý khiếu nại trong công an nhân dân68/2013/TT-BCA"
            + "Luật Khiếu nại  năm 201102/2011/QH13"
            + "Nghị định 05/2012/NĐ-CP05/2012/NĐ-CP"
            + "sửa đổi một số điều của Thông tư 19/2021/TT-BTC ngày 18/3/2021 về giao dịch điện tử46/2024/TT-BTC"
            + "Quyết định 601/QĐ-BTC601/QĐ-BTC";

        var rows = CatalogueTables.LegalBasis(text);

        Assert.Equal(
            [
                new LegalReference("68/2013/TT-BCA", "Hướng dẫn xử lý khiếu nại trong công an nhân dân"),
                new LegalReference("02/2011/QH13", "Luật Khiếu nại năm 2011"),
                new LegalReference("05/2012/NĐ-CP", "Nghị định 05/2012/NĐ-CP"),
                new LegalReference("46/2024/TT-BTC", "sửa đổi một số điều của Thông tư 19/2021/TT-BTC ngày 18/3/2021 về giao dịch điện tử"),
                new LegalReference("601/QĐ-BTC", "Quyết định 601/QĐ-BTC"),
            ],
            rows);
        Assert.Equal("Nghị định 05/2012/NĐ-CP", rows[2].ToString());
        Assert.Equal("68/2013/TT-BCA: Hướng dẫn xử lý khiếu nại trong công an nhân dân", rows[0].ToString());
    }

    [Fact]
    public void LegalBasis_CapitalsAfterAnIssuer_StartATitleOnlyAsAWholeWordOfACapitalisedTitle()
    {
        var text = LegalHeader
            + "Quy định mẫu giấy tờ04/2015/TT-BCAQUY ĐỊNH MỨC THU PHÍ25/2021/TT-BTC"
            + "Thông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an53/2025/TT-BCA";

        var rows = CatalogueTables.LegalBasis(text);

        Assert.Equal(["04/2015/TT-BCA", "25/2021/TT-BTC", "53/2025/TT-BCA"], rows.Select(r => r.Number));
        Assert.Equal("QUY ĐỊNH MỨC THU PHÍ", rows[1].Title);
        Assert.Equal("Thông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an", rows[2].Title);
    }

    [Fact]
    public void Results_NamesBeforeTheirCodes_UpToThePageWidgets()
    {
        var text = "Văn bản thông báo lý do từ chốiMã: KQ.G12.001161Văn bản ghi nhận đăng kýMã: KQ.G12.000778Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiện";

        Assert.Equal(["Văn bản thông báo lý do từ chối", "Văn bản ghi nhận đăng ký"], CatalogueTables.Results(text));
    }
}
