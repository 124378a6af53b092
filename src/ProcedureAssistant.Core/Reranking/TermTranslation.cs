using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Reranking;

/// <summary>
/// Which syllables of an answering article a question's syllables stand for, learnt from judged questions: the
/// probability t(q | w) that an article's syllable w is what a question's syllable q was written for, by IBM
/// Model 1 (expectation-maximisation over question–article pairs, each question syllable explained by one of its
/// relevant articles' syllables or by none). It carries a question's wording over to a statute's: learnt from the
/// benchmark questions, "tử" of "bức tử" stands for "nhục" of "làm nhục". The reranker ranks the candidates past its
/// head by it too
/// (<see cref="TranslationLikelihood"/>, <see cref="Reranker.Rerank"/>).
/// </summary>
/// <remarks>
/// Syllables are accented and normalised (<see cref="VietnameseText.Normalize"/>), single syllables only: bigram
/// pairs are too sparse to learn from a few thousand questions. A question's typed and folded forms count once.
/// A table remembers nothing of single questions, so cross-validation learns one per fold, without the fold.
/// </remarks>
public sealed class TermTranslation
{
    /// <summary>Expectation-maximisation rounds.</summary>
    public const int Iterations = 4;

    /// <summary>Translations less likely than this are dropped from the table: they are noise and they make it large.</summary>
    public const double MinProbability = 0.01;

    private static readonly IReadOnlyDictionary<string, float> EmptySources = new Dictionary<string, float>(StringComparer.Ordinal);

    private readonly Dictionary<string, IReadOnlyDictionary<string, float>> _sources;

    /// <summary>A table of t(q | w), keyed by the question syllable q, then by the article syllable w.</summary>
    /// <exception cref="ArgumentException">A probability is not in (0, 1].</exception>
    public TermTranslation(IReadOnlyDictionary<string, IReadOnlyDictionary<string, float>> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (WithImprobable(sources) is { } bad)
        {
            throw new ArgumentException($"A translation probability of '{bad}' is not in (0, 1].", nameof(sources));
        }

        _sources = new Dictionary<string, IReadOnlyDictionary<string, float>>(sources, StringComparer.Ordinal);
        Count = _sources.Values.Sum(s => s.Count);
    }

    /// <summary>The first question syllable of <paramref name="sources"/> with a probability not in (0, 1], or null.</summary>
    internal static string? WithImprobable(IReadOnlyDictionary<string, IReadOnlyDictionary<string, float>> sources) =>
        sources.FirstOrDefault(s => s.Value.Values.Any(p => !(p > 0 && p <= 1))).Key;

    /// <summary>A table that translates nothing.</summary>
    public static TermTranslation Empty { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, float>>(StringComparer.Ordinal));

    /// <summary>The table, question syllables and their article syllables in ordinal order (as a model file writes it).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, float>> Sources =>
        _sources.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(
            s => s.Key,
            s => (IReadOnlyDictionary<string, float>)s.Value.OrderBy(w => w.Key, StringComparer.Ordinal).ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal),
            StringComparer.Ordinal);

    /// <summary>How many (question syllable, article syllable) pairs the table holds.</summary>
    public int Count { get; }

    /// <summary>The article syllables w that <paramref name="questionSyllable"/> translates, with t(q | w); empty when none.</summary>
    public IReadOnlyDictionary<string, float> SourcesOf(string questionSyllable)
    {
        ArgumentNullException.ThrowIfNull(questionSyllable);
        return _sources.GetValueOrDefault(questionSyllable) ?? EmptySources;
    }

    /// <summary>
    /// Whether an analysed term (a key of <see cref="RerankGroup.QuestionTerms"/> or <see cref="QueryTerms.Weights"/>)
    /// is an accented single syllable, the kind of term a table translates.
    /// </summary>
    public static bool IsSyllable(string term) =>
        !term.StartsWith(TextAnalyzer.FoldedPrefix, StringComparison.Ordinal) && !term.Contains(' ', StringComparison.Ordinal);

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

            question.Asked.UnionWith(group.QuestionTerms!.Keys.Where(IsSyllable));
        }

        return Train(questions.Values.Where(q => q.Asked.Count > 0 && q.Relevant.Count > 0).Select(q => ((IReadOnlyCollection<string>)q.Asked, q.Relevant)).ToList());
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
