namespace ProcedureAssistant.Core.Answering;

/// <summary>The last rule: no earlier rule refused, so the chosen text answers.</summary>
internal sealed class AnswerFromSourceRule : AnswerRule
{
    public override string Name => "answer";

    public override string Reason => "A text covers the question and states what is asked.";

    internal override Reply? Decide(AnswerContext context) => new AnswerReply(context.Choice!);
}
