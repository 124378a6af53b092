using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Retrieval;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// In scope, but the chosen text does not speak to the question: its best passage covers too little of the question
/// and the question does not name it; or it does not match the question's topic, phrases included ("làm hộ chiếu lần
/// đầu" shares "lần đầu", "giấy tờ" and the syllables of "hộ chiếu" with the first land certificate, but not "hộ
/// chiếu"); or what a follow-up that keeps the topic asks beyond the name is not in it ("thế còn mức phạt?"), unless
/// that is simply one of the text's items ("còn lệ phí thì sao?"; whether the text knows it is
/// <see cref="DeclaredGapRule"/>'s to say). The reply refers to the commune's service centre.
/// Not for an opening question that names the text: its other words are mostly the asker's story ("ba mẹ buôn bán
/// xa", "mới xuất ngũ về quê"), which no record holds; referring them lost more answerable questions (QA, dev and
/// national sets: 7) than it kept unanswerable ones from a wrong answer (3: a penalty, a speech, a karaoke licence).
/// </summary>
internal sealed class NotInSourcesRule : AnswerRule
{
    /// <summary>Least rarity-weighted share of the question's terms the chosen text's best passage holds, unless the question names the text.</summary>
    public const double MinCoverage = 0.5;

    /// <summary>Least topic match (<see cref="DocumentStatistics.TopicMatch"/>) with a text the question does not name.</summary>
    public const double MinTopicMatch = 0.4;

    /// <summary>
    /// Share of one of the chosen text's names (<see cref="DocumentStatistics.NameMatch"/>) from which the question is
    /// about that text even though it does not name it in full and its other words are the asker's own ("mất căn cước,
    /// làm lại hết bao nhiêu" holds "căn cước" and "lại" of "Cấp lại thẻ căn cước"): such questions were referred for
    /// their everyday words more often than unanswerable ones reach it (measured in <c>eval/reports/qa.md</c>).
    /// </summary>
    public const double PartlyNamed = 1.0 / 3;

    /// <summary>
    /// With <see cref="SomewhatCovered"/> and <see cref="SomewhatOnTopic"/>: a question that holds this share of one of
    /// the text's names, whose best passage covers that share of it and whose topic matches it that well, is about the
    /// text though it meets no single bar above: everyday questions that describe the procedure in their own words
    /// ("công an xã mời đi thu thập ADN để cập nhật vào căn cước, tốn phí bao nhiêu") meet all three a little.
    /// Measured on 900 seen held-out questions and the QA set (<c>eval/reports/qa.md</c>, ninth session): more right
    /// records answered than wrong ones, QA key facts and false abstention better, abstention unchanged.
    /// </summary>
    public const double SomewhatNamed = 0.15;

    /// <summary>See <see cref="SomewhatNamed"/>.</summary>
    public const double SomewhatCovered = 0.35;

    /// <summary>See <see cref="SomewhatNamed"/>.</summary>
    public const double SomewhatOnTopic = 0.25;

    /// <summary>Least rarity-weighted share of a follow-up's own words (beyond the text's name) that the text holds.</summary>
    public const double MinSupport = 0.5;

