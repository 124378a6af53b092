using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Evaluation;

/// <summary>
/// One benchmark set indexed and its judged questions analysed, from which the reranker's candidate groups are
/// collected under a given first-stage <see cref="TermNecessity"/>: cross-validation collects them once per fold,
/// with a table learnt without the fold's questions. Made by <see cref="RetrievalEvaluator.OpenRerankCollectorAsync"/>.
/// </summary>
public sealed class RerankGroupCollector : IDisposable
{
    private readonly EmbeddedChunkIndex _index;
    private readonly IndexStatistics _statistics;
    private readonly IReadOnlyList<Question> _questions;

    internal RerankGroupCollector(string dataset, EmbeddedChunkIndex index, IndexStatistics statistics, IReadOnlyList<Question> questions)
    {
        Dataset = dataset;
        _index = index;
        _statistics = statistics;
        _questions = questions;
    }

    /// <summary>The benchmark set's name.</summary>
    public string Dataset { get; }

    /// <summary>How many judged questions it holds.</summary>
    public int Questions => _questions.Count;

    /// <summary>
    /// Every judged question's groups (as typed, without diacritics unrestored, and restored), with the first
    /// <paramref name="candidates"/> hits of a BM25 search whose terms are weighted by <paramref name="firstStage"/>
    /// (a question it counted left out) or unweighted when it is null. A question whose terms are all question words
    /// gets groups without candidates.
    /// </summary>
    public async Task<List<RerankGroup>> CollectAsync(int candidates, TermNecessity? firstStage, CancellationToken cancellationToken = default)
    {
        var groups = new List<RerankGroup>(_questions.Count * 3);
        foreach (var question in _questions)
        {
            foreach (var form in question.Forms)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var terms = firstStage?.Weigh(form.Terms, question.Fingerprint) ?? form.Terms;
                var hits = terms.IsEmpty ? [] : await _index.SearchAsync(terms, candidates, cancellationToken).ConfigureAwait(false);

                groups.Add(new RerankGroup(
                    Dataset,
                    question.Id,
                    question.Fingerprint,
                    form.Folded,
                    hits.Select(h => h.Chunk.DocumentId).ToList(),
                    RerankFeatures.Compute(terms, hits, _statistics),
                    hits.Select(h => question.Relevant.Contains(h.Chunk.DocumentId)).ToList(),
                    question.Relevant,
                    form.Use,
                    form.QuestionTerms));
            }
        }

        return groups;
    }

    /// <inheritdoc/>
    public void Dispose() => _index.Dispose();

    /// <summary>A judged question: its relevant documents and the forms it is searched in.</summary>
    internal sealed record Question(string Id, string Fingerprint, IReadOnlySet<string> Relevant, IReadOnlyList<Form> Forms);

    /// <summary>
    /// One analysed form of a question, what it is for, and its terms each with whether a relevant document holds
    /// it (the same whatever the first stage weighs them by: a weight is never brought to zero).
    /// </summary>
    internal sealed record Form(QueryTerms Terms, bool Folded, RerankGroupUse Use, IReadOnlyDictionary<string, bool> QuestionTerms)
    {
        public Form(QueryTerms terms, bool folded, RerankGroupUse use, IReadOnlyList<TermBag> relevant)
            : this(terms, folded, use, terms.Weights.Where(w => w.Value > 0).ToDictionary(w => w.Key, w => relevant.Any(bag => bag.Frequencies.ContainsKey(w.Key)), StringComparer.Ordinal))
        {
        }
    }
}
