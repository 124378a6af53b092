using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Documents;

public sealed class NationalPortalRecordParserTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Parse_EveryRealRecord_GivesAProcedureWithItsCodeAndSections()
    {
        var folder = SharedData.Benchmark("tthc-records");
        var files = Directory.GetFiles(folder, "*.json");
        Assert.Equal(207, files.Length);

        foreach (var file in files)
        {
            var document = NationalPortalRecordParser.Parse(Path.GetFileName(file), await File.ReadAllBytesAsync(file, Token));
            Assert.Equal(DocumentType.Procedure, document.Type);
            Assert.Equal("tthc-" + Path.GetFileNameWithoutExtension(file), document.Id);
            var record = ProcedureRecord.From(document);
            Assert.NotNull(record.Field("Thời hạn giải quyết"));
            Assert.NotNull(record.Field("Căn cứ pháp lý"));
        }
    }

    [Fact]
    public async Task Parse_MilitaryRegistration_MapsTheFields()
    {
        var file = Path.Combine(SharedData.Benchmark("tthc-records"), "1.013133.json");

        var document = NationalPortalRecordParser.Parse("1.013133.json", await File.ReadAllBytesAsync(file, Token));
        var record = ProcedureRecord.From(document);

        Assert.Equal("1.013133", document.Code);
        Assert.Equal("Thủ tục đăng ký nghĩa vụ quân sự lần đầu", document.Title);
        Assert.Equal("Nghĩa vụ quân sự", document.Field);
        Assert.Equal(["xa"], document.Levels);
        Assert.Equal("Chủ tịch UBND cấp xã", document.Authority);
        Assert.Contains("220/2025/NĐ-CP", string.Join('|', document.LegalBasis), StringComparison.Ordinal);
        Assert.Equal("- Trực tiếp: 1 Ngày làm việc\n- Trực tuyến: 02 Giờ", record.Field("Thời hạn giải quyết"));
        Assert.Contains("Phiếu tự khai sức khỏe nghĩa vụ quân sự (Bản chính: 1, Bản sao: 0)", record.Field("Thành phần hồ sơ"), StringComparison.Ordinal);
        Assert.Equal("Giấy chứng nhận đăng ký nghĩa vụ quân sự", record.Field("Kết quả"));
    }

    [Fact]
    public async Task Ingest_FolderOfExportedRecords_MakesThemSearchable()
    {
        var folder = SharedData.Benchmark("tthc-records");
        using var index = EmbeddedChunkIndex.InMemory();

        var report = await TestPipeline.For(index).RunAsync(folder, cancellationToken: Token);
        var hits = await index.SearchAsync(TextAnalyzer.CreateDefault().AnalyzeQuery("dang ky nghia vu quan su lan dau"), 3, Token);

        Assert.Empty(report.Failures);
        Assert.Equal(207, report.Index.DocumentCount);
        Assert.Equal("tthc-1.013133", hits[0].Chunk.DocumentId);
    }

    [Theory]
    [InlineData("{not json", "not a valid JSON record")]
    [InlineData("""{"metadata":{"tên_thủ_tục":"X"}}""", "mã_thủ_tục")]
    [InlineData("""{"metadata":{"mã_thủ_tục":"1.1"}}""", "tên_thủ_tục")]
    public void Parse_BadRecord_SaysWhy(string json, string reason)
    {
        var error = Assert.Throws<DocumentParseException>(() => NationalPortalRecordParser.Parse("bad.json", System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }
}
