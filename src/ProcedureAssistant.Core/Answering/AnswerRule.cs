namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// One rule of the answer policy (<see cref="AnswerPolicy"/>): a name, a one-line reason, and the condition under which
/// it decides the reply. Its thresholds are constants of the rule, documented beside it and in <c>docs/answering.md</c>.
/// </summary>
public abstract class AnswerRule
{
    /// <summary>The rule's stable name, kebab-case, as in responses, logs and evaluation reports.</summary>
    public abstract string Name { get; }

    /// <summary>Why the rule decides the reply when it fires, in one sentence.</summary>
    public abstract string Reason { get; }

    /// <summary>The decision as it is reported.</summary>
    public AnswerDecision Decision => new(Name, Reason);

    /// <summary>The reply this rule decides, or null when it does not apply and the next rule is asked.</summary>
    internal abstract Reply? Decide(AnswerContext context);
}
