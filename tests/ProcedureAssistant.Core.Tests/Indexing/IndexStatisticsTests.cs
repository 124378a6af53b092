using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Core.Tests.Indexing;

public sealed class IndexStatisticsTests
{
    // 4 chunks of 2.5 syllables on average: 10 syllables in all; "a" is in 3 of them.
    private static readonly IndexStatistics Statistics = new(4, 2.5, term => term == "a" ? 3 : 0);

    [Fact]
    public void CollectionProbability_IsTheDocumentFrequencyWithHalfACountOverTheIndexLength()
    {
        Assert.Equal(3.5 / 10, Statistics.CollectionProbability("a"), 12);
        Assert.Equal(0.5 / 10, Statistics.CollectionProbability("b"), 12);
    }

    [Fact]
    public void CollectionProbability_OfAnEmptyIndex_IsFinite() =>
        Assert.Equal(0.5, new IndexStatistics(0, 0, _ => 0).CollectionProbability("a"), 12);
}
