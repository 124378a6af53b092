namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// A question that asks which procedure to follow ("thằng con tôi mới đủ tuổi, ông trưởng thôn dặn ra ban chỉ huy
/// quân sự xã trình diện …, làm thủ tục nào", <see cref="Questions.QuestionReading.AsksWhichProcedure"/>) is about a
/// procedure by its very form, however much of it is the asker's story. When the rules that judge its words would
/// decline it (<see cref="OutOfScopeRule"/>) or refer it (<see cref="NotInSourcesRule"/>), because no text holds
/// enough of that story, the service does not know which procedure is meant, but retrieval found the nearest ones:
/// the reply asks which of them, each with what case it is for, rather than say the question is outside what the
/// service does. Not for a question about a subject outside local government, which is declined whatever it asks.
/// </summary>
/// <param name="outOfScope">The rule whose decline this one replaces.</param>
/// <param name="notInSources">The rule whose referral this one replaces.</param>
internal sealed class UnsureWhichProcedureRule(OutOfScopeRule outOfScope, NotInSourcesRule notInSources) : AnswerRule
{
    /// <summary>How many of the procedure records retrieved first are offered.</summary>
    public const int Options = AmbiguousProceduresRule.MaxOptions;

    /// <summary>
    /// Least share of one of a record's names (<see cref="Retrieval.DocumentStatistics.NameMatch"/>) the question must
    /// hold for the record to be offered: a record retrieved for the asker's story alone ("mẹ tôi đau nằm một chỗ …
    /// xin loại nào" and a marriage record) is no option, and with fewer than two options left the question is
    /// declined or referred as the other rules decide.
    /// </summary>
    public const double PartlyNamed = NotInSourcesRule.SomewhatNamed;

    public override string Name => "unsure-which-procedure";

    public override string Reason => "The question asks which procedure to follow, no text speaks to its words enough to say which, and retrieval found several near it.";

    internal override Reply? Decide(AnswerContext context)
    {
        var reading = context.Reading;
        if (!reading.AsksWhichProcedure || context.NamesASubjectOutsideTheTexts || context.Choice is null ||
            (outOfScope.Decide(context) is null && notInSources.Decide(context) is null))
        {
            return null;
        }

        var nearest = ProcedureVariants.Retrieved(context)
            .Where(v => context.Statistics.NameMatch(v.Document.Id, reading.TopicTerms) >= PartlyNamed)
            .Take(Options).Select(v => v.Document).ToList();
        return nearest.Count > 1 ? new AskBackReply(nearest) : null;
    }
}
