using System.Text;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Documents.Uploads;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Core.Tests.Documents;

public sealed class UploadConverterTests
{
    private const string Number = "999/2025/NĐ-CP";
    private const string Title = "Nghị định 999/2025/NĐ-CP về thử nghiệm tải lên";

    private static readonly LegalStructureChunker Chunker = new(Options.Create(new ChunkingOptions()));

    private readonly UploadConverter _converter = new(new MarkdownDocumentParser());

    [Fact]
    public void Convert_Docx_WritesFrontMatterAndOneChunkPerArticle()
    {
        var docx = UploadFiles.Docx(
            "CHƯƠNG I",
            "QUY ĐỊNH CHUNG",
            "Điều 1. Phạm vi điều chỉnh",
            "Nghị định này quy định việc |thử nghiệm tải lên.",
            "Điều 2. |Đối tượng áp dụng",
            "1. Cơ quan nhà nước.",
            "2. Tổ chức, cá nhân có liên quan.");

        var converted = _converter.Convert(Regulation("nghi-dinh-thu.docx", docx) with { Source = "https://vanban.chinhphu.vn/?id=999" }, TestContext.Current.CancellationToken);
        var markdown = Encoding.UTF8.GetString(converted.Content);
        var document = converted.Document;

        Assert.Equal("nghi-dinh-999-2025-nd-cp-ve-thu-nghiem-tai-len", document.Id);
        Assert.Equal("nghi-dinh-999-2025-nd-cp-ve-thu-nghiem-tai-len.md", converted.FileName);
        Assert.Equal(converted.FileName, document.SourcePath);
        Assert.Equal(DocumentType.Regulation, document.Type);
        Assert.Equal(Title, document.Title);
        Assert.Equal(Number, document.Number);
        Assert.Equal("https://vanban.chinhphu.vn/?id=999", document.Source);
        Assert.StartsWith("---\nid: \"nghi-dinh-999-2025-nd-cp-ve-thu-nghiem-tai-len\"\ntype: \"regulation\"\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n## Chương I. QUY ĐỊNH CHUNG\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n### Điều 1. Phạm vi điều chỉnh\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n### Điều 2. Đối tượng áp dụng\n", markdown, StringComparison.Ordinal);
        Assert.Contains("Nghị định này quy định việc thử nghiệm tải lên.", markdown, StringComparison.Ordinal);

        var chunks = Chunker.Split(document);
        Assert.Equal([$"{Number} › Chương I › Điều 1", $"{Number} › Chương I › Điều 2"], chunks.Select(c => c.Path));
        Assert.Equal("Điều 2. Đối tượng áp dụng\n1. Cơ quan nhà nước.\n2. Tổ chức, cá nhân có liên quan.", chunks[1].Text);
    }

    [Fact]
    public void Convert_Pdf_ExtractsLinesInReadingOrderAndMakesArticleHeadings()
    {
        // Helvetica cannot encode Vietnamese letters, so this legal text is written without diacritics; the
        // converter recognises "Dieu 2." as an article and spells the heading the way the chunker expects.
        var pdf = UploadFiles.Pdf(
            "Dieu 1. Pham vi dieu chinh",
            "Nghi dinh nay quy dinh viec thu nghiem tai len.",
            "Dieu 2. Doi tuong ap dung",
            "1. Co quan nha nuoc.",
            "2. To chuc, ca nhan co lien quan.");

        var converted = _converter.Convert(Regulation("nd-999.pdf", pdf) with { Id = "nd-999-2025" }, TestContext.Current.CancellationToken);
        var markdown = Encoding.UTF8.GetString(converted.Content);

        Assert.Equal("nd-999-2025.md", converted.FileName);
        Assert.Equal("nd-999-2025", converted.Document.Id);
        Assert.Equal(Number, converted.Document.Number);
        Assert.Contains("\n### Điều 1. Pham vi dieu chinh\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n### Điều 2. Doi tuong ap dung\n", markdown, StringComparison.Ordinal);

        var chunks = Chunker.Split(converted.Document);
        Assert.Equal([$"{Number} › Điều 1", $"{Number} › Điều 2"], chunks.Select(c => c.Path));
        Assert.Equal("Điều 1. Pham vi dieu chinh\nNghi dinh nay quy dinh viec thu nghiem tai len.", chunks[0].Text);
        Assert.Equal("Điều 2. Doi tuong ap dung\n1. Co quan nha nuoc.\n2. To chuc, ca nhan co lien quan.", chunks[1].Text);
    }

