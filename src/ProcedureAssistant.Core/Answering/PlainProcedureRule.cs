namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Sibling procedures fit the question equally and it names none of the words that set them apart, but only one of
/// them is not a change to an earlier procedure or a bundle of several ("Cấp giấy phép xây dựng mới" beside its
/// amendment, extension and re-issue): a question that names no change ("xin giấy phép xây dựng cần gì") is about
/// that one, which answers.
/// </summary>
internal sealed class PlainProcedureRule : AnswerRule
{
    public override string Name => "plain-procedure";

    public override string Reason => "Sibling procedures fit the question equally; it names no change, so the one that is no change answers.";

    internal override Reply? Decide(AnswerContext context) =>
        ProcedureVariants.Plain(ProcedureVariants.Of(context), context) is { } plain ? new AnswerReply(ProcedureVariants.ChoiceOf(plain, context)) : null;
}
