using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Reranking;

public sealed class SyllableMatcherTests
{
    [Theory]
    [InlineData("Lý lịch tư pháp: QUÝ khách ĐĂNG KÝ tại UBND xã, ngày 01/7/2025.")]
    [InlineData("Người nghiện ma tuý hoà giải; thuỷ lợi; kĩ thuật, kỹ năng.")]
    [InlineData("dang ky ket hon o dau, ly do, 118/2025/ND-CP, Điều 9.")]
    [InlineData("Cha\u0300 me\u0323 (NFD) và Straße, 𝔸 ký hiệu lạ, ½ phần.")]
    public void Match_AnyText_GivesTheIdsOfNormalisingEverySyllable(string text)
    {
        var accented = Ids("lí", "quí", "đăng", "ký", "hoà", "thủy", "kĩ", "tư", "cha", "mẹ");
        var folded = Ids("ly", "ky", "dang", "ket", "hon", "tuy", "hoa", "cha", "me", "01");
        var (accentedIds, foldedIds) = (new List<int>(), new List<int>());

        new SyllableMatcher(accented, folded).Match(text, accentedIds, foldedIds);

        var syllables = TextAnalyzer.Syllables(text).ToList();
        Assert.Equal(syllables.Select(s => accented.GetValueOrDefault(s, -1)), accentedIds);
        Assert.Equal(syllables.Select(s => folded.GetValueOrDefault(VietnameseText.Fold(s), -1)), foldedIds);
        Assert.Contains(accentedIds.Concat(foldedIds), id => id >= 0);
    }

    // Keys as the analyser writes them (normalised), numbered in order.
    private static Dictionary<string, int> Ids(params string[] syllables) =>
        syllables.Select(VietnameseText.Normalize).Distinct(StringComparer.Ordinal).Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
}
