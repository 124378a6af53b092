using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Text;

public sealed class DiacriticRestorerTests
{
    private static readonly SyllableVocabulary Vocabulary = new(
    [
        "Đăng ký kết hôn tại uỷ ban.",
        "Hồ sơ đang được xử lý.",
        "Đảng viên đang công tác.",
        "Bản án đã có hiệu lực.",
        "Bán hàng rong.",
        "Bạn bè.",
    ]);

    private readonly DiacriticRestorer _restorer = new();

    [Theory]
    [InlineData("dang ky ket hon", "đăng ký kết hôn")]
    [InlineData("ho so dang duoc xu ly", "hồ sơ đang được xử lý")]
    [InlineData("dang vien", "đảng viên")]
    public void Restore_FoldedQuestion_GetsTheCorpusWording(string typed, string meant) =>
        Assert.Equal(Syllables(meant), Restore(typed));

    [Theory]
    [InlineData("ban an", "bản án")]
    [InlineData("ban hang", "bán hàng")]
    [InlineData("ban be", "bạn bè")]
    public void Restore_AmbiguousFold_IsResolvedByItsNeighbour(string typed, string meant) =>
        Assert.Equal(Syllables(meant), Restore(typed));

    [Fact]
    public void Restore_SyllableTypedWithMarks_IsKeptAndDecidesItsNeighbour() =>
        Assert.Equal(Syllables("bản án"), Restore("ban án"));

    [Fact]
    public void Restore_UnknownSyllablesAndNumbers_StayAsTyped() =>
        Assert.Equal(Syllables("đăng ký xyz 2025 kết hôn"), Restore("dang ky xyz 2025 ket hon"));

    [Fact]
    public void Restore_WithAConfidence_LeavesOutWhatTheCorpusCannotRestore() =>
        Assert.Equal(["đăng", "kí", null, null], _restorer.Restore(Syllables("dang ky xyz 2025"), Vocabulary, minConfidence: 0.01));

    [Fact]
    public void Restore_LoneAmbiguousSyllable_TakesTheFormWrittenAfterTheMostDifferentSyllables() =>
        // "đang" follows "sơ" and "viên"; "đăng" and "đảng" only ever open a text.
        Assert.Equal(["đang"], Restore("dang"));

    [Theory]
    [InlineData(0.6, "đang")]
    [InlineData(0.7, null)]
    public void Restore_BelowTheLeastConfidence_LeavesTheSyllableOut(double minConfidence, string? expected) =>
        // Alone, "dang" is "đang" with probability 2 / (2 + 0.5 + 0.5): continuation counts 2, and 0.5 for the
        // forms the corpus never writes after anything.
        Assert.Equal([expected], _restorer.Restore(["dang"], Vocabulary, minConfidence));

    [Theory]
    [InlineData(0.5, "đăng")]
    [InlineData(0.7, null)]
    public void Restore_NeighbourRaisesTheConfidence(double minConfidence, string? expected) =>
        // "ký" makes "đăng" about 0.6 likely: in a corpus this small a pair seen once leaves much to the back-off.
        // "ky" has one form only, so it is certain.
        Assert.Equal([expected, "kí"], _restorer.Restore(Syllables("dang ky"), Vocabulary, minConfidence));

    [Fact]
    public void Restore_Nothing_GivesNothing() =>
        Assert.Empty(_restorer.Restore([], Vocabulary));

    [Fact]
    public void Restore_EmptyCorpus_KeepsTheQuestion() =>
        Assert.Equal(["dang", "ky"], _restorer.Restore(["dang", "ky"], new SyllableVocabulary([])));

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Create_DiscountOutsideZeroToOne_Throws(double discount) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DiacriticRestorer(discount));

    private IReadOnlyList<string> Restore(string typed) => _restorer.Restore(Syllables(typed), Vocabulary);

    private static List<string> Syllables(string text) => TextAnalyzer.Syllables(text).ToList();
}
