using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Core.Tests.Chunking;

public sealed class LegalStructureChunkerTests
{
    private static readonly LegalStructureChunker Chunker = new(Options.Create(new ChunkingOptions { MaxChunkCharacters = 300 }));

    [Fact]
    public void Split_Regulation_OneChunkPerArticleWithHeadingPath()
    {
        var chunks = Chunker.Split(Regulation("""
            # Nghị định thử
            Tóm tắt ngắn về nghị định.
            ## Chương I. QUY ĐỊNH CHUNG
            ### Điều 1. Phạm vi điều chỉnh
            Nghị định này quy định việc thử.
            ### Điều 2. Đối tượng áp dụng
            Cơ quan, tổ chức, cá nhân.
            ## Chương II. THẨM QUYỀN
            ### Điều 4. Thẩm quyền của cấp xã
            1. Ủy ban nhân dân cấp xã đăng ký hộ tịch.
            """));

        Assert.Equal(
            ["120/2025/NĐ-CP", "120/2025/NĐ-CP › Chương I › Điều 1", "120/2025/NĐ-CP › Chương I › Điều 2", "120/2025/NĐ-CP › Chương II › Điều 4"],
            chunks.Select(c => c.Path));
        Assert.StartsWith("Điều 4. Thẩm quyền của cấp xã", chunks[3].Text, StringComparison.Ordinal);
        Assert.Equal(["nd-test#0", "nd-test#1", "nd-test#2", "nd-test#3"], chunks.Select(c => c.Id));
    }

    [Fact]
    public void Split_LongArticle_IsCutAtItsClauses()
    {
        var clause = string.Concat(Enumerable.Repeat("nội dung khoản dài ", 10));
        var chunks = Chunker.Split(Regulation($"""
            ### Điều 5. Điều dài
            1. {clause}
            2. {clause}
            a) điểm thuộc khoản 2
            3. {clause}
            """));

        Assert.Equal(["120/2025/NĐ-CP › Điều 5 › Khoản 1", "120/2025/NĐ-CP › Điều 5 › Khoản 2", "120/2025/NĐ-CP › Điều 5 › Khoản 3"], chunks.Select(c => c.Path));
        Assert.Contains("a) điểm thuộc khoản 2", chunks[1].Text, StringComparison.Ordinal);
        Assert.All(chunks, c => Assert.True(c.Text.Length <= 300, $"{c.Path} has {c.Text.Length} characters"));
    }

    [Fact]
    public void Split_Procedure_IsOneChunkWithItsSections()
    {
        var document = Regulation("""
            # Đăng ký khai sinh
            ## Thành phần hồ sơ
            - Tờ khai
            ## Thời hạn giải quyết
            Trong ngày.
            """) with { Type = DocumentType.Procedure, Number = null, Code = "1.001193", Title = "Đăng ký khai sinh" };

        var chunk = Assert.Single(Chunker.Split(document));

        Assert.Equal("Đăng ký khai sinh (1.001193)", chunk.Path);
        Assert.Contains("Thành phần hồ sơ:", chunk.Text, StringComparison.Ordinal);
        Assert.Contains("Trong ngày.", chunk.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_PlainSections_KeepTheirHeadings()
    {
        var chunks = Chunker.Split(Regulation("""
            ## Nhiệm vụ chuyển về cấp xã
            Cấp giấy phép xây dựng.
            ## Hiệu lực
            Từ ngày 01/7/2025.
            """));

        Assert.Equal(["120/2025/NĐ-CP › Nhiệm vụ chuyển về cấp xã", "120/2025/NĐ-CP › Hiệu lực"], chunks.Select(c => c.Path));
    }

    [Fact]
    public void Split_ProcedureWithAParagraphOverTheLimit_CutsItAtLinesThenSentencesWithinTheLimit()
    {
        var list = string.Join('\n', Enumerable.Range(1, 12).Select(i => $"- Giấy tờ số {i} cần nộp kèm theo hồ sơ"));
        var steps = string.Join(' ', Enumerable.Range(1, 20).Select(i => $"Bước {i}: cơ quan tiếp nhận kiểm tra hồ sơ."));
        var document = Regulation($"""
            ## Thành phần hồ sơ
            {list}
            ## Trình tự thực hiện
            {steps}
            """) with { Type = DocumentType.Procedure };

        var chunks = Chunker.Split(document);

        Assert.All(chunks, c => Assert.InRange(c.Text.Length, 1, 300));
        var text = string.Join(' ', chunks.Select(c => c.Text));
        Assert.Contains("- Giấy tờ số 12 cần nộp kèm theo hồ sơ", text, StringComparison.Ordinal);
        Assert.Contains("Bước 20: cơ quan tiếp nhận kiểm tra hồ sơ.", text, StringComparison.Ordinal);
        Assert.DoesNotContain(chunks, c => c.Text.Contains("Bước 3: cơ", StringComparison.Ordinal) && !c.Text.Contains("Bước 3: cơ quan tiếp nhận kiểm tra hồ sơ.", StringComparison.Ordinal));
    }

    [Fact]
    public void Clean_RemovesMarkdownButKeepsLines() =>
        Assert.Equal("Xem Cổng Dịch vụ công\n- đậm", LegalStructureChunker.Clean("Xem [Cổng Dịch vụ công](https://dichvucong.gov.vn)\n\n\n- **đậm**", keepSectionHeadings: false).Replace("\n\n", "\n", StringComparison.Ordinal));

    private static CorpusDocument Regulation(string body) => new()
    {
        Id = "nd-test",
        Type = DocumentType.Regulation,
        Title = "Nghị định thử",
        Number = "120/2025/NĐ-CP",
        Body = body,
        SourcePath = "regulations/nd-test.md",
        ContentHash = "0",
    };
}
