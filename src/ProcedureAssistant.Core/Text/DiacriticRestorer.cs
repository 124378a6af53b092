namespace ProcedureAssistant.Core.Text;

/// <summary>
/// Puts the diacritics back on a question typed without them, the way the corpus would have written it: each
/// syllable typed without marks may be any corpus syllable with the same folded form ("dang" → "đăng", "đang",
/// "đảng", "dáng"...), and the sequence the corpus' syllable-bigram language model finds most likely is chosen by
/// Viterbi search. The model is interpolated Kneser–Ney: a pair the corpus writes counts for its (discounted)
/// share of its first syllable's pairs, and the rest goes to the second syllable's continuation probability, the
/// share of the corpus' distinct pairs it ends. A syllable typed with marks is kept as typed and constrains its
/// neighbours; a number, a code, or a syllable whose fold the corpus never writes stays as typed and separates
/// the question into independent stretches. Deterministic (ties go to the ordinally first form) and thread-safe.
/// </summary>
public sealed class DiacriticRestorer
{
    /// <summary>
    /// Least posterior probability of a syllable's restored form (over every restoration of the question) for the
    /// service to match it restored; a syllable below it is matched on its folded terms only, at full weight. 0.8
    /// keeps the restorations that are nearly always right and leaves the doubtful ones to their folded terms
    /// (eval/reports/ablation.md, diacritic restoration).
    /// </summary>
    public const double MinConfidence = 0.8;

    private readonly double _discount;

