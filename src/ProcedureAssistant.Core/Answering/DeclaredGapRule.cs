using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Questions;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// The chosen text itself marks what is asked as not known ("Mức trợ cấp: Chưa có thông tin chính thức", a record's
/// "Thời hạn giải quyết" marked so): the reply says so in one line and refers the person, rather than recite the rest
/// of the text. A passage of the same text that does state something and speaks to the question at least as well wins
/// over the mark, and the question is answered from it; so does a record that states every item asked, over a mark under
/// another of its items.
/// </summary>
internal sealed class DeclaredGapRule : AnswerRule
{
    /// <summary>
    /// The question asks for a marked item when it holds this rarity-weighted share of the item's own words (beyond the
    /// text's name), or the item holds this share of the question's (and the question <see cref="MinItemShare"/> of the item's).
    /// </summary>
    public const double ItemMatch = 0.75;

    /// <summary>See <see cref="ItemMatch"/>: "thủ tục … nộp giấy gì" does not ask for "Mã thủ tục quốc gia của thủ tục này".</summary>
    public const double MinItemShare = 0.25;

    public override string Name => "declared-gap";

    public override string Reason => "The chosen text marks what is asked as not known, and no passage of it states it.";

    internal override Reply? Decide(AnswerContext context)
    {
        var document = context.Choice!.Document;
        var reading = context.Reading;
        if (reading.DatesOfTextAsked.Any(date => document.DateOf(date) is not null))
        {
            return null; // the answer gives the dates asked that the text's record has, and says in one line which it has not
        }

        var statistics = context.Statistics;
        var weights = new TermWeights(context.Analyzer, reading.TopicTerms, document, statistics);

        // Each gap is weighed with its line as context ("Có 32 nhiệm vụ … Danh sách 32 nhiệm vụ này: chưa có thông tin")
        // against every sentence that does say something: the stated passage wins when it speaks to the question as well.
        var bestStated = document.Body.Split(['\n', '.', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => !DeclaredGaps.IsGap(s) && !DeclaredGaps.Find(s).Any())
            .Select(weights.Score)
            .DefaultIfEmpty(0)
            .Max();
        var title = TopicTerms.Of(context.Analyzer, document.Title);
        var beyondTitle = reading.TopicTerms.Where(t => !t.Contains(' ', StringComparison.Ordinal) && !title.Contains(t)).ToList();
        var asksAmount = reading.Fields.Contains(AskedField.Amount);
        var otherItems = OtherItemsThanAsked(context);
        foreach (var (subject, line) in DeclaredGaps.Find(document.Body))
        {
            if (otherItems.Any(section => section.Contains(line, StringComparison.Ordinal)))
            {
                continue; // a gap under an item not asked ("Hạn nộp hồ sơ" under the time limit, for "nộp ở đâu, phí bao nhiêu")
            }

            var terms = TopicTerms.Of(context.Analyzer, subject).Where(t => !t.Contains(' ', StringComparison.Ordinal) && !title.Contains(t)).ToList();
            var total = terms.Sum(statistics.Idf);
            var itemShare = total == 0 ? 0 : terms.Where(reading.TopicTerms.Contains).Sum(statistics.Idf) / total;
            var questionShare = beyondTitle.Where(terms.Contains).Sum(statistics.Idf) / Math.Max(double.Epsilon, beyondTitle.Sum(statistics.Idf));
            var asked = itemShare >= ItemMatch || (questionShare >= ItemMatch && itemShare >= MinItemShare);
            if ((asked && weights.Score(line) >= bestStated) || (asksAmount && IsAmount(subject)))
            {
                return new ReferReply(subject, document, reading.Place);
            }
        }

        // Every item asked is marked unknown in its section. A record that has no section for an item does not say it
        // is unknown: it is answered, and the answer says in one line what the record does not give.
        var marked = context.Record is { } record
            ? record.MarkedUnknown(reading.Fields)
            : [];
        return marked.Count > 0 && !context.StatesAnAskedItem
            ? new ReferReply(AnswerComposer.Label(marked[0]), document, reading.Place)
            : null;
    }

    // The texts of the record's item sections that the question does not ask for, when the question asks for items
    // the record states, every one of them: the question is then answered by those items, and what the record marks
    // unknown under another item is not what it asks. Empty otherwise.
    private static List<string> OtherItemsThanAsked(AnswerContext context)
    {
        if (context.Record is not { } record)
        {
            return [];
        }

        var asked = context.Reading.Fields.Select(ProcedureRecord.SectionOf).OfType<string>().Distinct().ToList();
        var statesEvery = asked.Count > 0 && asked.All(section => record.Field(section) is { } value && !DeclaredGaps.IsAllGaps(value));
        return statesEvery
            ? [.. record.Sections.Where(s => !asked.Contains(s.Name) && ProcedureRecord.CitizenFields.Concat(ProcedureRecord.OfficialFields).Contains(s.Name)).Select(s => s.Text)]
            : [];
    }

    // "Mức trợ cấp", "Mức hỗ trợ", "Danh sách đầy đủ và mức hưởng": the amount of something paid out, not a fee's.
    private static bool IsAmount(string subject)
    {
        // With diacritics: the texts are written with them, and "mục" of "danh mục" folds to the same "muc".
        var words = TextAnalyzer.Syllables(subject).Select(w => w.ToLowerInvariant()).ToList();
        return words.Contains("mức") && !words.Any(w => VietnameseText.Fold(w) == "phi");
    }
}
