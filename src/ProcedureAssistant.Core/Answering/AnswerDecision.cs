namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Which rule of the answer policy decided the reply (answer, refuse, refer, ask back), and its one-line reason, so
/// that a reader of the response, the log or an evaluation report can tell why the service replied as it did.
/// </summary>
/// <param name="Rule">The rule's stable name, kebab-case (<c>answer</c>, <c>out-of-scope</c>, ...).</param>
/// <param name="Reason">Why the rule fired, in one sentence.</param>
public sealed record AnswerDecision(string Rule, string Reason)
{
    /// <summary>The measures the rules compared with their thresholds for this question; null where none were taken.</summary>
    public DecisionMeasures? Measures { get; init; }
}
