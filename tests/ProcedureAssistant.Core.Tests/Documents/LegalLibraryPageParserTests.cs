using System.Text;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Documents.LegalLibrary;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Core.Tests.Documents;

public sealed class LegalLibraryPageParserTests
{
    // A decision as the library site renders it: hard-wrapped lines, cells between '|' lines, the site's metadata
    // block before the text and its own title lines after it; the annex's codes stand in brackets after the names.
    private const string Page = """
        <!-- source: https://thuvienphapluat.vn/van-ban/Quyet-dinh-0999-QD-UBND-2025.aspx ; repo x path y -->
        |
        Đang tải văn bản...
        **Số hiệu:**
        |
        0999/QĐ-UBND
        |
        **Ngày ban hành:**
        |
        02/12/2025
        |
        **ỦY BAN NHÂN DÂN
        **
        TỈNH ĐẮK LẮK
        -------
        |
        **CỘNG HÒA XÃ HỘI
        CHỦ NGHĨA VIỆT NAM**
        |
        Số: 0999/QĐ-UBND
        |
        *Đắk Lắk, ngày 02
        tháng 12 năm 2025*
        |
        **QUYẾT ĐỊNH**
        VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH
        LĨNH VỰC GIÁM ĐỊNH
        **CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH**
        *Căn cứ Luật Tổ chức chính
        quyền địa phương ngày 16/6/2025;*
        **Điều 1. **Công bố kèm theo
        Quyết định này Danh mục thủ tục hành chính.
        **Điều 2. Hiệu lực thi
        hành**
        Quyết định này có hiệu lực kể từ ngày ký.
        |
        Nơi nhận:
        - Như Điều 2;
        |
        **KT. CHỦ TỊCH**
        Nguyễn Văn A
        |
        **PHỤ LỤC**
        DANH MỤC THỦ TỤC
        |
        **STT**
        |
        **Tên thủ tục
        hành chính ***(Mã thủ tục)*
        |
        **Thời hạn
        giải quyết**
        |
        **Lệ phí**
        |
        |
        **I**
        |
        **LĨNH VỰC GIÁM ĐỊNH**
        |
        |
        1
        |
        Bổ nhiệm giám định viên pháp y
        (1.013871)
        |
        20 ngày, kể từ ngày
        nhận được hồ sơ hợp lệ
        |
        Không
        |
        |
        2
        |
        Miễn nhiệm giám định viên pháp y
        (1.013876)
        |
        10 ngày làm
        việc
        |
        Quyết định 0999/QĐ-UBND năm 2025 công bố thủ tục
        Văn bản này chưa cập nhật nội dung Tiếng Anh
        Quyết định 0999/QĐ-UBND ngày 02/12/2025 công bố Danh mục thủ tục hành chính lĩnh vực Giám định
        ## Văn bản liên quan
        Ban hành:
        09/12/2025
        """;

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Parse_PageInTheLibraryLayout_TakesTheTextsMetadataAndCutsTheSiteAway()
    {
        var document = LegalLibraryPageParser.Parse("0999.md", Bytes(Page));

        Assert.Equal("dak-lak-0999-2025-qd-ubnd", document.Id);
        Assert.Equal(DocumentType.Regulation, document.Type);
        Assert.Equal("Quyết định 0999/QĐ-UBND ngày 02/12/2025 công bố Danh mục thủ tục hành chính lĩnh vực Giám định", document.Title);
        Assert.Equal("0999/QĐ-UBND", document.Number);
        Assert.Equal("Ủy ban nhân dân tỉnh Đắk Lắk", document.Issuer);
        Assert.Equal("dak-lak", document.Province);
        Assert.Equal(new DateOnly(2025, 12, 2), document.Issued);
        Assert.Equal(new DateOnly(2025, 12, 2), document.Effective);
        Assert.Equal("https://thuvienphapluat.vn/van-ban/Quyet-dinh-0999-QD-UBND-2025.aspx", document.Source);
        Assert.DoesNotContain("Văn bản liên quan", document.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Đang tải", document.Body, StringComparison.Ordinal);
        Assert.Contains("### Điều 1.\n\nCông bố kèm theo Quyết định này Danh mục thủ tục hành chính.", document.Body, StringComparison.Ordinal);
        Assert.Contains("### Điều 2. Hiệu lực thi hành", document.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void AnnexProcedures_ListInTheAnnex_GivesARowPerProcedureWithItsGroupAndCode()
    {
        var rows = LegalLibraryPageParser.AnnexProcedures("0999.md", Bytes(Page));

        Assert.Equal(["1.013871", "1.013876"], rows.Select(r => r.Code));
        Assert.Equal(["Bổ nhiệm giám định viên pháp y", "Miễn nhiệm giám định viên pháp y"], rows.Select(r => r.Name));
        Assert.All(rows, r => Assert.Equal("I. LĨNH VỰC GIÁM ĐỊNH", r.Group));
        Assert.Equal([("Thời hạn giải quyết", "20 ngày, kể từ ngày nhận được hồ sơ hợp lệ"), ("Lệ phí", "Không")], rows[0].Cells);
        Assert.False(rows[0].Truncated);
        Assert.True(rows[1].Truncated); // the page was cut after its time limit
    }

    [Fact]
    public void Split_ParsedPage_GivesAChunkPerArticleAndPerAnnexProcedure()
    {
        var document = LegalLibraryPageParser.Parse("0999.md", Bytes(Page));

        var chunks = new LegalStructureChunker(Options.Create(new ChunkingOptions())).Split(document);

        Assert.Contains(chunks, c => c.Path.EndsWith("Điều 2", StringComparison.Ordinal) && c.Text.Contains("hiệu lực kể từ ngày ký", StringComparison.Ordinal));
        var annexRow = Assert.Single(chunks, c => c.Text.Contains("1.013871", StringComparison.Ordinal));
        Assert.Contains("Lĩnh vực giám định", annexRow.Path, StringComparison.Ordinal);
        Assert.Contains("Thời hạn giải quyết: 20 ngày", annexRow.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Recognizes_OnlyPagesOpeningWithTheSourceComment()
    {
        Assert.True(LegalLibraryPageParser.Recognizes(Bytes(Page)));
        Assert.False(LegalLibraryPageParser.Recognizes(Bytes(SampleCorpus.Decree)));
    }

    [Fact]
    public void Parse_RealDakLakFolder_EveryTextHasNumberDateIssuerAndItsStructure()
    {
        var folder = SharedData.RealData("daklak");

        var documents = Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Document: LegalLibraryPageParser.Parse(Path.GetFileName(f), File.ReadAllBytes(f)), Rows: LegalLibraryPageParser.AnnexProcedures(Path.GetFileName(f), File.ReadAllBytes(f))))
            .ToList();

        Assert.Equal(14, documents.Count);
        Assert.Equal(14, documents.Select(d => d.Document.Id).Distinct().Count());
        Assert.All(documents, d =>
        {
            Assert.NotNull(d.Document.Number);
            Assert.NotNull(d.Document.Issued);
            Assert.Equal("dak-lak", d.Document.Province);
            Assert.Equal("Ủy ban nhân dân tỉnh Đắk Lắk", d.Document.Issuer);
            Assert.StartsWith("https://thuvienphapluat.vn/", d.Document.Source, StringComparison.Ordinal);
            Assert.DoesNotContain("THƯ VIỆN PHÁP LUẬT", d.Document.Body, StringComparison.Ordinal);
        });
        Assert.All(documents.Where(d => d.Name.Contains("QĐ", StringComparison.Ordinal)), d => Assert.Contains("### Điều 1.", d.Document.Body, StringComparison.Ordinal));

        // The four decisions that publish procedure lists, with every row's code.
        var annexes = documents.Where(d => d.Rows.Count > 0).ToDictionary(d => d.Name, d => d.Rows.Select(r => r.Code).ToList());
        Assert.Equal(["02124_QĐ-UBND.md", "02125_QĐ-UBND.md", "02144_QĐ-UBND.md", "02200_QĐ-UBND.md"], annexes.Keys);
        Assert.Equal(["1.014466", "1.013644"], annexes["02124_QĐ-UBND.md"]);
        Assert.Equal(["1.014390", "1.014391", "1.014392"], annexes["02125_QĐ-UBND.md"]);
        Assert.Equal(["1.000603"], annexes["02144_QĐ-UBND.md"]);
        Assert.Equal(["1.013871", "1.013876"], annexes["02200_QĐ-UBND.md"]);
        Assert.Equal(new DateOnly(2025, 12, 1), documents.Single(d => d.Name == "030_2025_QĐ-UBND.md").Document.Effective);
    }
}
