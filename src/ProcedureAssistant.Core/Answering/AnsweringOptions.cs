using System.ComponentModel.DataAnnotations;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Settings of the answering step (section <c>Answering</c>): how long and how many conversations are remembered.
/// When to answer and when to refer is not configured: it is the answer policy's table of rules
/// (<see cref="AnswerPolicy"/>); how a question is normalised is <see cref="Text.QueryNormalization"/>'s constants.
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
}
