namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Whether a chat model's answer keeps the shape of an answer (<c>Prompts/answer.md</c>): a first sentence that
/// answers, not a heading or a list; at least one citation of a source it was given (markers of sources it was not
/// given are removed); and no longer than <see cref="MaxCharacters"/>. An answer that fails gives way to the
/// extractive one.
/// </summary>
public static class GeneratedAnswerCheck
{
    /// <summary>Longest generated answer kept, in characters.</summary>
    public const int MaxCharacters = 1500;

    /// <summary>Longest first sentence, in characters: a longer one does not answer first and explain after.</summary>
    public const int MaxFirstSentenceCharacters = 300;

    /// <summary>The answer with invalid markers removed and the valid source numbers, or the problem that rejects it.</summary>
    public static (string Text, IReadOnlyList<int> Cited, string? Problem) Check(string generated, int sourceCount)
    {
        ArgumentNullException.ThrowIfNull(generated);
        var (text, cited) = CitationParser.Validate(generated, sourceCount);
        text = text.Trim();
        var first = text.Split('\n', 2)[0].Trim();
        var end = first.IndexOfAny(['.', '?', '!']);
        var sentence = end < 0 ? first : first[..(end + 1)];
        string? problem = text.Length == 0 ? "empty"
            : cited.Count == 0 ? "no citation of a source it was given"
            : first.Length == 0 || first[0] is '-' or '*' or '#' or '>' || (char.IsDigit(first[0]) && first.Contains(". ", StringComparison.Ordinal) && first.IndexOf('.', StringComparison.Ordinal) < 3) ? "no first sentence that answers"
            : sentence.Length > MaxFirstSentenceCharacters ? "first sentence too long"
            : text.Length > MaxCharacters ? "too long"
            : null;
        return (text, cited, problem);
    }
}
