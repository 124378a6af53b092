using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Reranking;

/// <summary>
/// How often a question term is also a term of the question's relevant article, learnt from judged questions: the
/// evidence that a term is the question's focus ("đồng phạm", "hoãn") rather than its frame ("truy cứu trách nhiệm
/// hình sự", "được quy định như thế nào"), which citizens add to questions and most answering articles never say.
/// A term's weight is its smoothed rate over the rate of all terms: above 1 for terms that the answering article
/// usually holds, below 1 for framing terms, 1 for a term no training question held. The first stage multiplies
/// the question's term weights by it (<see cref="Weigh"/>) before the search whose candidates the reranker reorders.
/// </summary>
/// <remarks>
/// Counts are per question (its typed and folded forms count once). A table learnt from groups remembers each
/// question's own counts, so that a question can be left out of them exactly: training and cross-validation search a
/// judged question without its own judgement, as the service searches a new question. The lab learns a table
/// (ProcedureAssistant.Lab's TermNecessityLearning); the service only reads one.
/// </remarks>
public sealed class TermNecessity
{
    /// <summary>Pseudo-counts at the overall rate added to every term's counts.</summary>
    public const double Smoothing = 3;

    private readonly Dictionary<string, TermCount> _counts;
    private readonly Dictionary<string, Dictionary<string, bool>> _questions;
    private readonly double _prior;

    /// <summary>A table of per-term counts (a model's), which cannot leave a question out.</summary>
    /// <exception cref="ArgumentException">A count is not 0 ≤ hits ≤ questions.</exception>
    public TermNecessity(IReadOnlyDictionary<string, TermCount> counts)
        : this(counts, new Dictionary<string, Dictionary<string, bool>>(StringComparer.Ordinal))
    {
    }

    /// <summary>A table of per-term counts that remembers each question's own terms (fingerprint → term → whether the relevant article holds it), so that a question can be left out.</summary>
    internal TermNecessity(IReadOnlyDictionary<string, TermCount> counts, Dictionary<string, Dictionary<string, bool>> questions)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.FirstOrDefault(c => c.Value.Hits < 0 || c.Value.Hits > c.Value.Questions) is { Key: { } bad })
        {
            throw new ArgumentException($"The count of '{bad}' is not 0 ≤ hits ≤ questions.", nameof(counts));
        }

        _counts = new Dictionary<string, TermCount>(counts, StringComparer.Ordinal);
        _questions = questions;
        var total = _counts.Values.Sum(c => (long)c.Questions);
        _prior = total == 0 ? 1 : Math.Max(_counts.Values.Sum(c => (long)c.Hits), 1) / (double)total;
    }

    /// <summary>The terms counted, with their counts, in ordinal order.</summary>
    public IReadOnlyDictionary<string, TermCount> Counts =>
        _counts.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

    /// <summary>The share of question terms, over all terms counted, that the relevant article holds.</summary>
    public double Prior => _prior;

    /// <summary>The weight of <paramref name="term"/>; 1 when it was never counted.</summary>
    /// <param name="term">An analysed question term.</param>
    /// <param name="leaveOut">The fingerprint of a question whose own counts are left out, when this table counted it.</param>
    public double Weight(string term, string? leaveOut = null)
    {
        ArgumentNullException.ThrowIfNull(term);
        var count = _counts.GetValueOrDefault(term);
        var (questions, hits) = (count.Questions, count.Hits);
        if (leaveOut is not null && _questions.TryGetValue(leaveOut, out var own) && own.TryGetValue(term, out var hit))
        {
            questions--;
            hits -= hit ? 1 : 0;
        }

        return ((hits + (Smoothing * _prior)) / (questions + Smoothing)) / _prior;
    }

    /// <summary>
    /// The question with each term's search weight multiplied by its <see cref="Weight"/>; coverage keeps the
    /// weights as asked (<see cref="QueryTerms.CoverageWeights"/>).
    /// </summary>
    public QueryTerms Weigh(QueryTerms query, string? leaveOut = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query with
        {
            Weights = query.Weights.ToDictionary(w => w.Key, w => (float)(w.Value * Weight(w.Key, leaveOut)), StringComparer.Ordinal),
            CoverageWeights = query.CoverageWeights ?? query.Weights,
        };
    }
}
