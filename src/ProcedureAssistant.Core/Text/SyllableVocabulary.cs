namespace ProcedureAssistant.Core.Text;

/// <summary>
/// The syllables a corpus is written in, and how often each one and each adjacent pair occur, both as written
/// (normalised, with diacritics) and folded. It is what <see cref="QueryNormalizer"/> corrects a misspelt query
/// syllable towards: the syllables at one edit from it, or with other marks, that the corpus uses next to the
/// query's neighbouring words, and what <see cref="DiacriticRestorer"/> restores a question typed without diacritics
/// from. Immutable once built.
/// </summary>
public sealed class SyllableVocabulary
{
    private readonly Forms _accented = new();
    private readonly Forms _folded = new();
    private readonly Dictionary<string, List<string>> _byFold = new(StringComparer.Ordinal);

    /// <summary>Counts the syllables and syllable pairs of the texts.</summary>
    public SyllableVocabulary(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var text in texts)
        {
            var syllables = TextAnalyzer.Syllables(text).ToArray();
            _accented.Add(syllables);
            _folded.Add(syllables.Select(VietnameseText.Fold).ToArray());
        }

        foreach (var syllable in _accented.Words)
        {
            var fold = VietnameseText.Fold(syllable);
            if (!_byFold.TryGetValue(fold, out var forms))
            {
                forms = [];
                _byFold.Add(fold, forms);
            }

            forms.Add(syllable);
        }

        foreach (var forms in _byFold.Values)
        {
            forms.Sort(StringComparer.Ordinal);
        }

        _accented.IndexDeletions();
        _folded.IndexDeletions();
    }

    /// <summary>True when the corpus holds the normalised syllable; with <paramref name="folded"/>, its folded form.</summary>
    public bool Contains(string syllable, bool folded) => (folded ? _folded : _accented).Count(syllable) > 0;

    /// <summary>How often the corpus writes <paramref name="second"/> right after <paramref name="first"/>.</summary>
    public int PairCount(string first, string second, bool folded) => (folded ? _folded : _accented).PairCount(first, second);

    /// <summary>How often the corpus uses the syllable.</summary>
    public int Count(string syllable, bool folded) => (folded ? _folded : _accented).Count(syllable);

    /// <summary>The corpus' syllables (with diacritics) whose folded form is <paramref name="fold"/>, in ordinal order; empty when it writes none.</summary>
    public IReadOnlyList<string> FormsOf(string fold) => _byFold.GetValueOrDefault(fold) ?? (IReadOnlyList<string>)[];

    /// <summary>How many different syllables the corpus writes right after <paramref name="first"/> (as written, with diacritics).</summary>
    public int FollowerCount(string first) => _accented.Followers(first);

    /// <summary>How many different syllables the corpus writes right before <paramref name="second"/> (as written, with diacritics).</summary>
    public int PredecessorCount(string second) => _accented.Predecessors(second);

    /// <summary>How many different adjacent pairs of syllables the corpus writes (as written, with diacritics).</summary>
    public int PairTypeCount => _accented.PairTypes;

    /// <summary>
    /// Corpus syllables that the normalised <paramref name="syllable"/> may be a misspelling of: those one edit
    /// away (a letter added, dropped, changed, or two swapped) and, for a syllable with diacritics, those that
    /// differ from it only in their marks ("thục" → "thực", "dang" → "đăng").
    /// </summary>
    public IReadOnlySet<string> Candidates(string syllable, bool folded)
    {
        ArgumentNullException.ThrowIfNull(syllable);
        var candidates = (folded ? _folded : _accented).WithinOneEdit(syllable);
        if (!folded && _byFold.TryGetValue(VietnameseText.Fold(syllable), out var forms))
        {
            candidates.UnionWith(forms);
        }

        candidates.Remove(syllable);
        return candidates;
    }

    // Numbers and codes are not words to correct or to correct towards.
    private static bool IsWord(string syllable) => syllable.All(char.IsLetter);

    private sealed class Forms
    {
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly Dictionary<(string, string), int> _pairs = [];
        private readonly Dictionary<string, List<string>> _deletions = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _followers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _predecessors = new(StringComparer.Ordinal);

        public IEnumerable<string> Words => _counts.Keys;

        public int PairTypes => _pairs.Count;

        public int Followers(string first) => _followers.GetValueOrDefault(first);

        public int Predecessors(string second) => _predecessors.GetValueOrDefault(second);

        public void Add(string[] syllables)
        {
            for (var i = 0; i < syllables.Length; i++)
            {
                if (!IsWord(syllables[i]))
                {
                    continue;
                }

                _counts[syllables[i]] = _counts.GetValueOrDefault(syllables[i]) + 1;
                if (i + 1 < syllables.Length && IsWord(syllables[i + 1]))
                {
                    var pair = (syllables[i], syllables[i + 1]);
                    var count = _pairs.GetValueOrDefault(pair);
                    if (count == 0)
                    {
                        _followers[pair.Item1] = _followers.GetValueOrDefault(pair.Item1) + 1;
                        _predecessors[pair.Item2] = _predecessors.GetValueOrDefault(pair.Item2) + 1;
                    }

                    _pairs[pair] = count + 1;
                }
            }
        }

        public int Count(string syllable) => _counts.GetValueOrDefault(syllable);

        public int PairCount(string first, string second) => _pairs.GetValueOrDefault((first, second));

        // Words sharing a one-letter deletion are at most two edits apart; WithinOneEdit checks the exact distance.
        public void IndexDeletions()
        {
            foreach (var word in _counts.Keys)
            {
                foreach (var deletion in Deletions(word))
                {
                    if (!_deletions.TryGetValue(deletion, out var words))
                    {
                        words = [];
                        _deletions.Add(deletion, words);
                    }

                    words.Add(word);
                }
            }
        }

        public HashSet<string> WithinOneEdit(string syllable)
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var deletion in Deletions(syllable).Prepend(syllable))
            {
                if (_counts.ContainsKey(deletion))
                {
                    found.Add(deletion);
                }

                foreach (var word in _deletions.GetValueOrDefault(deletion) ?? [])
                {
                    if (IsWithinOneEdit(syllable, word))
                    {
                        found.Add(word);
                    }
                }
            }

            return found;
        }

        private static IEnumerable<string> Deletions(string word) =>
            Enumerable.Range(0, word.Length).Select(i => word.Remove(i, 1)).Distinct(StringComparer.Ordinal);

        // Optimal string alignment distance ≤ 1: equal, one insertion or deletion, one substitution, or one swap.
        private static bool IsWithinOneEdit(string a, string b)
        {
            if (Math.Abs(a.Length - b.Length) > 1)
            {
                return false;
            }

            var prefix = 0;
            while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
            {
                prefix++;
            }

            var restA = a[prefix..];
            var restB = b[prefix..];
            if (restA.Length == restB.Length)
            {
                return restA.Length == 0 || restA[1..] == restB[1..] ||
                    (restA.Length >= 2 && restA[0] == restB[1] && restA[1] == restB[0] && restA[2..] == restB[2..]);
            }

            return restA.Length > restB.Length ? restA[1..] == restB : restB[1..] == restA;
        }
    }
}
