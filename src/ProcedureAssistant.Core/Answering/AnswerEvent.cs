namespace ProcedureAssistant.Core.Answering;

/// <summary>One event of a streamed answer.</summary>
public abstract record AnswerEvent;

/// <summary>More answer text, as it is generated.</summary>
public sealed record AnswerDelta(string Text) : AnswerEvent;

/// <summary>
/// The final answer. Its text is authoritative: it differs from the streamed deltas when invalid citations were
/// removed or the generated text was replaced by the extractive answer.
/// </summary>
public sealed record AnswerCompleted(Answer Answer) : AnswerEvent;
