namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Two to four records cover the question about as well and the question cannot tell them apart (the same procedure
/// at several levels, or siblings whose distinguishing words it does not use): the reply asks which one is meant,
/// naming each, rather than answer one at random.
/// </summary>
internal sealed class AmbiguousProceduresRule : AnswerRule
{
    /// <summary>More candidates than this make a question too broad to ask back about; the best one answers.</summary>
    public const int MaxOptions = 4;

    public override string Name => "ambiguous-procedures";

    public override string Reason => "Two to four procedures fit the question equally and it does not say which one is meant.";

    internal override Reply? Decide(AnswerContext context)
    {
        var variants = ProcedureVariants.Of(context).Records;
        return variants.Count is > 1 and <= MaxOptions ? new AskBackReply(variants.Select(v => v.Document).ToList()) : null;
    }
}
