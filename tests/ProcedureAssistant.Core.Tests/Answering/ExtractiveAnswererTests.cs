using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Answering;

public sealed class ExtractiveAnswererTests
{
    [Fact]
    public void BestPassage_LongArticle_QuotesItsNameAndTheClauseNearestTheQuestion()
    {
        var filler = string.Concat(Enumerable.Repeat("quy định chung về tổ chức bộ máy ", 8));
        var article = $"Điều 5. Thẩm quyền\n1. {filler}\n2. Chủ tịch Ủy ban nhân dân cấp xã cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình.\n3. {filler}";

        var passage = ExtractiveAnswerer.BestPassage(article, Weights("ai cấp sổ đỏ giấy chứng nhận quyền sử dụng đất"), 400);

        Assert.Equal("Điều 5. Thẩm quyền\n2. Chủ tịch Ủy ban nhân dân cấp xã cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình.", passage);
    }

    [Fact]
    public void BestPassage_ShortChunk_IsQuotedWhole() =>
        Assert.Equal("Điều 1. Ngắn\n1. Một khoản.", ExtractiveAnswerer.BestPassage("Điều 1. Ngắn\n1. Một khoản.", Weights("bất kỳ"), 400));

    [Fact]
    public void BestPassage_LongBulletList_QuotesTheBulletsThatSpeakToTheQuestion()
    {
        var bullets = string.Join('\n', Enumerable.Range(1, 30).Select(i => $"- Mục viết tắt số {i}: nội dung giải thích dài dòng về một thuật ngữ khác."));
        var glossary = "Loại văn bản pháp luật:\n" + bullets + "\n- VBHN: văn bản hợp nhất (gộp văn bản gốc với các văn bản sửa đổi).";

        var passage = ExtractiveAnswerer.BestPassage(glossary, Weights("VBHN là gì"), 400);

        Assert.StartsWith("Loại văn bản pháp luật:\n", passage, StringComparison.Ordinal);
        Assert.Contains("- VBHN: văn bản hợp nhất", passage, StringComparison.Ordinal);
        Assert.True(passage.Length <= 400, passage);
    }

    [Fact]
    public void Compose_Procedure_PutsTheAskedFieldFirst_ThenALineOutsideTheChecklistThatAnswers()
    {
        var corpus = new AnsweringCorpus();
        const string question = "ông tôi 80 tuổi không có lương hưu thì có được hưởng trợ cấp hưu trí xã hội không, ai giải quyết";
        var evidence = new Evidence(question, [corpus.Hit("tthc-huu-tri", 0.8)], corpus.Documents, corpus.Statistics);

        var (text, cited) = corpus.Extractive().Compose(question, Persona.Citizen, evidence);

        Assert.Equal([1], cited);
        var lines = text.Split('\n');
        Assert.Equal("Thủ tục Hưởng trợ cấp hưu trí xã hội [1]:", lines[0]);
        Assert.Equal("- Cơ quan giải quyết: Ủy ban nhân dân cấp xã nơi người đề nghị cư trú. [1]", lines[1]);
        Assert.Equal("- Điều kiện: Từ đủ 75 tuổi trở lên, không hưởng lương hưu. [1]", lines[2]);
        Assert.Contains("- Lệ phí: Không thu lệ phí. [1]", lines[3..]);
    }

    [Fact]
    public void Compose_SupersededText_SaysWhatReplacedIt()
    {
        var corpus = new AnsweringCorpus();
        const string question = "chính quyền ba cấp";
        var evidence = new Evidence(question, [corpus.Hit("luat-65", 0.8)], corpus.Documents, corpus.Statistics);

        var (text, _) = corpus.Extractive().Compose(question, Persona.Official, evidence);

        Assert.StartsWith("Theo Luật Tổ chức chính quyền địa phương số 65/2025/QH15 (đã bị thay thế) [1]:", text, StringComparison.Ordinal);
        Assert.Contains("đã được thay thế bởi Luật Tổ chức chính quyền địa phương (72/2025/QH15)", text, StringComparison.Ordinal);
        Assert.Contains("còn nhắc đến cấp huyện", text, StringComparison.Ordinal);
    }

    private static TermWeights Weights(string question) => new(TextAnalyzer.CreateDefault(), question, null, null);
}
