using ProcedureAssistant.Core.Reranking;

namespace ProcedureAssistant.Lab.Reranking;

/// <summary>
/// The learning of a <see cref="TermTranslation"/> table from judged questions, kept in the lab: the service reads a
/// learnt table from the reranker model and never learns one. An extension, so that a table is still learnt as
/// <c>TermTranslation.Learn(groups)</c>.
/// </summary>
public static class TermTranslationLearning
{
    /// <summary>Expectation-maximisation rounds.</summary>
    public const int Iterations = 4;

    /// <summary>Translations less likely than this are dropped from the table: they are noise and they make it large.</summary>
    public const double MinProbability = 0.01;

    extension(TermTranslation)
    {
        /// <summary>
        /// Learns a table from every question of <paramref name="groups"/> that is learnt from (not
        /// <see cref="RerankGroupUse.ScoreOnly"/>) and knows its relevant articles' syllables, once per fingerprint.
        /// </summary>
        public static TermTranslation Learn(IEnumerable<RerankGroup> groups)
        {
            ArgumentNullException.ThrowIfNull(groups);
            var questions = new SortedDictionary<string, (SortedSet<string> Asked, IReadOnlySet<string> Relevant)>(StringComparer.Ordinal);
            foreach (var group in groups.Where(g => g.Use != RerankGroupUse.ScoreOnly && g.QuestionTerms is not null && g.RelevantSyllables is not null))
            {
                if (!questions.TryGetValue(group.Fingerprint, out var question))
                {
                    question = (new SortedSet<string>(StringComparer.Ordinal), group.RelevantSyllables!);
                    questions.Add(group.Fingerprint, question);
                }

                question.Asked.UnionWith(group.QuestionTerms!.Keys.Where(TermTranslation.IsSyllable));
            }

            return Train(questions.Values.Where(q => q.Asked.Count > 0 && q.Relevant.Count > 0).Select(q => ((IReadOnlyCollection<string>)q.Asked, q.Relevant)).ToList());
        }
    }

    // IBM Model 1 over (question syllables, relevant-article syllables) pairs, with a null source in every article.
    // Every (q, w) pair that occurs gets a slot; each round spreads each question syllable over its article's
    // syllables in proportion to t(q | w), then sets t(q | w) to w's share of what it explained. Sums run in a fixed
    // order, so the same pairs give the same table.
    private static TermTranslation Train(IReadOnlyList<(IReadOnlyCollection<string> Asked, IReadOnlySet<string> Relevant)> pairs)
    {
        var questionIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var articleIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var slotOf = new Dictionary<(int Q, int W), int>();
        var slotQuestion = new List<int>();
        var slotArticle = new List<int>();
        var occurrences = new List<(int Q, int[] Slots)>();
        foreach (var (asked, relevant) in pairs)
        {
            var articleSyllables = relevant.Order(StringComparer.Ordinal).Select(w => Id(articleIds, w)).ToArray();
            foreach (var q in asked)
            {
                var qid = Id(questionIds, q);
                var slots = new int[articleSyllables.Length];
                for (var i = 0; i < articleSyllables.Length; i++)
                {
                    if (!slotOf.TryGetValue((qid, articleSyllables[i]), out var slot))
                    {
                        slot = slotOf.Count;
                        slotOf.Add((qid, articleSyllables[i]), slot);
                        slotQuestion.Add(qid);
                        slotArticle.Add(articleSyllables[i]);
                    }

                    slots[i] = slot;
                }

                occurrences.Add((qid, slots));
            }
        }

        // Uniform start: every source explains every question syllable equally in the first round.
        var t = new double[slotOf.Count];
        Array.Fill(t, 1.0);
        var tNull = new double[questionIds.Count];
        Array.Fill(tNull, 1.0);
        for (var round = 0; round < Iterations; round++)
        {
            var counts = new double[t.Length];
            var nullCounts = new double[tNull.Length];
            var totals = new double[articleIds.Count];
            var nullTotal = 0.0;
            foreach (var (q, slots) in occurrences)
            {
                var z = tNull[q];
                foreach (var slot in slots)
                {
                    z += t[slot];
                }

                foreach (var slot in slots)
                {
                    var share = t[slot] / z;
                    counts[slot] += share;
                    totals[slotArticle[slot]] += share;
                }

                var nullShare = tNull[q] / z;
                nullCounts[q] += nullShare;
                nullTotal += nullShare;
            }

            for (var slot = 0; slot < t.Length; slot++)
            {
                t[slot] = counts[slot] / totals[slotArticle[slot]];
            }

            for (var q = 0; q < tNull.Length; q++)
            {
                tNull[q] = nullTotal == 0 ? 0 : nullCounts[q] / nullTotal;
            }
        }

        var questionNames = questionIds.OrderBy(q => q.Value).Select(q => q.Key).ToArray();
        var articleNames = articleIds.OrderBy(w => w.Value).Select(w => w.Key).ToArray();
        var sources = new Dictionary<string, Dictionary<string, float>>(StringComparer.Ordinal);
        for (var slot = 0; slot < t.Length; slot++)
        {
            if (t[slot] >= MinProbability)
            {
                var q = questionNames[slotQuestion[slot]];
                if (!sources.TryGetValue(q, out var row))
                {
                    row = new Dictionary<string, float>(StringComparer.Ordinal);
                    sources.Add(q, row);
                }

                row[articleNames[slotArticle[slot]]] = (float)Math.Min(t[slot], 1);
            }
        }

        return new TermTranslation(sources.ToDictionary(s => s.Key, s => (IReadOnlyDictionary<string, float>)s.Value, StringComparer.Ordinal));
    }

    private static int Id(Dictionary<string, int> ids, string syllable)
    {
        if (!ids.TryGetValue(syllable, out var id))
        {
            id = ids.Count;
            ids.Add(syllable, id);
        }

        return id;
    }
}
