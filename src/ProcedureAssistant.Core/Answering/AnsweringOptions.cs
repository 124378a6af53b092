using System.ComponentModel.DataAnnotations;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Settings of the answering step: how long a conversation is remembered and how a question is normalised. When to
/// answer and when to refer is not configured: it is the answer policy's table of rules (<see cref="AnswerPolicy"/>).
/// </summary>
public sealed class AnsweringOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Answering";

    /// <summary>Minutes a conversation's topic is kept for follow-ups.</summary>
    [Range(1, 1440)]
    public int ConversationMinutes { get; set; } = 30;

    /// <summary>Most conversations kept in memory; the oldest are dropped beyond it.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>Replace chat shorthand ("ko", "đc", "mn", from <c>Text/Data/shorthand.tsv</c>) before the question is analysed.</summary>
    public bool ExpandShorthand { get; set; } = true;

    /// <summary>Correct question syllables the corpus does not use ("khai sin" → "khai sinh") before the question is analysed.</summary>
    public bool CorrectSpelling { get; set; } = true;

    /// <summary>
    /// A spelling correction needs the corpus to write the corrected syllable next to the question's neighbouring
    /// syllable at least this many times (before and after together).
    /// </summary>
    [Range(1, 1000)]
    public int SpellingMinPairCount { get; set; } = 2;

    /// <summary>
    /// A spelling correction needs the question's neighbouring syllables to call for it at least this strongly:
    /// the share of the previous syllable's corpus occurrences that it follows plus the share of the next one's
    /// that it precedes.
    /// </summary>
    [Range(0.0, 2.0)]
    public double SpellingMinStrength { get; set; } = 0.1;

    /// <summary>
    /// A spelling correction needs that strength to be at least this many times the next candidate's; otherwise
    /// the syllable is ambiguous and stays as typed.
    /// </summary>
    [Range(1.0, 100.0)]
    public double SpellingDominance { get; set; } = 3.0;

    /// <summary>The normalisation settings as the normaliser takes them.</summary>
    public QueryNormalization Normalization => new()
    {
        ExpandShorthand = ExpandShorthand,
        CorrectSpelling = CorrectSpelling,
        MinPairCount = SpellingMinPairCount,
        MinStrength = SpellingMinStrength,
        Dominance = SpellingDominance,
    };
}
