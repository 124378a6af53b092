using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Core.Tests.Indexing;

public sealed class RankFusionTests
{
    [Fact]
    public void Reciprocal_DefaultConstant_ScoresAsQdrantDoes()
    {
        // Ranks count from 0: b is 2nd then 1st → 1/(2+1) + 1/(2+0); a only 1st → 1/2; d 2nd → 1/3; c 3rd → 1/4.
        var fused = RankFusion.Reciprocal<string>([["a", "b", "c"], ["b", "d"]], k: 2, limit: 10);

        Assert.Equal(["b", "a", "d", "c"], fused.Select(f => f.Item));
        Assert.Equal([(1.0 / 3) + 0.5, 0.5, 1.0 / 3, 0.25], fused.Select(f => f.Score));
    }

    [Fact]
    public void Reciprocal_TopOfBothLists_ScoresOneWithTheDefault() =>
        Assert.Equal(1.0, RankFusion.Reciprocal<int>([[7, 1], [7, 2]], 2, 1).Single().Score, 12);

    [Fact]
    public void Reciprocal_PaperConstant_IsSixtyOneHere()
    {
        var fused = RankFusion.Reciprocal<int>([[1, 2], [2]], k: 61, limit: 2);

        Assert.Equal([2, 1], fused.Select(f => f.Item));
        Assert.Equal((1.0 / 62) + (1.0 / 61), fused[0].Score, 15);
        Assert.Equal(1.0 / 61, fused[1].Score, 15);
    }

    [Fact]
    public void Reciprocal_Ties_GoToTheItemSeenFirst() =>
        Assert.Equal(["x", "y"], RankFusion.Reciprocal<string>([["x"], ["y"]], 2, 5).Select(f => f.Item));

    [Fact]
    public void Reciprocal_Limit_KeepsTheBest() =>
        Assert.Equal(["b"], RankFusion.Reciprocal<string>([["a", "b"], ["b"]], 2, 1).Select(f => f.Item));
}
