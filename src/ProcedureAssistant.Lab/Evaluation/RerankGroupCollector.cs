using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Core.Text;
using ProcedureAssistant.Lab.Reranking;

namespace ProcedureAssistant.Lab.Evaluation;

/// <summary>
/// One benchmark set (or deployment) indexed and its judged questions analysed, from which the reranker's candidate groups are
/// collected under a given first-stage <see cref="TermNecessity"/> and <see cref="TermTranslation"/>:
/// cross-validation collects them once per fold, with tables learnt without the fold's questions. Made by
/// the overloads of <c>RetrievalEvaluator.OpenRerankCollectorAsync</c>.
/// </summary>
public sealed class RerankGroupCollector : IDisposable
{
    private readonly EmbeddedChunkIndex _index;
    private readonly IndexStatistics _statistics;
    private readonly IReadOnlyList<Question> _questions;

    // Each form's hits and features under the unweighted first stage, from the first collection: collections that
    // weigh nothing only add translation likelihoods.
    private readonly Dictionary<(int Question, int Form, int Candidates), (IReadOnlyList<ChunkHit> Hits, float[][] Features)> _unweighted = [];

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
    /// (a question it counted left out) or unweighted when it is null. A question for which
    /// <paramref name="translationOf"/> gives a table gets its candidates' <see cref="TranslationLikelihood"/> under
    /// it. A question whose terms are all question words gets groups without candidates.
    /// </summary>
    public async Task<List<RerankGroup>> CollectAsync(
        int candidates, TermNecessity? firstStage, Func<string, TermTranslation?>? translationOf = null, CancellationToken cancellationToken = default)
    {
        var groups = new List<RerankGroup>(_questions.Count * 3);
        for (var q = 0; q < _questions.Count; q++)
        {
            var question = _questions[q];
            var translation = translationOf?.Invoke(question.Fingerprint);
            for (var f = 0; f < question.Forms.Count; f++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var form = question.Forms[f];
                var terms = firstStage?.Weigh(form.Terms, question.Fingerprint) ?? form.Terms;
                if (firstStage is not null || !_unweighted.TryGetValue((q, f, candidates), out var collected))
                {
                    var found = terms.IsEmpty ? [] : await _index.SearchAsync(terms, candidates, cancellationToken).ConfigureAwait(false);
                    collected = (found, RerankFeatures.Compute(terms, found, _statistics));
                    if (firstStage is null)
                    {
                        _unweighted[(q, f, candidates)] = collected;
                    }
                }

                var hits = collected.Hits;

                groups.Add(new RerankGroup(
                    Dataset,
                    question.Id,
                    question.Fingerprint,
                    form.Folded,
                    hits.Select(h => h.Chunk.DocumentId).ToList(),
                    collected.Features,
                    hits.Select(h => question.Relevant.Contains(h.Chunk.DocumentId)).ToList(),
                    question.Relevant,
                    form.Use,
                    form.QuestionTerms,
                    question.RelevantSyllables,
                    translation is null ? null : TranslationLikelihood.Compute(terms, hits, _statistics, translation)));
            }
        }

        return groups;
    }

    /// <inheritdoc/>
    public void Dispose() => _index.Dispose();

    /// <summary>A judged question: its relevant documents, their accented syllables, and the forms it is searched in.</summary>
    internal sealed record Question(string Id, string Fingerprint, IReadOnlySet<string> Relevant, IReadOnlySet<string> RelevantSyllables, IReadOnlyList<Form> Forms);

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
