using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Questions;

/// <summary>
/// Phrases, each with a key, found in a text on whole syllables compared without diacritics; where two found phrases
/// overlap, the longer one counts ("được bao nhiêu tiền" over "bao nhiêu tiền").
/// </summary>
/// <typeparam name="TKey">What a phrase stands for.</typeparam>
internal sealed class PhraseList<TKey>
{
    private readonly List<(TKey Key, string[] Syllables, string[] Written)> _phrases;

    public PhraseList(IEnumerable<(TKey Key, string Phrase)> phrases)
    {
        _phrases = phrases.Select(p => (p.Key, Folded(p.Phrase), TextAnalyzer.Syllables(p.Phrase).ToArray())).Where(p => p.Item2.Length > 0).OrderByDescending(p => p.Item2.Length).ToList();
    }

    /// <summary>The text's syllables as phrases are compared: normalised, without diacritics.</summary>
    public static string[] Folded(string text) => TextAnalyzer.Syllables(text).Select(VietnameseText.Fold).ToArray();

    /// <summary>The phrases found in <paramref name="syllables"/>, in the order they occur, longest first where they overlap.</summary>
    public IReadOnlyList<Match> Find(IReadOnlyList<string> syllables) => Find(syllables, text: null);

    /// <summary>
    /// As <see cref="Find(IReadOnlyList{string})"/>, keeping only phrases as written where <paramref name="text"/> (the
    /// syllables with their diacritics) has diacritics (<see cref="Match.IsAsWritten"/>): of two phrases that fold alike
    /// ("ngưng", "ngừng"), the one written is found.
    /// </summary>
    public IReadOnlyList<Match> Find(IReadOnlyList<string> syllables, IReadOnlyList<string>? text)
    {
        ArgumentNullException.ThrowIfNull(syllables);
        var taken = new bool[syllables.Count];
        var found = new List<Match>();
        foreach (var (key, phrase, written) in _phrases)
        {
            for (var start = 0; start + phrase.Length <= syllables.Count; start++)
            {
                var match = new Match(key, start, phrase.Length) { Written = written };
                if (Matches(syllables, start, phrase) && !Enumerable.Range(start, phrase.Length).Any(i => taken[i]) && (text is null || match.IsAsWritten(text)))
                {
                    found.Add(match);
                    for (var i = start; i < start + phrase.Length; i++)
                    {
                        taken[i] = true;
                    }
                }
            }
        }

        return found.OrderBy(m => m.Start).ToList();
    }

    /// <summary>True when the folded syllable is by itself one of the phrases of <paramref name="key"/>.</summary>
    public bool IsPhrase(TKey key, string syllable) =>
        _phrases.Any(p => EqualityComparer<TKey>.Default.Equals(p.Key, key) && p.Syllables is [var only] && only == syllable);

    /// <summary>
    /// As <see cref="IsPhrase(TKey, string)"/>, for the syllable as typed too: one typed with diacritics must be the
    /// phrase's own ("nhỏ" is not "nhờ", "hồi" not "hỏi", "dâu" not "đâu"); one typed without them cannot tell.
    /// </summary>
    public bool IsPhrase(TKey key, string syllable, string written) =>
        _phrases.Any(p => EqualityComparer<TKey>.Default.Equals(p.Key, key) && p.Syllables is [var only] && only == syllable &&
            (!VietnameseText.HasDiacritics(written) || string.Equals(written, p.Written[0], StringComparison.Ordinal)));

    /// <summary>True when the syllables end with one of the phrases of <paramref name="key"/>.</summary>
    public bool EndsWith(IReadOnlyList<string> syllables, TKey key) =>
        _phrases.Any(p => EqualityComparer<TKey>.Default.Equals(p.Key, key) && p.Syllables.Length <= syllables.Count && Matches(syllables, syllables.Count - p.Syllables.Length, p.Syllables));

    /// <summary>How many syllables the longest phrase of <paramref name="key"/> that opens the syllables has (and text goes on after it); 0 when none does.</summary>
    public int Prefix(IReadOnlyList<string> syllables, TKey key) =>
        _phrases.Where(p => EqualityComparer<TKey>.Default.Equals(p.Key, key) && p.Syllables.Length < syllables.Count && Matches(syllables, 0, p.Syllables))
            .Select(p => p.Syllables.Length).DefaultIfEmpty(0).Max();

    private static bool Matches(IReadOnlyList<string> syllables, int start, string[] phrase)
    {
        for (var i = 0; i < phrase.Length; i++)
        {
            if (!string.Equals(syllables[start + i], phrase[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One phrase found: its key, and where it stands in the syllables.</summary>
    public sealed record Match(TKey Key, int Start, int Length)
    {
        /// <summary>The phrase's syllables as the list writes them, with their diacritics.</summary>
        public IReadOnlyList<string> Written { get; init; } = [];

        /// <summary>
        /// True when every syllable of <paramref name="text"/> (normalised, as <see cref="TextAnalyzer.Syllables"/>
        /// gives them) that the phrase covers and that was typed with diacritics is the phrase's own: "tràn dầu" is not
        /// "trận đấu", though both fold to "tran dau"; one typed without them cannot tell and is taken as the phrase.
        /// </summary>
        public bool IsAsWritten(IReadOnlyList<string> text)
        {
            ArgumentNullException.ThrowIfNull(text);
            return Enumerable.Range(0, Length).All(i => !VietnameseText.HasDiacritics(text[Start + i]) || string.Equals(text[Start + i], Written[i], StringComparison.Ordinal));
        }
    }
}
