namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Sibling procedures fit the question about equally and its topic words do not tell them apart, but it means one of
/// them (<see cref="ProcedureVariants.Meant"/>): the one whose own words it holds, or, when it names no change to an
/// earlier procedure, the one that is no change ("xin giấy phép xây dựng" is the new permit, not its extension). That
/// one answers.
/// </summary>
internal sealed class SiblingProcedureRule : AnswerRule
{
    public override string Name => "sibling-procedure";

    public override string Reason => "Sibling procedures fit the question; the one whose own words it holds, or the one that is no change to another, answers.";

    internal override Reply? Decide(AnswerContext context) =>
        ProcedureVariants.Meant(ProcedureVariants.Of(context), context) is { } meant ? new AnswerReply(ProcedureVariants.ChoiceOf(meant, context)) : null;
}
