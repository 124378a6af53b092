using System.Text;
using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Documents.Catalogue;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Core.Tests.Documents;

public sealed class CatalogueFileTests
{
    // The real catalogue is read once for the tests that look at it (20 MB).
    private static readonly Lazy<List<CorpusDocument>?> RealDocuments = new(() =>
    {
        var file = Path.Combine(SharedData.RepositoryRoot, "..", "shared", "realdata", "tthc-national-records", "records.jsonl");
        return File.Exists(file) ? CatalogueFile.Read("records.jsonl", File.ReadAllBytes(file)).Documents : null;
    });

    private static byte[] Lines(params string[] lines) => Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");

    [Fact]
    public void Read_RealCatalogue_AllButTheRecordsSharingADetailPageGoIn()
    {
        var file = SharedData.RealData(Path.Combine("tthc-national-records", "records.jsonl"));

        var (documents, failures) = CatalogueFile.Read("records.jsonl", File.ReadAllBytes(file));

        Assert.Equal(2642, documents.Count + failures.Count);
        Assert.True(failures.Count <= 2642 / 100, $"{failures.Count} records failed; at most 1 % may");
        Assert.All(failures, f => Assert.Contains("detail page is also the page of", f.Reason, StringComparison.Ordinal));
        Assert.Equal(documents.Count, documents.Select(d => d.Id).Distinct().Count());
        Assert.All(documents, d =>
        {
            Assert.StartsWith("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/", d.Source, StringComparison.Ordinal);
            Assert.NotEmpty(d.Levels);
            Assert.Equal($"records.jsonl#{d.Code}", d.SourcePath);
        });

        // The structured sections answers read: most records state each of them.
        var records = documents.Select(ProcedureRecord.From).ToList();
        Assert.True(records.Count(r => r.Field("Thời hạn giải quyết") is { } t && !t.StartsWith("Bản ghi không", StringComparison.Ordinal)) > 0.95 * records.Count);
        Assert.True(records.Count(r => r.Field("Thành phần hồ sơ") is { } t && t.Contains("bản chính", StringComparison.Ordinal)) > 0.9 * records.Count);
        Assert.True(records.Count(r => r.Field("Căn cứ pháp lý") is { } t && t.Contains('/', StringComparison.Ordinal)) > 0.9 * records.Count);
    }

