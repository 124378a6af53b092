namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// The asker means to stop a business or an activity without saying whether for a while or for good ("quán cơm nhà
/// em muốn nghỉ, phải báo xã thế nào"), and retrieval found both the suspension and the closing of the same thing
/// (<see cref="ProcedureVariants.SuspensionAndClosing"/>): the reply asks which, naming both. It comes before the rules
/// that judge the question's words, which are the asker's everyday ones ("quán", "tiệm", "nghỉ") and not the titles'.
/// </summary>
internal sealed class StopWithoutLengthRule : AnswerRule
{
    public override string Name => "stop-without-length";

    public override string Reason => "The asker means to stop something without saying whether for a while or for good, and a procedure exists for each.";

    internal override Reply? Decide(AnswerContext context) =>
        context.Reading.StopsWithoutSayingHowLong && !context.AnswersTheAskBack && ProcedureVariants.SuspensionAndClosing(context) is { Count: 2 } both
            ? new AskBackReply([.. both.Select(v => v.Document)])
            : null;
}
