using System.ComponentModel.DataAnnotations;

namespace ProcedureAssistant.Core.Answering;

/// <summary>When to answer and when to refer the person to the commune's service centre.</summary>
public sealed class AnsweringOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Answering";

    /// <summary>
    /// Least share of the question's terms (weighted by rarity) the best chunk must contain; below it the
    /// service abstains rather than answer from weak evidence.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinCoverage { get; set; } = 0.5;

    /// <summary>Below this coverage the question is taken as outside the service's domain and declined politely.</summary>
    [Range(0.0, 1.0)]
    public double OutOfDomainCoverage { get; set; } = 0.2;

    /// <summary>Longest quoted passage, in characters.</summary>
    [Range(100, 5000)]
    public int MaxQuoteCharacters { get; set; } = 700;

    /// <summary>Most sources cited in one answer.</summary>
    [Range(1, 10)]
    public int MaxCitations { get; set; } = 3;

    /// <summary>
    /// A further document is cited beside the best one only when its score is at least this share of the best
    /// score: lower values cite more, and more of them off-topic.
    /// </summary>
    [Range(0.0, 1.0)]
    public double SecondarySourceScoreRatio { get; set; } = 0.6;

    /// <summary>Minutes a conversation's topic is kept for follow-ups.</summary>
    [Range(1, 1440)]
    public int ConversationMinutes { get; set; } = 30;

    /// <summary>Most conversations kept in memory; the oldest are dropped beyond it.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 10_000;
}
