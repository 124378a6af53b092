using System.Text;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Core.Tests.Documents;

public sealed class MarkdownDocumentParserTests
{
    private readonly MarkdownDocumentParser _parser = new();

    [Fact]
    public void Parse_FrontMatterAndBody()
    {
        var document = _parser.Parse("procedures/khai-sinh.md", Encoding.UTF8.GetBytes(SampleCorpus.BirthRegistration));

        Assert.Equal("tthc-1.001193", document.Id);
        Assert.Equal(DocumentType.Procedure, document.Type);
        Assert.Equal("1.001193", document.Code);
        Assert.Equal(["Luật Hộ tịch 2014, Điều 16", "Nghị định 120/2025/NĐ-CP, Điều 4"], document.LegalBasis);
        Assert.Equal(new DateOnly(2025, 7, 1), document.Effective);
        Assert.Equal(["làm giấy khai sinh"], document.Aliases);
        Assert.StartsWith("# Đăng ký khai sinh", document.Body, StringComparison.Ordinal);
        Assert.Equal(64, document.ContentHash.Length);
    }

    [Theory]
    [InlineData("summary: true\n", true)]
    [InlineData("summary: false\n", false)]
    [InlineData("", false)]
    public void Parse_SummaryKey_MarksTheBodyAsTheTeamsSummary(string line, bool summary)
    {
        var document = _parser.Parse("regulations/nd.md", Encoding.UTF8.GetBytes($"---\nid: nd\ntype: regulation\n{line}title: Nghị định\n---\nTóm tắt.\n"));

        Assert.Equal(summary, document.IsSummary);
    }

    [Theory]
    [InlineData("no front matter", "no front matter")]
    [InlineData("---\nid: x\ntype: procedure\n", "not closed")]
    [InlineData("---\ntype: procedure\ntitle: T\n---\n", "no 'id'")]
    [InlineData("---\nid: x\ntype: law\ntitle: T\n---\n", "'type: law' is not one of")]
    [InlineData("---\nid: x\ntype: guide\ntitle: T\neffective: 1/7/2025\n---\n", "YYYY-MM-DD")]
    [InlineData("---\nid: x\ntype: guide\ntitle: [unclosed\n---\n", "not valid YAML")]
    [InlineData("---\nid: x\ntype: guide\ntitle: T\ntitel: typo\n---\n", "not valid YAML")]
    public void Parse_BadFile_SaysWhyWithTheFileName(string content, string reason)
    {
        var error = Assert.Throws<DocumentParseException>(() => _parser.Parse("guides/bad.md", Encoding.UTF8.GetBytes(content)));

        Assert.Equal("guides/bad.md", error.SourcePath);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotUtf8_IsRejected()
    {
        var error = Assert.Throws<DocumentParseException>(() => _parser.Parse("x.md", [0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE]));
        Assert.Contains("UTF-8", error.Reason, StringComparison.Ordinal);
    }
}
