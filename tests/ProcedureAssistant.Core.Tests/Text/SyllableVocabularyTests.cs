using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Text;

public sealed class SyllableVocabularyTests
{
    private readonly SyllableVocabulary _vocabulary = new(["sinh xin in sản thực", "đăng đang dạng thông", "khai sinh, khai sinh; điều 12"]);

    [Fact]
    public void Candidates_AreTheSyllablesOneEditAway() =>
        Assert.Equal(["in", "sinh", "sản", "xin"], _vocabulary.Candidates("sin", folded: false).Order(StringComparer.Ordinal));

    [Fact]
    public void Candidates_IncludeOtherMarksOnTheSameLetters() =>
        Assert.Equal(["dạng", "đang", "đăng"], _vocabulary.Candidates("dang", folded: false).Order(StringComparer.Ordinal));

    [Fact]
    public void Candidates_Folded_ComeFromTheFoldedSyllables() =>
        Assert.Equal(["in", "san", "sinh", "xin"], _vocabulary.Candidates("sin", folded: true).Order(StringComparer.Ordinal));

    [Fact]
    public void Candidates_IncludeTwoLettersSwapped() =>
        Assert.Contains("thong", _vocabulary.Candidates("tohng", folded: true));

    [Fact]
    public void Candidates_LeaveOutTheSyllableItself() =>
        Assert.DoesNotContain("sinh", _vocabulary.Candidates("sinh", folded: false));

    [Fact]
    public void FormsOf_AreTheAccentedSyllablesOfAFold_InOrdinalOrder()
    {
        Assert.Equal(["dạng", "đang", "đăng"], _vocabulary.FormsOf("dang"));
        Assert.Equal(["thông"], _vocabulary.FormsOf("thong"));
        Assert.Empty(_vocabulary.FormsOf("hon"));
    }

    [Fact]
    public void FollowersAndPredecessors_CountDifferentNeighbours()
    {
        // Pairs: sinh xin, xin in, in sản, sản thực, đăng đang, đang dạng, dạng thông, khai sinh (twice), sinh khai,
        // sinh điều ("12" is no word).
        Assert.Equal(3, _vocabulary.FollowerCount("sinh"));
        Assert.Equal(1, _vocabulary.FollowerCount("khai"));
        Assert.Equal(1, _vocabulary.PredecessorCount("sinh"));
        Assert.Equal(0, _vocabulary.PredecessorCount("đăng"));
        Assert.Equal(10, _vocabulary.PairTypeCount);
    }

    [Fact]
    public void Counts_SyllablesAndPairsAcrossPunctuation()
    {
        Assert.Equal(3, _vocabulary.Count("sinh", folded: false));
        Assert.Equal(2, _vocabulary.PairCount("khai", "sinh", folded: false));
        Assert.Equal(1, _vocabulary.PairCount("sinh", "khai", folded: false));
        Assert.Equal(2, _vocabulary.PairCount("khai", "sinh", folded: true));
    }

    [Fact]
    public void Contains_LeavesOutNumbers()
    {
        Assert.True(_vocabulary.Contains("điều", folded: false));
        Assert.True(_vocabulary.Contains("dieu", folded: true));
        Assert.False(_vocabulary.Contains("12", folded: false));
    }
}