    [Fact]
    public void Read_RealCatalogue_ChannelFeesAndLegalBasisOfAKnownRecord()
    {
        SharedData.RealData(Path.Combine("tthc-national-records", "records.jsonl"));

        var document = RealDocuments.Value!.Single(d => d.Code == "1.000178");
        var record = ProcedureRecord.From(document);

        Assert.Equal(["bo"], document.Levels);
        Assert.Equal("60 Ngày làm việc", record.Field("Thời hạn giải quyết")!.Split('.')[0]);
        Assert.Contains("02/2011/QH13: Luật Khiếu nại năm 2011", document.LegalBasis);
        Assert.Contains("68/2013/TT-BCA: Hướng dẫn xử lý khiếu nại, kiến nghị, phản ánh; giải quyết khiếu nại và quản lý công tác giải quyết khiếu nại trong công an nhân dân", document.LegalBasis);
        Assert.Contains("- Đơn khiếu nại hoặc bản ghi nội dung khiếu nại: 1 bản chính", record.Field("Thành phần hồ sơ"), StringComparison.Ordinal);
        Assert.Contains("- Quyết định giải quyết khiếu nại lần 1, lần 2", record.Field("Kết quả"), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RecordsSharingADetailPage_AreAllRefusedAndTheOthersGoIn()
    {
        var page = "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/one-page";
        var content = Lines(
            CatalogueLines.Record("1.000001", detailUrl: page),
            CatalogueLines.Record("1.000002", name: "Đăng ký kết hôn"),
            CatalogueLines.Record("1.000003", name: "Chứng thực bản sao", detailUrl: page));

        var (documents, failures) = CatalogueFile.Read("records.jsonl", content);

        Assert.Equal("tthc-1.000002", Assert.Single(documents).Id);
        Assert.Equal(["records.jsonl#1.000001", "records.jsonl#1.000003"], failures.Select(f => f.SourcePath).Order());
        Assert.Contains("1.000003", failures.Single(f => f.SourcePath.EndsWith("1.000001", StringComparison.Ordinal)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BrokenLineOrMissingCode_IsListedWithItsLineAndTheRestGoIn()
    {
        var content = Lines(
            CatalogueLines.Record("1.000001"),
            "{ not json",
            CatalogueLines.Record("1.000002").Replace("\"ma_thu_tuc\":\"1.000002\"", "\"ma_thu_tuc\":\"\"", StringComparison.Ordinal),
            CatalogueLines.Record("1.000003"));

        var (documents, failures) = CatalogueFile.Read("records.jsonl", content);

        Assert.Equal(["tthc-1.000001", "tthc-1.000003"], documents.Select(d => d.Id));
        Assert.Equal(["records.jsonl:2", "records.jsonl:3"], failures.Select(f => f.SourcePath));
        Assert.Contains("not a JSON record", failures[0].Reason, StringComparison.Ordinal);
        Assert.Contains("ma_thu_tuc", failures[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SameNameAtTwoLevels_StaysTwoDocumentsWithTheirOwnLevels()
    {
        var content = Lines(
            CatalogueLines.Record("1.000001", name: "Cấp giấy phép xây dựng", level: "Cấp xã"),
            CatalogueLines.Record("1.000002", name: "Cấp giấy phép xây dựng", level: "Cấp tỉnh"),
            CatalogueLines.Record("1.000003", name: "Cấp giấy phép xây dựng", level: "Cấp bộ, Cấp tỉnh"));

        var documents = CatalogueFile.Read("records.jsonl", content).Documents;

        Assert.Equal(3, documents.Select(d => d.Id).Distinct().Count());
        Assert.Equal([["xa"], ["tinh"], ["tinh", "bo"]], documents.Select(d => d.Levels.ToArray()));
    }

    [Fact]
    public void Read_ARecord_KeepsItsPageAsSourceAndItsTablesAsTheProcedureSections()
    {
        var line = CatalogueLines.Record("1.001193", fee: "8,000 VNĐ(8.000 đồng/bản)");

        var document = Assert.Single(CatalogueFile.Read("c.jsonl", Lines(line)).Documents);
        var record = ProcedureRecord.From(document);

        Assert.Equal("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/1.001193", document.Source);
        Assert.Equal("Hộ tịch", document.Field);
        Assert.Null(document.Province);
        Assert.Equal("1 Ngày làm việc", record.Field("Thời hạn giải quyết"));
        Assert.Equal("8,000 VNĐ (8.000 đồng/bản)", record.Field("Lệ phí"));
        Assert.Equal("- Tờ khai đăng ký khai sinh: 1 bản chính\n- Giấy chứng sinh: 1 bản chính", record.Field("Thành phần hồ sơ"));
        Assert.Equal("- 60/2014/QH13: Luật Hộ tịch\n- Nghị định 123/2015/NĐ-CP", record.Field("Căn cứ pháp lý"));
        Assert.Equal("- Trực tiếp, Trực tuyến", record.Field("Nơi nộp và cách thức nộp"));
        Assert.Equal("- Giấy khai sinh", record.Field("Kết quả"));
        Assert.Equal(["60/2014/QH13: Luật Hộ tịch", "Nghị định 123/2015/NĐ-CP"], document.LegalBasis);
    }

    [Fact]
    public void Read_EachRecord_IsHashedOnItsOwnLine()
    {
        var first = CatalogueLines.Record("1.000001");
        var before = CatalogueFile.Read("c.jsonl", Lines(first, CatalogueLines.Record("1.000002"))).Documents;
        var after = CatalogueFile.Read("c.jsonl", Lines(first, CatalogueLines.Record("1.000002", fee: "Không có thông tin"))).Documents;

        Assert.Equal(before[0].ContentHash, after[0].ContentHash);
        Assert.NotEqual(before[1].ContentHash, after[1].ContentHash);
    }
}
