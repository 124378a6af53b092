using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Reranking;

/// <summary>
/// How likely each candidate is to have been asked about in the question's own words: the mean log-likelihood of the
/// question's accented syllables under a translation language model of the candidate (Berger and Lafferty, 1999).
/// Each syllable is drawn from the candidate half as itself and half through the <see cref="TermTranslation"/> of
/// the candidate's syllables, and that mixed half and half with the collection; the mixtures are fixed, not fitted.
/// It finds articles that answer a question without repeating its words, where BM25 and the reranker's lexical
/// features cannot; on its own it places the best answer first less often than they do.
/// </summary>
/// <remarks>
/// A question with no accented syllable (typed without diacritics and not restored) gets 0 for every candidate.
/// Works on the hits' text and <see cref="IndexStatistics"/> only, as the reranker's features do, so both backends
/// score alike.
/// </remarks>
public static class TranslationLikelihood
{
    private const double SelfTranslation = 0.5;
    private const double CandidateMix = 0.5;

    /// <summary>One likelihood per candidate, in the candidates' order.</summary>
    public static double[] Compute(QueryTerms query, IReadOnlyList<ChunkHit> candidates, IndexStatistics statistics, TermTranslation translation)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(translation);

        // Ids: the question's syllables first (0 … asked − 1), then the syllables they translate from.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var asked = query.Weights.Where(w => w.Value > 0 && TermTranslation.IsSyllable(w.Key)).Select(w => w.Key).Order(StringComparer.Ordinal).ToList();
        if (asked.Count == 0 || candidates.Count == 0)
        {
            return new double[candidates.Count];
        }

        asked.ForEach(q => ids.Add(q, ids.Count));
        var sources = new Dictionary<int, List<(int Asked, float Probability)>>();
        for (var q = 0; q < asked.Count; q++)
        {
            foreach (var (syllable, probability) in translation.SourcesOf(asked[q]).OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                if (!ids.TryGetValue(syllable, out var id))
                {
                    id = ids.Count;
                    ids.Add(syllable, id);
                }

                if (!sources.TryGetValue(id, out var list))
                {
                    list = [];
                    sources.Add(id, list);
                }

                list.Add((q, probability));
            }
        }

        var sourceOf = new (int Asked, float Probability)[]?[ids.Count];
        foreach (var (id, list) in sources)
        {
            sourceOf[id] = [.. list];
        }

        var background = asked.Select(statistics.CollectionProbability).ToArray();
        var matcher = new SyllableMatcher(ids, new Dictionary<string, int>(StringComparer.Ordinal));
        var accentedIds = new List<int>(512);
        var foldedIds = new List<int>(512);
        var likelihoods = new double[candidates.Count];
        for (var c = 0; c < candidates.Count; c++)
        {
            var chunk = candidates[c].Chunk;
            accentedIds.Clear();
            foldedIds.Clear();
            matcher.Match(chunk.Path + "\n" + chunk.Title, accentedIds, foldedIds);
            matcher.Match(chunk.Text, accentedIds, foldedIds);
            var own = new int[asked.Count];
            var translated = new double[asked.Count];
            foreach (var id in accentedIds)
            {
                if (id < 0)
                {
                    continue;
                }

                if (id < asked.Count)
                {
                    own[id]++;
                }

                foreach (var (q, probability) in sourceOf[id] ?? [])
                {
                    translated[q] += probability;
                }
            }

            var length = accentedIds.Count;
            var sum = 0.0;
            for (var q = 0; q < asked.Count; q++)
            {
                var inCandidate = length == 0 ? 0 : ((SelfTranslation * own[q]) + ((1 - SelfTranslation) * translated[q])) / length;
                sum += Math.Log((CandidateMix * inCandidate) + ((1 - CandidateMix) * background[q]));
            }

            likelihoods[c] = sum / asked.Count;
        }

        return likelihoods;
    }
}
