using ProcedureAssistant.Core.Retrieval;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// In scope, but the chosen text does not speak to the question: its best passage covers too little of the question
/// and the question does not name it; or it does not match the question's topic, phrases included ("làm hộ chiếu lần
/// đầu" shares "lần đầu", "giấy tờ" and the syllables of "hộ chiếu" with the first land certificate, but not "hộ
/// chiếu"); or what a follow-up that keeps the topic asks beyond the name is not in it ("thế còn mức phạt?"), unless
/// that is simply one of the text's items ("còn lệ phí thì sao?"; whether the text knows it is
/// <see cref="DeclaredGapRule"/>'s to say); or the question names a paper by what it is for ("giấy phép lao động")
/// and the text never holds those words, however well it names the text otherwise. The reply refers to the commune's
/// service centre.
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

    /// <summary>Least rarity-weighted share of a follow-up's own words (beyond the text's name) that the text holds.</summary>
    public const double MinSupport = 0.5;

    public override string Name => "not-in-sources";

    public override string Reason => "The question is about procedures or local government, but no text covers what it asks.";

    internal override Reply? Decide(AnswerContext context)
    {
        var choice = context.Choice!;
        var weak = choice.NameMatch < PartlyNamed && (choice.Coverage < MinCoverage || context.TopicMatch < MinTopicMatch);
        var inheritsTopic = context.Reading.IsFollowUp && !context.Reading.ChangesTopic;
        var asksAnItemOfTheNamedText = choice.IsNamed && context.Reading.Fields.Count > 0 && !context.Reading.FieldsCarriedOver;
        var ownWordsMissing = inheritsTopic && !asksAnItemOfTheNamedText &&
            context.Statistics.TopicMatch(choice.Document.Id, context.Reading.OwnTopicTerms.Except(context.Statistics.NameTerms(choice.Document.Id))) < MinSupport;
        var paperTheTextLacks = PaperNamed(context.Reading.Text) is { } paper && context.Statistics.IsKnown(paper) && !context.Statistics.Contains(choice.Document.Id, paper);
        return weak || ownWordsMissing || paperTheTextLacks ? new ReferReply(Place: context.Reading.Place) : null;
    }

    // Papers a question names by what they are for: "giấy phép lao động", "giấy chứng nhận an toàn thực phẩm".
    private static readonly string[][] Papers = [["giay", "phep"], ["giay", "chung", "nhan"], ["giay", "xac", "nhan"], ["chung", "chi"]];

    // Words after a paper's name that say nothing of what it is for ("giấy phép cho quán", "giấy xác nhận gì"); a
    // syllable typed with its marks is compared with them ("cơ sở" is not "có"), one typed without, folded.
    private static readonly string[] NotWhatFor =
    [
        "cho", "của", "ở", "tại", "thì", "không", "có", "để", "và", "hay", "hoặc", "được", "mà", "xin", "làm", "này", "đó",
        "gì", "nào", "mới", "cũ", "lại", "thế", "à", "rồi", "nữa", "về", "với", "bị", "mất", "hết", "hạn", "như", "còn",
    ];

    private static readonly HashSet<string> NotWhatForAccented = new(NotWhatFor, StringComparer.Ordinal);

    private static readonly HashSet<string> NotWhatForFolded = new(NotWhatFor.Select(Text.VietnameseText.Fold), StringComparer.Ordinal);

    private static bool SaysNothingOfWhatFor(string syllable) =>
        Text.VietnameseText.HasDiacritics(syllable) ? NotWhatForAccented.Contains(syllable) : NotWhatForFolded.Contains(syllable);

    /// <summary>
    /// The pair of words that says what a paper the question names is for ("lao động" of "giấy phép lao động", "độc thân"
    /// of "giấy xác nhận còn độc thân"), folded; null when it names none or not by two such words. A text that never
    /// holds a pair the corpus knows is about another paper, however well the question names it otherwise ("giấy phép
    /// lao động cho người nước ngoài" is not foreign marriage); a pair no text holds is everyday wording ("xây nhà").
    /// </summary>
    internal static string? PaperNamed(string question)
    {
        var typed = Text.TextAnalyzer.Syllables(question).ToArray();
        var syllables = typed.Select(Text.VietnameseText.Fold).ToArray();
        foreach (var paper in Papers)
        {
            for (var i = 0; i + paper.Length <= syllables.Length; i++)
            {
                if (!syllables.AsSpan(i, paper.Length).SequenceEqual(paper))
                {
                    continue;
                }

                var after = typed.Skip(i + paper.Length).SkipWhile(SaysNothingOfWhatFor).Take(2).ToArray();
                if (after is [var first, var second] && !SaysNothingOfWhatFor(second) && !first.Any(char.IsDigit))
                {
                    return Text.VietnameseText.Fold(first) + " " + Text.VietnameseText.Fold(second);
                }
            }
        }

        return null;
    }
}
