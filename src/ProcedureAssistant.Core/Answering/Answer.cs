using ProcedureAssistant.Core.Questions;

namespace ProcedureAssistant.Core.Answering;

/// <summary>An answer with its numbered citations; <see cref="Abstained"/> when the corpus does not hold one.</summary>
/// <param name="Text">The answer; <c>[n]</c> markers point to the citation with that index.</param>
/// <param name="Mode">Extractive (offline) or generative (chat model).</param>
/// <param name="Abstained">True when the service did not answer and referred the person instead.</param>
/// <param name="Citations">The sources cited in the text.</param>
/// <param name="Decision">The rule that decided the reply, and why.</param>
/// <param name="ConversationId">The conversation to pass with a follow-up question.</param>
public sealed record Answer(string Text, AnswerMode Mode, bool Abstained, IReadOnlyList<Citation> Citations, AnswerDecision Decision, string? ConversationId = null)
{
    /// <summary>How the question was read (what retrieval searched, the items asked); null when it was not read.</summary>
    public QuestionReading? Reading { get; init; }
}