    /// <summary>Creates a restorer with the Kneser–Ney discount <paramref name="discount"/> (0 &lt; d &lt; 1; 0.75 is the usual choice).</summary>
    public DiacriticRestorer(double discount = 0.75)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(discount);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(discount, 1.0);
        _discount = discount;
    }

    /// <summary>
    /// The normalised <paramref name="syllables"/> (as <see cref="TextAnalyzer.Syllables"/> gives them) with the
    /// corpus' most likely diacritics on those typed without; the same number of syllables, in the same order.
    /// </summary>
    public IReadOnlyList<string> Restore(IReadOnlyList<string> syllables, SyllableVocabulary vocabulary) =>
        Restore(syllables, vocabulary, minConfidence: 0).Select((s, i) => s ?? syllables[i]).ToList();

    /// <summary>
    /// As the other overload, but a syllable is left out (null in its place) when its restored form has a
    /// posterior probability (over all restorations of the question, by the forward–backward algorithm on the same
    /// model) below <paramref name="minConfidence"/>, or when it has none: a number, a code, or a syllable typed
    /// without marks whose fold the corpus never writes. A syllable with a single candidate is certain.
    /// </summary>
    public IReadOnlyList<string?> Restore(IReadOnlyList<string> syllables, SyllableVocabulary vocabulary, double minConfidence)
    {
        ArgumentNullException.ThrowIfNull(syllables);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var lattice = syllables.Select(s => Candidates(s, vocabulary)).ToArray();
        var n = lattice.Length;
        if (n == 0)
        {
            return [];
        }

        // transition[i][k, j]: log P(candidate j of syllable i | candidate k of syllable i − 1); for i = 0, k is the start.
        var transition = new double[n][,];
        transition[0] = new double[1, lattice[0].Count];
        for (var j = 0; j < lattice[0].Count; j++)
        {
            transition[0][0, j] = LogProbability(null, lattice[0][j], vocabulary);
        }

        for (var i = 1; i < n; i++)
        {
            transition[i] = new double[lattice[i - 1].Count, lattice[i].Count];
            for (var k = 0; k < lattice[i - 1].Count; k++)
            {
                for (var j = 0; j < lattice[i].Count; j++)
                {
                    transition[i][k, j] = LogProbability(lattice[i - 1][k], lattice[i][j], vocabulary);
                }
            }
        }

        var path = Viterbi(lattice, transition);
        var restored = new string?[n];
        var posterior = minConfidence > 0 ? Posteriors(lattice, transition) : null;
        for (var i = 0; i < n; i++)
        {
            var chosen = lattice[i][path[i]];
            var unknown = !vocabulary.Contains(chosen, folded: false) && !VietnameseText.HasDiacritics(chosen);
            restored[i] = unknown || (posterior is not null && posterior[i][path[i]] < minConfidence) ? null : chosen;
        }

        return restored;
    }

    // The likeliest sequence of candidates; ties go to the earlier candidate.
    private static int[] Viterbi(IReadOnlyList<string>[] lattice, double[][,] transition)
    {
        var n = lattice.Length;
        var best = new double[n][];
        var back = new int[n][];
        best[0] = Enumerable.Range(0, lattice[0].Count).Select(j => transition[0][0, j]).ToArray();
        back[0] = new int[lattice[0].Count];
        for (var i = 1; i < n; i++)
        {
            best[i] = new double[lattice[i].Count];
            back[i] = new int[lattice[i].Count];
            for (var j = 0; j < lattice[i].Count; j++)
            {
                var winner = double.NegativeInfinity;
                for (var k = 0; k < lattice[i - 1].Count; k++)
                {
                    var score = best[i - 1][k] + transition[i][k, j];
                    if (score > winner)
                    {
                        winner = score;
                        back[i][j] = k;
                    }
                }

                best[i][j] = winner;
            }
        }

        var path = new int[n];
        path[n - 1] = ArgMax(best[n - 1]);
        for (var i = n - 1; i > 0; i--)
        {
            path[i - 1] = back[i][path[i]];
        }

        return path;
    }

    // posterior[i][j]: the probability that syllable i is candidate j, summed over every restoration of the question.
    private static double[][] Posteriors(IReadOnlyList<string>[] lattice, double[][,] transition)
    {
        var n = lattice.Length;
        var forward = new double[n][];
        var backward = new double[n][];
        forward[0] = Enumerable.Range(0, lattice[0].Count).Select(j => transition[0][0, j]).ToArray();
        for (var i = 1; i < n; i++)
        {
            forward[i] = Enumerable.Range(0, lattice[i].Count)
                .Select(j => LogSumExp(Enumerable.Range(0, lattice[i - 1].Count).Select(k => forward[i - 1][k] + transition[i][k, j])))
                .ToArray();
        }

        backward[n - 1] = new double[lattice[n - 1].Count];
        for (var i = n - 2; i >= 0; i--)
        {
            backward[i] = Enumerable.Range(0, lattice[i].Count)
                .Select(k => LogSumExp(Enumerable.Range(0, lattice[i + 1].Count).Select(j => transition[i + 1][k, j] + backward[i + 1][j])))
                .ToArray();
        }

        var total = LogSumExp(forward[n - 1]);
        return Enumerable.Range(0, n)
            .Select(i => Enumerable.Range(0, lattice[i].Count).Select(j => Math.Exp(forward[i][j] + backward[i][j] - total)).ToArray())
            .ToArray();
    }

    private static double LogSumExp(IEnumerable<double> values)
    {
        var list = values as IReadOnlyList<double> ?? values.ToList();
        var max = list.Max();
        return double.IsNegativeInfinity(max) ? max : max + Math.Log(list.Sum(v => Math.Exp(v - max)));
    }

    // A syllable typed without marks may be any form of its fold; one typed with them, or unknown, only itself.
    private static IReadOnlyList<string> Candidates(string syllable, SyllableVocabulary vocabulary) =>
        VietnameseText.HasDiacritics(syllable) || vocabulary.FormsOf(syllable) is not { Count: > 0 } forms ? [syllable] : forms;

    // log P(word | previous); a word the corpus does not hold is certain (it has no alternative), and after one, or
    // at the start, or after one the corpus never writes anything after, only the word's continuation probability counts.
    private double LogProbability(string? previous, string word, SyllableVocabulary vocabulary)
    {
        if (!vocabulary.Contains(word, folded: false))
        {
            return 0;
        }

        var pairTypes = Math.Max(vocabulary.PairTypeCount, 1);
        var continuation = Math.Max(vocabulary.PredecessorCount(word), 0.5) / pairTypes;
        var context = previous is null ? 0 : vocabulary.Count(previous, folded: false);
        if (context == 0 || vocabulary.FollowerCount(previous!) == 0)
        {
            return Math.Log(continuation);
        }

        var pair = vocabulary.PairCount(previous!, word, folded: false);
        var backOff = _discount * vocabulary.FollowerCount(previous!) / context;
        return Math.Log((Math.Max(pair - _discount, 0) / context) + (backOff * continuation));
    }

    private static int ArgMax(double[] scores)
    {
        var at = 0;
        for (var j = 1; j < scores.Length; j++)
        {
            if (scores[j] > scores[at])
            {
                at = j;
            }
        }

        return at;
    }
}
