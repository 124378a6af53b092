using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Turns an elliptic follow-up ("còn lệ phí thì sao?", "mất bao lâu?") into a searchable question by putting
/// the conversation's previous topic in front of it. A question is a follow-up when it opens with a follow-up
/// word or has at most <see cref="MaxFollowUpSyllables"/> syllables that carry a topic.
/// </summary>
public sealed class FollowUpRewriter(TextAnalyzer analyzer)
{
    /// <summary>Longest follow-up, in topic-bearing syllables.</summary>
    public const int MaxFollowUpSyllables = 3;

    private static readonly string[] Openers = ["còn", "thế còn", "vậy còn", "thế", "vậy", "rồi", "vậy thì", "thế thì"];

    /// <summary>The text to search for: the question alone, or the previous topic followed by the question.</summary>
    public string Rewrite(string question, string? previousTopic)
    {
        ArgumentNullException.ThrowIfNull(question);
        return previousTopic is not null && IsFollowUp(question) ? previousTopic + " " + question : question;
    }

    private bool IsFollowUp(string question)
    {
        var syllables = TextAnalyzer.Syllables(question).Select(VietnameseText.Fold).ToArray();
        var opensWithMarker = Openers.Any(opener =>
        {
            var words = VietnameseText.Fold(opener).Split(' ');
            return syllables.Length > words.Length && syllables.AsSpan(0, words.Length).SequenceEqual(words);
        });
        // Single-syllable terms of the question's own kind (accented, or folded when typed without marks).
        var terms = analyzer.AnalyzeQuery(question);
        var topicSyllables = terms.Weights.Keys.Count(term =>
            !term.Contains(' ', StringComparison.Ordinal) && term.StartsWith(TextAnalyzer.FoldedPrefix, StringComparison.Ordinal) != terms.Accented);
        return opensWithMarker || topicSyllables <= MaxFollowUpSyllables;
    }
}
