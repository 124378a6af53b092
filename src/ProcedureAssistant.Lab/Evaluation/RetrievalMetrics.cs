using System.Globalization;

namespace ProcedureAssistant.Lab.Evaluation;

/// <summary>Mean retrieval metrics over a query set (recall is the share of a query's relevant documents found).</summary>
public sealed record RetrievalMetrics(double Mrr10, double Recall1, double Recall5, double Recall10, double Ndcg10, int Queries)
{
    /// <summary>The metrics line every eval run ends with (DESIGN.md).</summary>
    public string ToMetricsLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"MRR@10={Mrr10:0.000} R@1={Recall1:0.000} R@5={Recall5:0.000} R@10={Recall10:0.000} nDCG@10={Ndcg10:0.000} queries={Queries}");

    /// <summary>Averages per-query results.</summary>
    public static RetrievalMetrics From(IReadOnlyCollection<QueryResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            return new RetrievalMetrics(0, 0, 0, 0, 0, 0);
        }

        return new RetrievalMetrics(
            results.Average(r => r.ReciprocalRank(10)),
            results.Average(r => r.Recall(1)),
            results.Average(r => r.Recall(5)),
            results.Average(r => r.Recall(10)),
            results.Average(r => r.Ndcg(10)),
            results.Count);
    }
}

/// <summary>The ranking returned for one query and the documents that should have been found.</summary>
public sealed record QueryResult(string QueryId, IReadOnlyList<string> Ranking, IReadOnlySet<string> Relevant)
{
    /// <summary>1 / rank of the first relevant document within the cutoff, else 0.</summary>
    public double ReciprocalRank(int cutoff)
    {
        for (var i = 0; i < Math.Min(cutoff, Ranking.Count); i++)
        {
            if (Relevant.Contains(Ranking[i]))
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    /// <summary>Share of the relevant documents found within the cutoff.</summary>
    public double Recall(int cutoff) =>
        Relevant.Count == 0 ? 0 : (double)Ranking.Take(cutoff).Distinct().Count(Relevant.Contains) / Relevant.Count;

    /// <summary>Normalised discounted cumulative gain with binary relevance.</summary>
    public double Ndcg(int cutoff)
    {
        var dcg = 0.0;
        for (var i = 0; i < Math.Min(cutoff, Ranking.Count); i++)
        {
            if (Relevant.Contains(Ranking[i]))
            {
                dcg += 1 / Math.Log2(i + 2);
            }
        }

        var ideal = 0.0;
        for (var i = 0; i < Math.Min(cutoff, Relevant.Count); i++)
        {
            ideal += 1 / Math.Log2(i + 2);
        }

        return ideal == 0 ? 0 : dcg / ideal;
    }
}
