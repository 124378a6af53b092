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

    private static TermWeights Weights(string question) => new(TextAnalyzer.CreateDefault(), question, null, null);
}