    [Fact]
    public void Convert_Html_KeepsBodyBlocksAsLinesAndDropsScripts()
    {
        const string Html = """
            <!DOCTYPE html>
            <html><head><title>Không lấy tiêu đề trang</title><style>p { color: red; }</style></head>
            <body>
              <script>alert("không được lấy");</script>
              <h2>Điều&nbsp;1. Phạm vi
                  điều chỉnh</h2>
              <p>Nghị định này quy định <b>việc thử nghiệm</b> tải lên.</p>
              <div><h2>Điều 2. Đối tượng áp dụng</h2>
                <p>1. Cơ quan nhà nước.<br>2. Tổ chức, cá nhân có liên quan.</p></div>
              <noscript>Bật JavaScript</noscript>
            </body></html>
            """;

        var converted = _converter.Convert(Regulation("nd-999.html", Encoding.UTF8.GetBytes(Html)), TestContext.Current.CancellationToken);
        var markdown = Encoding.UTF8.GetString(converted.Content);

        Assert.Contains("\n### Điều 1. Phạm vi điều chỉnh\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n### Điều 2. Đối tượng áp dụng\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\nNghị định này quy định việc thử nghiệm tải lên.\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("color", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("JavaScript", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Không lấy tiêu đề trang", markdown, StringComparison.Ordinal);

        var chunks = Chunker.Split(converted.Document);
        Assert.Equal([$"{Number} › Điều 1", $"{Number} › Điều 2"], chunks.Select(c => c.Path));
        Assert.Equal("Điều 2. Đối tượng áp dụng\n1. Cơ quan nhà nước.\n2. Tổ chức, cá nhân có liên quan.", chunks[1].Text);
    }

    [Fact]
    public void Convert_Txt_NormalisesToNfcAndMakesHeadings()
    {
        // Decomposed (NFD) text with Windows line ends, as some editors save it.
        var text = "Mục 1\r\nQUY ĐỊNH CHUNG\r\n\r\nĐiều 1. Phạm vi điều chỉnh\r\nNghị định này quy định việc thử.\r\nĐiều 2. Đối tượng áp dụng\r\nCơ quan, tổ chức, cá nhân.\r\n";
        var upload = Regulation("nd-999.txt", Encoding.UTF8.GetBytes(text.Normalize(NormalizationForm.FormD)));

        var converted = _converter.Convert(upload, TestContext.Current.CancellationToken);
        var markdown = Encoding.UTF8.GetString(converted.Content);

        Assert.True(markdown.IsNormalized(NormalizationForm.FormC));
        Assert.DoesNotContain('\r', markdown);
        Assert.Contains("\n### Mục 1. QUY ĐỊNH CHUNG\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n### Điều 2. Đối tượng áp dụng\n", markdown, StringComparison.Ordinal);
        Assert.Equal(
            [$"{Number} › Mục 1 › Điều 1", $"{Number} › Mục 1 › Điều 2"],
            Chunker.Split(converted.Document).Select(c => c.Path));
    }

