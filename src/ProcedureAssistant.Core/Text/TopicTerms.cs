using System.Text.RegularExpressions;

namespace ProcedureAssistant.Core.Text;

/// <summary>
/// Folded terms as the answering layer compares a question with documents: syllables and syllable pairs without
/// diacritics. <see cref="Of"/> keeps a question's topic only (the analyser drops question words).
/// </summary>
public static partial class TopicTerms
{
    // The folded syllable pairs that only occur across a clause break of the text: the last word before a comma,
    // semicolon, colon, question or exclamation mark or full stop and the first one after it.
    private static HashSet<string> PairsAcrossClauses(string text)
    {
        var clauses = ClauseBreak().Split(text).Select(c => TextAnalyzer.Syllables(c).Select(VietnameseText.Fold).ToArray()).Where(c => c.Length > 0).ToList();
        var across = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k + 1 < clauses.Count; k++)
        {
            across.Add(clauses[k][^1] + " " + clauses[k + 1][0]);
        }

        across.ExceptWith(clauses.SelectMany(c => All(string.Join(' ', c))));
        return across;
    }

    // A full stop counts only before a space or the end: the dots of "1.000894" and "01.7.2025" break no clause.
    [GeneratedRegex(@"[,;:?!…]|\.(?=\s|$)")]
    private static partial Regex ClauseBreak();

    /// <summary>Folded syllables and syllable pairs of a text.</summary>
    public static HashSet<string> All(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var syllables = TextAnalyzer.Syllables(text).Select(VietnameseText.Fold).ToArray();
        var terms = new HashSet<string>(syllables, StringComparer.Ordinal);
        for (var i = 0; i + 1 < syllables.Length; i++)
        {
            terms.Add(syllables[i] + " " + syllables[i + 1]);
        }

        return terms;
    }

    /// <summary>
    /// The folded topic terms of a question or name: the analyser's query terms in folded form, keeping a syllable
    /// pair only when both syllables carry a topic ("giấy tờ", not "cho con" or "có nhờ").
    /// </summary>
    public static HashSet<string> Of(TextAnalyzer analyzer, string text)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var terms = analyzer.AnalyzeQuery(text).Weights.Keys
            .Select(term => term.StartsWith(TextAnalyzer.FoldedPrefix, StringComparison.Ordinal) ? term[TextAnalyzer.FoldedPrefix.Length..] : VietnameseText.Fold(term))
            .ToHashSet(StringComparer.Ordinal);
        terms.RemoveWhere(term => term.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 && !(terms.Contains(term[..space]) && terms.Contains(term[(space + 1)..])));

        // Two words on either side of a comma or a sentence's end are not a phrase ("nhà nước bỏ vốn xây, hồ sơ nộp
        // ở đâu" does not speak of "xây hồ"): no text is expected to hold them.
        terms.ExceptWith(PairsAcrossClauses(text));

        // An everyday phrase that the synonym list writes in the corpus' words ("photo công chứng" → "chứng thực bản
        // sao từ bản chính") is a topic in those words: the phrase's own words are not something a text must hold.
        foreach (var (phrase, expansion) in analyzer.SynonymsIn(text))
        {
            var meant = All(expansion);
            terms.ExceptWith(All(phrase).Where(term => !meant.Contains(term)));
        }

        return terms;
    }
}
