using System.Reflection;
using ProcedureAssistant.Core.Queries;

namespace ProcedureAssistant.Core.Text;

/// <summary>
/// Turns Vietnamese text into index terms: accented syllables and syllable bigrams, plus the same terms
/// folded to ASCII (prefixed with <see cref="FoldedPrefix"/>) so that unaccented questions still match.
/// Thread-safe; built once from the stop-word and synonym data files.
/// </summary>
public sealed class TextAnalyzer
{
    /// <summary>Bumped whenever the terms produced for the same text change, so stale indexes are rebuilt.</summary>
    public const string Version = "vi-terms-1";

    /// <summary>Prefix of folded (diacritic-free) terms.</summary>
    public const string FoldedPrefix = "~";

    private readonly HashSet<string> _stopWords;
    private readonly IReadOnlyList<(string[] Phrase, bool Folded, string[] Expansion)> _synonyms;
    private readonly QueryWeighting _weighting;

    /// <summary>Creates an analyser with the given stop words (question words), synonym pairs and term weights.</summary>
    public TextAnalyzer(IEnumerable<string> stopWords, IEnumerable<(string Phrase, string Expansion)> synonyms, QueryWeighting? weighting = null)
    {
        ArgumentNullException.ThrowIfNull(stopWords);
        ArgumentNullException.ThrowIfNull(synonyms);
        _weighting = weighting ?? new QueryWeighting();
        _stopWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in stopWords)
        {
            var normalized = string.Join(' ', Syllables(word));
            _stopWords.Add(normalized);
            _stopWords.Add(FoldedPrefix + VietnameseText.Fold(normalized));
        }

        var entries = new List<(string[], bool, string[])>();
        foreach (var (phrase, expansion) in synonyms)
        {
            var phraseSyllables = Syllables(phrase).ToArray();
            var expansionSyllables = Syllables(expansion).ToArray();
            entries.Add((phraseSyllables, false, expansionSyllables));
            entries.Add((phraseSyllables.Select(VietnameseText.Fold).ToArray(), true, expansionSyllables));
        }