    [Theory]
    [InlineData("Điều 2. Đối tượng áp dụng", "### Điều 2. Đối tượng áp dụng")]
    [InlineData("ĐIỀU 12a. Sửa đổi", "### Điều 12a. Sửa đổi")]
    [InlineData("Chương II. THẨM QUYỀN", "## Chương II. THẨM QUYỀN")]
    [InlineData("CHƯƠNG III - ĐIỀU KHOẢN THI HÀNH", "## Chương III - ĐIỀU KHOẢN THI HÀNH")]
    [InlineData("Phần I", "## Phần I")]
    [InlineData("Mục 2. Thủ tục", "### Mục 2. Thủ tục")]
    [InlineData("Điều 2 của Luật này được sửa đổi như sau.", "Điều 2 của Luật này được sửa đổi như sau.")]
    [InlineData("Chương II của Luật Hộ tịch quy định việc đăng ký.", "Chương II của Luật Hộ tịch quy định việc đăng ký.")]
    [InlineData("điều 2. viết thường giữa câu", "điều 2. viết thường giữa câu")]
    [InlineData("Mục tiêu 1. Không phải mục", "Mục tiêu 1. Không phải mục")]
    [InlineData("# Không phải tiêu đề", "\\# Không phải tiêu đề")]
    public void Convert_TxtLine_BecomesAHeadingOnlyWhenItStartsALegalUnit(string line, string expected)
    {
        var converted = _converter.Convert(Regulation("nd-999.txt", Encoding.UTF8.GetBytes("Mở đầu.\n" + line + "\nNội dung.\n")), TestContext.Current.CancellationToken);

        Assert.Contains("\n" + expected + "\n", Encoding.UTF8.GetString(converted.Content), StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_TxtArticleLineLongerThanTheLimit_StaysText()
    {
        var line = "Điều 3. " + new string('x', 200);

        var converted = _converter.Convert(Regulation("nd-999.txt", Encoding.UTF8.GetBytes(line)), TestContext.Current.CancellationToken);

        Assert.Contains("\n" + line + "\n", Encoding.UTF8.GetString(converted.Content), StringComparison.Ordinal);
        Assert.DoesNotContain("### ", Encoding.UTF8.GetString(converted.Content), StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_TxtWithEffectiveDate_WritesItInTheFrontMatter()
    {
        var upload = Regulation("nd-999.txt", Encoding.UTF8.GetBytes("Điều 1. Phạm vi")) with { Effective = new DateOnly(2025, 7, 1) };

        var converted = _converter.Convert(upload, TestContext.Current.CancellationToken);

        Assert.Contains("\neffective: \"2025-07-01\"\n", Encoding.UTF8.GetString(converted.Content), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 7, 1), converted.Document.Effective);
        Assert.False(converted.Document.IsInForce(new DateOnly(2025, 6, 30)));
    }

    [Fact]
    public void Convert_MetadataWithYamlSyntax_IsQuotedSafely()
    {
        var upload = new UploadedDocument("huong-dan.txt", Encoding.UTF8.GetBytes("Nội dung hướng dẫn."))
        {
            Type = DocumentType.Procedure,
            Title = "Đăng ký: \"khai sinh\" # lần đầu\n--- [mới] {x} & *y* 'z'",
            Code = "1.001193",
            Id = "tthc-1.001193",
        };

        var document = _converter.Convert(upload, TestContext.Current.CancellationToken).Document;

        Assert.Equal("Đăng ký: \"khai sinh\" # lần đầu --- [mới] {x} & *y* 'z'", document.Title);
        Assert.Equal("1.001193", document.Code);
        Assert.Equal(DocumentType.Procedure, document.Type);
    }

    [Theory]
    [InlineData("decree.pdf", "docx", "the .pdf extension: it does not start with %PDF (it looks like a Word (.docx) document)")]
    [InlineData("decree.docx", "pdf", "the .docx extension: a Word document is a ZIP package and this is a PDF file")]
    [InlineData("decree.docx", "zip", "the .docx extension: the ZIP package has no word/document.xml")]
    [InlineData("decree.txt", "pdf", "the .txt extension: it is a PDF file, not text")]
    [InlineData("decree.md", "docx", "the .md extension: it is a Word (.docx) document, not text")]
    [InlineData("decree.html", "text", "the .html extension: it has no HTML tags (it looks like plain text)")]
    [InlineData("decree.txt", "html", "the .txt extension: it is an HTML page; upload it as .html")]
    public void Convert_ContentNotMatchingExtension_IsRejectedWithTheReason(string fileName, string content, string reason)
    {
        var bytes = content switch
        {
            "docx" => UploadFiles.Docx("Điều 1. Phạm vi"),
            "pdf" => UploadFiles.Pdf("Dieu 1. Pham vi"),
            "zip" => UploadFiles.Zip("readme.txt", "Điều 1. Phạm vi"),
            "html" => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><p>Điều 1.</p></body></html>"),
            _ => Encoding.UTF8.GetBytes("Điều 1. Phạm vi điều chỉnh"),
        };

        var error = Assert.Throws<DocumentParseException>(() => _converter.Convert(Regulation(fileName, bytes), TestContext.Current.CancellationToken));

        Assert.Equal(fileName, error.SourcePath);
        Assert.Equal("the content does not match " + reason, error.Reason);
        Assert.True(error.IsUnsupportedType);
        Assert.Null(error.Field);
    }

    [Fact]
    public void Convert_TxtWithInvalidUtf8_IsRejected()
    {
        byte[] windows1258 = [0x43, 0xF4, 0x6E, 0x67, 0x20, 0x76, 0xEC, 0x6E];

        var error = Assert.Throws<DocumentParseException>(() => _converter.Convert(Regulation("cong-van.txt", windows1258), TestContext.Current.CancellationToken));

        Assert.Equal("the file is not valid UTF-8 text; save it as UTF-8", error.Reason);
        Assert.False(error.IsUnsupportedType);
    }

    [Theory]
    [InlineData("virus.exe", "'.exe' files are not accepted; upload one of .md, .json, .txt, .html, .htm, .docx, .pdf")]
    [InlineData("old.doc", "'.doc' files are not accepted; upload one of .md, .json, .txt, .html, .htm, .docx, .pdf")]
    [InlineData("README", "files without an extension are not accepted; upload one of .md, .json, .txt, .html, .htm, .docx, .pdf")]
    public void Convert_UnknownExtension_IsRejectedNamingTheAcceptedTypes(string fileName, string reason)
    {
        var error = Assert.Throws<DocumentParseException>(() => _converter.Convert(Regulation(fileName, [1, 2, 3]), TestContext.Current.CancellationToken));

        Assert.Equal(reason, error.Reason);
        Assert.True(error.IsUnsupportedType);
    }

    [Theory]
    [InlineData("empty.pdf")]
    [InlineData("empty.md")]
    public void Convert_EmptyFile_IsRejected(string fileName)
    {
        var error = Assert.Throws<DocumentParseException>(() => _converter.Convert(Regulation(fileName, []), TestContext.Current.CancellationToken));

        Assert.Equal("the file is empty", error.Reason);
    }

    [Fact]
    public void Convert_PdfWithoutText_IsRejectedAsNeedingOcr()
    {
        var error = Assert.Throws<DocumentParseException>(() => _converter.Convert(Regulation("scan.pdf", UploadFiles.Pdf()), TestContext.Current.CancellationToken));

        Assert.Equal("no text could be extracted (a scanned PDF has no text layer: run OCR first)", error.Reason);
    }

    [Fact]
    public void Convert_DocxWithoutTitle_IsRejected()
    {
        var upload = new UploadedDocument("nd.docx", UploadFiles.Docx("Điều 1. Phạm vi")) { Type = DocumentType.Regulation };

        var error = Assert.Throws<DocumentParseException>(() => _converter.Convert(upload, TestContext.Current.CancellationToken));

        Assert.Equal("a .docx file carries no metadata: give its title", error.Reason);
        Assert.Equal("title", error.Field);
    }

    [Fact]
    public void Convert_TxtWithoutType_IsRejected()
    {
        var upload = new UploadedDocument("nd.txt", Encoding.UTF8.GetBytes("Điều 1. Phạm vi")) { Title = Title };

        var error = Assert.Throws<DocumentParseException>(() => _converter.Convert(upload, TestContext.Current.CancellationToken));

        Assert.Equal("a .txt file carries no metadata: give its type (regulation, procedure or guide)", error.Reason);
        Assert.Equal("type", error.Field);
    }

    [Theory]
    [InlineData("ND-999")]
    [InlineData("../nd-999")]
    [InlineData("nd 999")]
    public void Convert_IdThatCannotNameAFile_IsRejected(string id)
    {
        var upload = Regulation("nd.txt", Encoding.UTF8.GetBytes("Điều 1. Phạm vi")) with { Id = id };

        var error = Assert.Throws<DocumentParseException>(() => _converter.Convert(upload, TestContext.Current.CancellationToken));

        Assert.Contains("is not lower-case ASCII letters, digits", error.Reason, StringComparison.Ordinal);
        Assert.Equal("id", error.Field);
    }

    [Fact]
    public void Convert_MarkdownWithFrontMatter_IsStoredAsIs()
    {
        var bytes = Encoding.UTF8.GetBytes(SampleCorpus.BirthRegistration);

        var converted = _converter.Convert(new UploadedDocument(@"C:\fakepath\khai-sinh.md", bytes), TestContext.Current.CancellationToken);

        Assert.Equal("tthc-1.001193.md", converted.FileName);
        Assert.Same(bytes, converted.Content);
        Assert.Equal("tthc-1.001193", converted.Document.Id);
        Assert.Equal("tthc-1.001193.md", converted.Document.SourcePath);
        Assert.Equal("Đăng ký khai sinh", converted.Document.Title);
    }

    [Fact]
    public void Convert_MarkdownWithoutFrontMatter_IsRejected()
    {
        var upload = new UploadedDocument("ghi-chu.md", Encoding.UTF8.GetBytes("# Ghi chú\nKhông có front matter.\n"))
        {
            Type = DocumentType.Guide,
            Title = "Ghi chú",
        };

        var error = Assert.Throws<DocumentParseException>(() => _converter.Convert(upload, TestContext.Current.CancellationToken));

        Assert.Equal("ghi-chu.md", error.SourcePath);
        Assert.Equal("no front matter: the file must start with a '---' line", error.Reason);
        Assert.Null(error.Field);
        Assert.False(error.IsUnsupportedType);
    }

    [Fact]
    public void Convert_MarkdownWhoseIdDiffersFromTheUpload_IsRejected()
    {
        var upload = new UploadedDocument("khai-sinh.md", Encoding.UTF8.GetBytes(SampleCorpus.BirthRegistration)) { Id = "khai-sinh" };

        var error = Assert.Throws<DocumentParseException>(() => _converter.Convert(upload, TestContext.Current.CancellationToken));

        Assert.Equal("the upload gives the id 'khai-sinh' but the file says 'tthc-1.001193'", error.Reason);
        Assert.Equal("id", error.Field);
    }

    [Fact]
    public void Convert_NationalPortalJson_IsStoredAsIs()
    {
        const string Json = """
            {
              "metadata": { "mã_thủ_tục": "1.999999", "tên_thủ_tục": "Thủ tục thử nghiệm tải lên", "lĩnh_vực": "Hộ tịch", "cấp_thực_hiện": "Cấp Xã" },
              "content": { "cơ_quan_có_thẩm_quyền": "UBND cấp xã", "trình_tự_thực_hiện": "Nộp hồ sơ." },
              "tables": { "hinh_thuc_nop": [{ "hinh_thuc": "Trực tiếp", "thoi_han_giai_quyet": "1 Ngày làm việc", "phi_le_phi": "Không" }] }
            }
            """;
        var bytes = Encoding.UTF8.GetBytes(Json);

        var converted = _converter.Convert(new UploadedDocument("export.json", bytes) { Type = DocumentType.Procedure }, TestContext.Current.CancellationToken);

        Assert.Equal("tthc-1.999999.json", converted.FileName);
        Assert.Same(bytes, converted.Content);
        Assert.Equal("tthc-1.999999", converted.Document.Id);
        Assert.Equal(DocumentType.Procedure, converted.Document.Type);
        Assert.Equal("Thủ tục thử nghiệm tải lên", converted.Document.Title);
        Assert.Equal("1.999999", converted.Document.Code);
        Assert.Equal(["xa"], converted.Document.Levels);
        Assert.Single(Chunker.Split(converted.Document));
    }

    [Fact]
    public void Convert_JsonWithoutProcedureCode_IsRejected()
    {
        var upload = new UploadedDocument("export.json", Encoding.UTF8.GetBytes("""{"metadata":{"tên_thủ_tục":"X"}}"""));

        var error = Assert.Throws<DocumentParseException>(() => _converter.Convert(upload, TestContext.Current.CancellationToken));

        Assert.Contains("mã_thủ_tục", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convert_ConvertedFile_IsReadBackByTheCorpusReader()
    {
        using var folder = new TempFolder();
        var converted = _converter.Convert(Regulation("nd-999.docx", UploadFiles.Docx("Điều 1. Phạm vi", "Nội dung.")), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, converted.FileName), converted.Content, TestContext.Current.CancellationToken);

        var result = await new CorpusReader(new MarkdownDocumentParser()).ReadAsync(folder.Path, TestContext.Current.CancellationToken);

        Assert.Empty(result.Failures);
        var read = Assert.Single(result.Documents);
        Assert.Equal(converted.Document.Id, read.Id);
        Assert.Equal(converted.Document.Body, read.Body);
        Assert.Equal(converted.Document.ContentHash, read.ContentHash);
    }

    private static UploadedDocument Regulation(string fileName, byte[] content) =>
        new(fileName, content) { Type = DocumentType.Regulation, Title = Title, Number = Number };
}
