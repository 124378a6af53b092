namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// A question that shares almost nothing with any text, or shares words but not a topic and asks for no item of a
/// procedure ("thời tiết Hà Nội ngày mai" shares "ngày", "Hà Nội" and "mai" as in "mai táng"), is outside what the
/// service is for: declined politely, without pretending the commune centre could help. So is a question about a
/// subject no local-government text is about ("thời tiết Buôn Ma Thuột ngày mai", "giá vàng hôm nay": <c>off-topic</c>
/// in <c>question-forms.tsv</c>) that does not name a text: a place name gives it words in common with the texts,
/// which would otherwise have it referred. A question that holds a third of one of the chosen text's names
/// (<see cref="NotInSourcesRule.PartlyNamed"/>) is in scope however many of its words are the asker's story ("bán lại
/// chiếc xe máy cho người quen, chứng thực hợp đồng mua bán hết bao nhiêu"), and so is a later question of a
/// conversation whose previous reply came from a text (<see cref="Questions.QuestionReading.ContinuesAnAnswer"/>): its
/// few words in common are the asker's story going on, which the next rules refer or answer.
/// </summary>
internal sealed class OutOfScopeRule : AnswerRule
{
    /// <summary>Below this share of its terms in the best retrieved passage, a question has almost nothing in common with the texts.</summary>
    public const double MinCoverage = 0.2;

    /// <summary>Below this topic match with the chosen text, and asking for no procedure item, a question has words but no topic in common.</summary>
    public const double MinTopicMatch = 0.2;

    public override string Name => "out-of-scope";

    public override string Reason => "The question shares almost nothing with the texts, or words but no topic and asks for no item of a procedure, or is about a subject outside local government.";

    internal override Reply? Decide(AnswerContext context)
    {
        if (context.Choice is not { } choice)
        {
            return new OutOfScopeReply();
        }

        var nothingInCommon = context.BestCoverage < MinCoverage && choice.Coverage < NotInSourcesRule.MinCoverage;
        var noTopicInCommon = context.TopicMatch < MinTopicMatch && context.Reading.Fields.Count == 0;
        var partlyNamed = choice.NameMatch >= NotInSourcesRule.PartlyNamed;
        var inScopeWhateverItsWords = partlyNamed || context.RetrievalIsSureOfTheRecord || context.AnswersTheAskBack || context.LastsAsSaid || context.Reading.ContinuesAnAnswer;
        return (!inScopeWhateverItsWords && (nothingInCommon || noTopicInCommon)) || (!choice.IsNamed && context.NamesASubjectOutsideTheTexts) ? new OutOfScopeReply() : null;
    }
}
