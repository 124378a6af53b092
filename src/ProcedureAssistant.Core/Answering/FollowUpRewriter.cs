using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Turns an elliptic follow-up ("còn lệ phí thì sao?", "mất bao lâu?") into a searchable question by putting
/// the conversation's previous topic in front of it. A question is a follow-up when it opens with a follow-up
/// word or has at most <see cref="MaxFollowUpSyllables"/> syllables that carry a topic: not question words,
/// not the words that only say which field is asked ("mất mấy ngày", "bao nhiêu tiền"), not numbers.
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

    /// <summary>True when the question leans on an earlier one for its topic.</summary>
    public bool IsFollowUp(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var syllables = TextAnalyzer.Syllables(question).Select(VietnameseText.Fold).ToArray();
        var opensWithMarker = Openers.Any(opener =>
        {
            var words = VietnameseText.Fold(opener).Split(' ');
            return syllables.Length > words.Length && syllables.AsSpan(0, words.Length).SequenceEqual(words);
        });
        var cues = AskedFields.CueTerms(question);
        var topicSyllables = DocumentCatalog.FoldedQueryTerms(analyzer, question)
            .Count(term => !term.Contains(' ', StringComparison.Ordinal) && !cues.Contains(term) && !term.All(char.IsDigit));
        return opensWithMarker || topicSyllables <= MaxFollowUpSyllables;
    }
}
