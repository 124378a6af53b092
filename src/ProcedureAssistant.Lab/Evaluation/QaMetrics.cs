using System.Globalization;

namespace ProcedureAssistant.Lab.Evaluation;

/// <summary>Answer-level metrics over a group of questions.</summary>
/// <param name="Questions">Questions in the group.</param>
/// <param name="KeyFactCoverage">Mean share of key facts in the answers to answerable questions.</param>
/// <param name="CitationPrecision">Mean share of cited documents that are expected, over answers (not refusals) with citations.</param>
/// <param name="AbstentionAccuracy">Share of unanswerable questions on which the service abstained.</param>
/// <param name="FalseAbstentionRate">Share of answerable questions on which it abstained anyway.</param>
/// <param name="Retrieval">Document retrieval on the answerable questions.</param>
/// <param name="RightSourceCited">Share of answerable questions whose reply cites at least one expected document (a refusal cites none).</param>
public sealed record QaMetrics(
    int Questions,
    double KeyFactCoverage,
    double CitationPrecision,
    double AbstentionAccuracy,
    double FalseAbstentionRate,
    RetrievalMetrics Retrieval,
    double RightSourceCited)
{
    /// <summary>Aggregates per-question results.</summary>
    public static QaMetrics From(IReadOnlyCollection<QaItemResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var answerable = results.Where(r => r.Item.Answerable).ToList();
        var unanswerable = results.Where(r => !r.Item.Answerable).ToList();
        return new QaMetrics(
            results.Count,
            Mean(answerable.Select(r => r.KeyFactCoverage)),
            Mean(results.Select(r => r.CitationPrecision)),
            unanswerable.Count == 0 ? double.NaN : unanswerable.Count(r => r.Abstained) / (double)unanswerable.Count,
            answerable.Count == 0 ? double.NaN : answerable.Count(r => r.Abstained) / (double)answerable.Count,
            RetrievalMetrics.From(answerable.Select(r => r.Retrieval).OfType<QueryResult>().ToList()),
            answerable.Count == 0 ? double.NaN : answerable.Count(r => r.Cited.Any(r.Item.ExpectedDocuments.Contains)) / (double)answerable.Count);
    }

    /// <summary>The one-line summary printed last by <c>eval --qa</c>.</summary>
    public string ToMetricsLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"KeyFacts={KeyFactCoverage:0.000} CitationPrecision={CitationPrecision:0.000} RightSourceCited={RightSourceCited:0.000} Abstention={AbstentionAccuracy:0.000} FalseAbstention={FalseAbstentionRate:0.000} MRR@10={Retrieval.Mrr10:0.000} R@5={Retrieval.Recall5:0.000} questions={Questions}");

    private static double Mean(IEnumerable<double?> values)
    {
        var present = values.OfType<double>().ToList();
        return present.Count == 0 ? double.NaN : present.Average();
    }
}
