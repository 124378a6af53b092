using ProcedureAssistant.Core.Questions;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// The chosen text itself marks what is asked as not known ("Mức trợ cấp: Chưa có thông tin chính thức", a record's
/// "Thời hạn giải quyết" marked so): the reply says so in one line and refers the person, rather than recite the rest
/// of the text. A passage of the same text that does state something and speaks to the question at least as well wins
/// over the mark, and the question is answered from it.
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
        foreach (var (subject, line) in DeclaredGaps.Find(document.Body))
        {
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
            ? reading.Fields.Where(f => ProcedureRecord.SectionOf(f) is { } section && record.Field(section) is { } value && DeclaredGaps.IsAllGaps(value)).ToList()
            : [];
        return marked.Count > 0 && !context.StatesAnAskedItem
            ? new ReferReply(AnswerComposer.Label(marked[0]), document, reading.Place)
            : null;
    }

    // "Mức trợ cấp", "Mức hỗ trợ": the amount of something.
    private static bool IsAmount(string subject) => TextAnalyzer.Syllables(subject).FirstOrDefault() is { } first && VietnameseText.Fold(first) == "muc";
}
