namespace ProcedureAssistant.Core.Answering;

/// <summary>An answer with its numbered citations; <see cref="Abstained"/> when the corpus does not hold one.</summary>
public sealed record Answer(string Text, AnswerMode Mode, bool Abstained, IReadOnlyList<Citation> Citations);
