using System.Text;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Reranking;

/// <summary>
/// Finds a question's syllables in a candidate's text: for every syllable of the text (as
/// <see cref="TextAnalyzer.Syllables"/> cuts it), its id among the question's accented syllables and among its folded
/// ones, or −1. Normalising every syllable of fifty candidates costs far more than the rest of reranking, so a
/// syllable is first folded through a character table and only one whose folded form the question holds is
/// normalised in full; the result is the same as normalising all of them. A token normalised once is remembered, so
/// the same word in fifty candidates is normalised once: a matcher is for one question, not to be shared.
/// </summary>
internal sealed class SyllableMatcher
{
    // Longest syllable folded on the stack; longer tokens (numbers, codes) take the slow path.
    private const int MaxFast = 48;

    // Lower-case folded form of each character up to U+1EFF (Latin, Latin-1, Latin Extended, Vietnamese), or '\0'
    // where it is not a single ASCII character; immutable once built.
    private static readonly char[] FoldTable = BuildFoldTable();

    private readonly Dictionary<string, int> _accented;
    private readonly Dictionary<string, int> _folded;
    private readonly HashSet<string> _gate;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _gateLookup;
    private readonly Dictionary<string, (int Accented, int Folded)> _matched = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Accented, int Folded)>.AlternateLookup<ReadOnlySpan<char>> _matchedLookup;

    /// <summary>A matcher for the question's accented and folded syllables (folded ones without their prefix).</summary>
    public SyllableMatcher(Dictionary<string, int> accented, Dictionary<string, int> folded)
    {
        _accented = accented;
        _folded = folded;
        _gate = new HashSet<string>(folded.Keys, StringComparer.Ordinal);
        _gate.UnionWith(accented.Keys.Select(VietnameseText.Fold));
        _gateLookup = _gate.GetAlternateLookup<ReadOnlySpan<char>>();
        _matchedLookup = _matched.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Adds the ids of every syllable of <paramref name="text"/>, in order.</summary>
    public void Match(string text, List<int> accentedIds, List<int> foldedIds)
    {
        var nfc = text.Normalize(NormalizationForm.FormC);
        Span<char> buffer = stackalloc char[MaxFast];
        var start = -1;
        for (var i = 0; i <= nfc.Length; i++)
        {
            var inToken = i < nfc.Length && char.IsLetterOrDigit(nfc[i]);
            if (inToken && start < 0)
            {
                start = i;
            }
            else if (!inToken && start >= 0)
            {
                var (accented, folded) = MatchToken(nfc.AsSpan(start, i - start), buffer);
                accentedIds.Add(accented);
                foldedIds.Add(folded);
                start = -1;
            }
        }
    }

    private (int Accented, int Folded) MatchToken(ReadOnlySpan<char> token, Span<char> buffer)
    {
        var fast = token.Length <= MaxFast;
        for (var i = 0; fast && i < token.Length; i++)
        {
            var c = token[i];
            buffer[i] = c < FoldTable.Length ? FoldTable[c] : '\0';
            fast = buffer[i] != '\0';
        }

        string? normalized = null;
        if (fast)
        {
            // Normalising spells a final y after a consonant onset as i ("lý" → "lí"): try that spelling too.
            var folded = buffer[..token.Length];
            var known = _gateLookup.Contains(folded);
            if (!known && folded[^1] == 'y')
            {
                folded[^1] = 'i';
                known = _gateLookup.Contains(folded);
            }

            if (!known)
            {
                return (-1, -1);
            }
        }
        else
        {
            normalized = VietnameseText.Normalize(token.ToString());
            if (!_gate.Contains(VietnameseText.Fold(normalized)))
            {
                return (-1, -1);
            }
        }

        if (_matchedLookup.TryGetValue(token, out var remembered))
        {
            return remembered;
        }

        normalized ??= VietnameseText.Normalize(token.ToString());
        var ids = (_accented.GetValueOrDefault(normalized, -1), _folded.GetValueOrDefault(VietnameseText.Fold(normalized), -1));
        _matchedLookup[token] = ids;
        return ids;
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[0x1F00];
        for (var c = 0; c < table.Length; c++)
        {
            var letter = (char)c;
            if (!char.IsLetterOrDigit(letter) || char.IsSurrogate(letter))
            {
                continue;
            }

            var folded = VietnameseText.Fold(char.ToLowerInvariant(letter).ToString());
            table[c] = folded.Length == 1 && folded[0] < 0x80 ? folded[0] : '\0';
        }

        return table;
    }
}