        _synonyms = entries;
    }

    /// <summary>The analyser configured from the data files shipped in this assembly.</summary>
    public static TextAnalyzer CreateDefault(QueryWeighting? weighting = null)
    {
        var stopWords = ReadDataLines("stopwords.tsv");
        var synonyms = ReadDataLines("synonyms.tsv")
            .Select(line => line.Split('\t', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => (parts[0].Trim(), parts[1].Trim()));
        return new TextAnalyzer(stopWords, synonyms, weighting);
    }

    /// <summary>Normalised syllables (and numbers) of the text, in order.</summary>
    public static IEnumerable<string> Syllables(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = VietnameseText.Normalize(text);
        var start = -1;
        for (var i = 0; i <= normalized.Length; i++)
        {
            var inToken = i < normalized.Length && char.IsLetterOrDigit(normalized[i]);
            if (inToken && start < 0)
            {
                start = i;
            }
            else if (!inToken && start >= 0)
            {
                yield return normalized[start..i];
                start = -1;
            }
        }
    }

    /// <summary>Term frequencies of a document text, and its length in syllables.</summary>
    public static TermBag AnalyzeDocument(string text)
    {
        var syllables = Syllables(text).ToArray();
        var counts = new Dictionary<string, float>(StringComparer.Ordinal);
        AddTerms(counts, syllables, 1f);
        AddTerms(counts, syllables.Select(VietnameseText.Fold).ToArray(), 1f, FoldedPrefix);
        return new TermBag(counts, syllables.Length);
    }

    /// <summary>
    /// Weighted query terms. A question typed with diacritics is matched on accented terms, with folded terms
    /// at a small weight to forgive a wrong mark; one typed without any is matched on folded terms only, unless
    /// <paramref name="restored"/> gives its syllables with the diacritics put back (<see cref="DiacriticRestorer"/>):
    /// then the restored ones are matched like an accented question's, with their folded terms at
    /// <see cref="QueryWeighting.RestoredFoldedWeight"/> to forgive a wrong restoration, and a syllable left
    /// unrestored (null) keeps its folded terms at full weight. Question words are dropped and synonyms add the
    /// corpus' wording at a lower weight.
    /// </summary>
    /// <param name="query">The question as typed.</param>
    /// <param name="restored">For a question without diacritics, its normalised syllables restored (null where not); ignored for one with diacritics.</param>
    public QueryTerms AnalyzeQuery(string query, IReadOnlyList<string?>? restored = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var accented = VietnameseText.HasDiacritics(query);
        var typed = Syllables(query).ToArray();
        var folded = typed.Select(VietnameseText.Fold).ToArray();
        string?[] syllables = typed;
        var foldedWeights = Enumerable.Repeat((float)_weighting.FoldedWeight, folded.Length).ToArray();
        var restoring = !accented && restored is not null;
        if (restoring)
        {
            if (restored!.Count != typed.Length)
            {
                throw new ArgumentException($"The restored question has {restored.Count} syllables, the question {typed.Length}.", nameof(restored));
            }

            syllables = [.. restored];
            foldedWeights = restored.Select(s => s is null ? 1f : (float)_weighting.RestoredFoldedWeight).ToArray();
        }

        var matchAccented = accented || restoring;
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        if (matchAccented)
        {
            AddQueryTerms(weights, syllables, _ => 1f, string.Empty);
            AddQueryTerms(weights, folded, i => foldedWeights[i], FoldedPrefix);
        }
        else
        {
            AddQueryTerms(weights, folded, _ => 1f, FoldedPrefix);
        }

        foreach (var expansion in Expansions(syllables, Unaccented(typed)))
        {
            if (matchAccented)
            {
                AddQueryTerms(weights, expansion, _ => (float)_weighting.ExpansionWeight, string.Empty);
            }
            else
            {
                AddQueryTerms(weights, expansion.Select(VietnameseText.Fold).ToArray(), _ => (float)_weighting.ExpansionWeight, FoldedPrefix);
            }
        }

        return new QueryTerms(weights, accented);
    }

    /// <summary>
    /// The everyday phrases of the text that the synonym list writes in the corpus' words, each with those words
    /// ("photo công chứng" → "chứng thực bản sao từ bản chính"), as <see cref="AnalyzeQuery"/> matches them.
    /// </summary>
    public IEnumerable<(string Phrase, string Expansion)> SynonymsIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var typed = Syllables(text).ToArray();
        var folded = Unaccented(typed);
        return _synonyms
            .Where(s => ContainsPhrase(s.Folded ? folded : typed, s.Phrase))
            .Select(s => (string.Join(' ', s.Phrase), string.Join(' ', s.Expansion)))
            .ToList();
    }

    // The syllables a synonym's unaccented form may match: those typed without marks, folded. A syllable typed with its
    // marks keeps them, so that only the accented form matches it: "cuối năm" is not "cưới".
    private static string[] Unaccented(string[] typed) =>
        [.. typed.Select(s => VietnameseText.HasDiacritics(s) ? s : VietnameseText.Fold(s))];

    // Each expansion once, even when both the accented and the folded form of its phrase match.
    private IEnumerable<string[]> Expansions(string?[] syllables, string[] folded) =>
        _synonyms
            .Where(s => ContainsPhrase(s.Folded ? folded : syllables, s.Phrase))
            .Select(s => s.Expansion)
            .DistinctBy(expansion => string.Join(' ', expansion), StringComparer.Ordinal);

    private static bool ContainsPhrase(string?[] haystack, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, phrase.Length).SequenceEqual((ReadOnlySpan<string?>)phrase))
            {
                return true;
            }
        }

        return false;
    }

    // A null syllable (one left unrestored) adds no term; a bigram weighs as its heavier syllable.
    private void AddQueryTerms(Dictionary<string, float> weights, string?[] syllables, Func<int, float> weight, string prefix)
    {
        for (var i = 0; i < syllables.Length; i++)
        {
            if (syllables[i] is not { } syllable)
            {
                continue;
            }

            var unigram = prefix + syllable;
            if (!IsStopWord(unigram))
            {
                Accumulate(weights, unigram, weight(i));
            }

            if (i + 1 < syllables.Length && syllables[i + 1] is { } next)
            {
                var bigram = prefix + syllable + " " + next;
                var bothStop = IsStopWord(unigram) && IsStopWord(prefix + next);
                if (!bothStop && !IsStopWord(bigram))
                {
                    Accumulate(weights, bigram, Math.Max(weight(i), weight(i + 1)) * (float)_weighting.BigramWeight);
                }
            }
        }
    }

    private bool IsStopWord(string term) => _weighting.DropQuestionWords && _stopWords.Contains(term);

    private static void AddTerms(Dictionary<string, float> counts, string[] syllables, float weight, string prefix = "")
    {
        for (var i = 0; i < syllables.Length; i++)
        {
            Accumulate(counts, prefix + syllables[i], weight);
            if (i + 1 < syllables.Length)
            {
                Accumulate(counts, prefix + syllables[i] + " " + syllables[i + 1], weight);
            }
        }
    }

    private static void Accumulate(Dictionary<string, float> map, string term, float weight) =>
        map[term] = map.GetValueOrDefault(term) + weight;

    internal static List<string> ReadDataLines(string fileName)
    {
        var assembly = typeof(TextAnalyzer).GetTypeInfo().Assembly;
        using var stream = assembly.GetManifestResourceStream("ProcedureAssistant.Core.Text.Data." + fileName)
            ?? throw new InvalidOperationException($"The analyser data file '{fileName}' is missing from the build.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
