using System.Text;

namespace ProcedureAssistant.Core.Text;

/// <summary>
/// Rewrites a question the way it was meant before it is analysed: chat shorthand and abbreviations become the
/// words they stand for ("ko" → "không", "đc" → "được", from the data file <c>shorthand.tsv</c>), and a syllable
/// the corpus never uses is corrected towards one it does, at one edit or with other marks, when the corpus
/// writes that one next to the question's neighbouring syllables clearly more often than any other candidate
/// ("khai sin" → "khai sinh", "chứng thục" → "chứng thực"). A question typed without diacritics stays without:
/// replacements are folded, and corrections are made among folded syllables. Everything else of the text
/// (punctuation, case, numbers, names) is kept. Thread-safe.
/// </summary>
public sealed class QueryNormalizer
{
    // Vietnamese legal texts letter their points a, b, c, d, đ, e, g, h, i, k...: "điểm k" is not "không".
    private const string PointWord = "điểm";

    private readonly Dictionary<string, string> _shorthand = new(StringComparer.Ordinal);
    private readonly QueryNormalization _settings;

    /// <summary>Creates a normaliser from shorthand pairs (one typed token → what it stands for).</summary>
    public QueryNormalizer(IEnumerable<(string Shorthand, string Expansion)> shorthand, QueryNormalization? settings = null)
    {
        ArgumentNullException.ThrowIfNull(shorthand);
        _settings = settings ?? new QueryNormalization();
        foreach (var (typed, expansion) in shorthand)
        {
            var key = TextAnalyzer.Syllables(typed).ToList();
            if (key.Count != 1)
            {
                throw new ArgumentException($"A shorthand entry must be one token: '{typed}'.", nameof(shorthand));
            }

            _shorthand[key[0]] = expansion.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();
        }
    }

    /// <summary>The normaliser configured from the shorthand data file shipped in this assembly.</summary>
    public static QueryNormalizer CreateDefault(QueryNormalization? settings = null) =>
        new(TextAnalyzer.ReadDataLines("shorthand.tsv")
            .Select(line => line.Split('\t', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => (parts[0].Trim(), parts[1].Trim())), settings);

    /// <summary>
    /// The question with shorthand expanded and, given the corpus' <paramref name="vocabulary"/>, misspelt
    /// syllables corrected; the question itself when nothing applies.
    /// </summary>
    public string Normalize(string question, SyllableVocabulary? vocabulary)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = question.Normalize(NormalizationForm.FormC);
        var folded = !VietnameseText.HasDiacritics(text);
        var tokens = Tokens(text);
        var replaced = new string?[tokens.Count];
        if (_settings.ExpandShorthand)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                if (_shorthand.TryGetValue(tokens[i].Syllable, out var expansion) && !IsPointOrAmount(tokens, i))
                {
                    replaced[i] = folded ? VietnameseText.Fold(expansion) : expansion;
                }
            }
        }

        if (_settings.CorrectSpelling && vocabulary is not null)
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                if (replaced[i] is null && IsCorrectable(tokens, i, vocabulary, folded))
                {
                    var previous = i > 0 ? (replaced[i - 1] ?? tokens[i - 1].Syllable).Split(' ')[^1] : null;
                    var next = i + 1 < tokens.Count ? (replaced[i + 1] ?? tokens[i + 1].Syllable).Split(' ')[0] : null;
                    replaced[i] = Correction(tokens[i].Syllable, previous, next, vocabulary, folded);
                }
            }
        }

        if (replaced.All(r => r is null))
        {
            return question;
        }

        var builder = new StringBuilder(text.Length + 16);
        var at = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var (start, length, _, _) = tokens[i];
            builder.Append(text, at, start - at);
            builder.Append(replaced[i] is { } replacement ? MatchCase(replacement, text.AsSpan(start, length)) : text.AsSpan(start, length));
            at = start + length;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }

    // The corrected syllable, or null. How strongly a neighbour calls for a syllable is the share of the
    // neighbour's occurrences that the corpus writes beside it ("khai" is followed by "sinh" a third of the time).
    private string? Correction(string syllable, string? previous, string? next, SyllableVocabulary vocabulary, bool folded)
    {
        (double Strength, int Pairs) Context(string candidate)
        {
            var before = previous is null ? 0 : vocabulary.PairCount(previous, candidate, folded);
            var after = next is null ? 0 : vocabulary.PairCount(candidate, next, folded);
            var strength = (before == 0 ? 0 : before / (double)vocabulary.Count(previous!, folded)) +
                (after == 0 ? 0 : after / (double)vocabulary.Count(next!, folded));
            return (strength, before + after);
        }

        var ranked = vocabulary.Candidates(syllable, folded)
            .Select(c => (Candidate: c, Context: Context(c)))
            .OrderByDescending(c => c.Context.Strength)
            .ThenByDescending(c => vocabulary.Count(c.Candidate, folded))
            .ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Take(2)
            .ToList();
        if (ranked.Count == 0 || ranked[0].Context.Pairs < _settings.MinPairCount || ranked[0].Context.Strength < _settings.MinStrength)
        {
            return null;
        }

        var runnerUp = ranked.Count > 1 ? ranked[1].Context.Strength : 0;
        return ranked[0].Context.Strength >= _settings.Dominance * runnerUp ? ranked[0].Candidate : null;
    }

    // A lower-case word of two or more letters that the corpus does not use. Capitalised words after the first
    // are names ("Nghệ An") and all-capital ones acronyms: the corpus not knowing them is no misspelling. A word
    // the corpus does use is left alone even where it looks wrong ("chứng thục": "thục" occurs): correcting such
    // real-word errors made six to thirty times as many false corrections of clean questions (eval/reports/qa.md).
    private static bool IsCorrectable(List<Token> tokens, int i, SyllableVocabulary vocabulary, bool folded)
    {
        var (_, length, syllable, original) = tokens[i];
        return length >= 2 && syllable.All(char.IsLetter) && !vocabulary.Contains(syllable, folded) &&
            !(original.All(char.IsUpper) || (i > 0 && char.IsUpper(original[0])));
    }

    // A single letter after "điểm" is a point of an article, and after a number a unit ("50 k").
    private static bool IsPointOrAmount(List<Token> tokens, int i) =>
        tokens[i].Syllable.Length == 1 && i > 0 &&
        (tokens[i - 1].Syllable is var previous && (previous == PointWord || previous == VietnameseText.Fold(PointWord) || previous.All(char.IsDigit)));

    private static string MatchCase(string replacement, ReadOnlySpan<char> original) =>
        char.IsUpper(original[0]) ? char.ToUpperInvariant(replacement[0]) + replacement[1..] : replacement;

    private static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inToken = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inToken && start < 0)
            {
                start = i;
            }
            else if (!inToken && start >= 0)
            {
                tokens.Add(new Token(start, i - start, VietnameseText.Normalize(text[start..i]), text[start..i]));
                start = -1;
            }
        }

        return tokens;
    }

    // A run of letters and digits: where it stands in the text, its normalised form, and as typed.
    private readonly record struct Token(int Start, int Length, string Syllable, string Original);
}
