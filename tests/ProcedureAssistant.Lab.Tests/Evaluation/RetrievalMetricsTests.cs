using ProcedureAssistant.Lab.Evaluation;

namespace ProcedureAssistant.Lab.Tests.Evaluation;

public sealed class RetrievalMetricsTests
{
    [Fact]
    public void QueryResult_FirstRelevantAtRankThree()
    {
        var result = new QueryResult("q", ["x", "y", "a", "b"], new HashSet<string> { "a", "b" });

        Assert.Equal(1.0 / 3, result.ReciprocalRank(10), 12);
        Assert.Equal(0, result.Recall(1));
        Assert.Equal(0.5, result.Recall(3));
        Assert.Equal(1, result.Recall(10));
        var dcg = (1 / Math.Log2(4)) + (1 / Math.Log2(5));
        var ideal = 1 + (1 / Math.Log2(3));
        Assert.Equal(dcg / ideal, result.Ndcg(10), 12);
    }

    [Fact]
    public void QueryResult_RelevantBeyondTheCutoff_CountsNothing()
    {
        var ranking = Enumerable.Range(0, 11).Select(i => $"d{i}").ToList();
        var result = new QueryResult("q", ranking, new HashSet<string> { "d10" });

        Assert.Equal(0, result.ReciprocalRank(10));
        Assert.Equal(0, result.Ndcg(10));
    }

    [Fact]
    public void Metrics_AverageAndPrintTheContractLine()
    {
        var metrics = RetrievalMetrics.From(
        [
            new QueryResult("q1", ["a"], new HashSet<string> { "a" }),
            new QueryResult("q2", ["x", "b"], new HashSet<string> { "b" }),
        ]);

        Assert.Equal("MRR@10=0.750 R@1=0.500 R@5=1.000 R@10=1.000 nDCG@10=0.815 queries=2", metrics.ToMetricsLine());
    }
}