    /// <summary>
    /// Whether the chosen text speaks to the question: the question holds a third of one of its names,
    /// or the text's best passage covers half of the question and matches its topic, or all three a little.
    /// A regulation whose best passage covers half of the question needs only <see cref="SomewhatOnTopic"/>: officials
    /// ask about a decree in their own words ("thông tư số mấy, ký hôm nào", "phòng nào tham mưu mảng biên giới"),
    /// which the decree does not write, where a question that reaches a procedure record that far by chance is about
    /// something else (seen held-out rounds 4–48, twentieth session: 13 refusals of the right decree answered, 3 other
    /// answers changed; the QA set's unanswerable questions never meet it but one declined as out of scope first).
    /// For a regulation the question does not name, the topic match is also taken without the seams between the
    /// question's words (<see cref="DocumentStatistics.TopicMatchWithoutSeams"/>), the higher one counting: an
    /// official's sentence ("bộ ra thông tư … hướng dẫn việc phân cấp") is made of pairs no text writes, which are the
    /// rarest terms and would decide (seen rounds 4–38, twenty-second session: six answers changed, four to the right
    /// text, none lost; the QA set and the catalogue unchanged).
    /// An official who asks of a regulation no item of a procedure need not name it at all for that last way: "xã có
    /// thác nước muốn được công nhận khu du lịch cấp tỉnh thì xã làm gì" is the culture decree's, in words it does not
    /// write (seen held-out rounds 4–48, twenty-fourth session: nine refusals of the right decree answered, one
    /// question expecting a referral answered from it, no other answer changed; citizens' questions that reach a
    /// province's plan that far, "tôi chỉ ương post rồi bán", were answered from it and are not let through).
    /// </summary>
    internal static bool SpeaksTo(double nameMatch, double coverage, double topicMatch, bool isRegulation = false, bool officialAsksOfIt = false) =>
        nameMatch >= PartlyNamed ||
        (coverage >= MinCoverage && topicMatch >= (isRegulation ? SomewhatOnTopic : MinTopicMatch)) ||
        ((nameMatch >= SomewhatNamed || (isRegulation && officialAsksOfIt)) && coverage >= SomewhatCovered && topicMatch >= SomewhatOnTopic);

    public override string Name => "not-in-sources";

    public override string Reason => "The question is about procedures or local government, but no text covers what it asks.";

    internal override Reply? Decide(AnswerContext context)
    {
        var choice = context.Choice!;
        if (context.AnswersTheAskBack || context.LastsAsSaid)
        {
            return null;
        }

        var isRegulation = choice.Document.Type == DocumentType.Regulation;
        var topicMatch = isRegulation && !choice.IsNamed
            ? Math.Max(context.TopicMatch, context.Statistics.TopicMatchWithoutSeams(choice.Document.Id, context.Reading.TopicTerms))
            : context.TopicMatch;
        var officialAsksOfIt = context.Persona == Persona.Official && !context.Reading.Fields.Any(SourceSelector.RecordsOwn.Contains);
        var weak = !SpeaksTo(choice.NameMatch, choice.Coverage, topicMatch, isRegulation, officialAsksOfIt) && !context.RetrievalIsSureOfTheRecord && !context.RetrievalIsSureOfTheNamedRecord;
        // A follow-up whose own words chose a neighbouring text names that text: it no longer leans on the previous one.
        var inheritsTopic = context.Reading.IsFollowUp && !context.Reading.ChangesTopic && choice.Because != SelectionReason.FollowUpNamesANeighbour;
        // When a legal text was signed or takes effect is an item every dated text has, as the fee is of a procedure.
        // A text the conversation is about (the previous answer's, still found) is named by it, though the first
        // question described it in everyday words; and whether someone qualifies ("thế bố tôi 72 tuổi thì có được
        // không?") is one of its items, which its conditions answer.
        var followed = choice.Document.Id == context.Reading.FollowsDocument;
        var asksAnItemOfTheNamedText = (choice.IsNamed || followed) &&
            ((context.Reading.Fields.Count > 0 && !context.Reading.FieldsCarriedOver) || (context.Reading.AsksDatesOfText && (choice.Document.Issued ?? choice.Document.Effective ?? choice.Document.Expires) is not null) ||
             (followed && context.Reading.AsksIfEligible));
        // A turn that asks nothing adds the asker's situation to the question before, which the text answered: its
        // words are context, not an item beyond the text.
        var ownWordsMissing = inheritsTopic && !asksAnItemOfTheNamedText && !context.Reading.AsksNothing &&
            context.Statistics.TopicMatchWithoutSeams(choice.Document.Id, context.Reading.OwnTopicTerms.Except(context.Statistics.NameTerms(choice.Document.Id))) < MinSupport;
        // A follow-up that goes beyond the text the conversation is about is referred with that text named: the person
        // learns where the answer was not found, and who handles it ("thế nếu hòa giải không thành thì kiện lên đâu").
        return weak ? new ReferReply(Place: context.Reading.Place)
            : ownWordsMissing ? new ReferReply(Document: followed ? choice.Document : null, Place: context.Reading.Place)
            : null;
    }
}
