using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Decides whether the chosen document answers the question. It does not when the evidence is weak (the best
/// chunk covers little of the question and the question does not name the document, an unnamed document does
/// not match the question's topic phrases, or a follow-up's own words are not in the record), when the document
/// itself says that what is asked is not known ("Mức trợ cấp: Chưa có thông tin chính thức"), when every field
/// asked for is marked unknown, or when a fee or time limit is asked for a place no text mentions. In the gap
/// cases the answer says so and refers the person, rather than recite the rest of the record.
/// </summary>
internal static class Answerability
{
    // A question whose few words beyond the document's name all occur in a declared gap asks for that item only
    // if it also holds this share of the item's words: "thủ tục ... nộp giấy gì" does not ask for "Mã thủ tục
    // quốc gia của thủ tục này".
    private const double MinItemShare = 0.25;

    public static Verdict Judge(SourceChoice choice, AskedQuestion question, double bestCoverage, DocumentStatistics catalog, TextAnalyzer analyzer, AnsweringOptions options)
    {
        var named = choice.NameMatch >= options.NamedThreshold;
        var topic = named ? 1 : catalog.TopicMatch(choice.Document.Id, question.Terms);

        // Almost nothing in common with any text, or words in common but no topic and no procedure's field asked
        // for ("thời tiết Hà Nội ngày mai"): outside what the service is for.
        var outside = bestCoverage < options.OutOfDomainCoverage || (topic < options.OutOfDomainTopicMatch && question.Fields.Count == 0);
        if (choice.Coverage < options.MinCoverage && !named)
        {
            return outside ? Verdict.OutOfDomain : Verdict.Weak;
        }

        // Words in common are not a topic in common: "làm hộ chiếu lần đầu cần giấy tờ gì" shares "lần đầu",
        // "giấy tờ" and the syllables of "hộ chiếu" with the first-time land certificate, but not "hộ chiếu".
        // A question that does not name the document must match it as a topic, phrases included.
        if (topic < options.MinTopicMatch)
        {
            return outside ? Verdict.OutOfDomain : Verdict.Weak;
        }

        var document = choice.Document;
        var record = document.Type == DocumentType.Procedure ? ProcedureRecord.From(document) : null;
        var fields = question.Fields;
        var asksKnownField = record is not null && fields.Any(f => record.Field(f) is { } value && !DeclaredGaps.IsAllGaps(value));

        // A follow-up inherits its topic's words, and a named record shares its name with the question; either
        // way what the person asked beyond the name ("mức phạt", "làm hộ chiếu cho con") must be in the text,
        // unless it is simply one of the record's fields ("còn lệ phí thì sao?").
        if ((question.IsFollowUp || choice.Coverage < options.MinCoverage) && !(named && asksKnownField) &&
            catalog.Support(document.Id, question.OwnTerms.Except(catalog.NameTerms(document.Id))) < options.MinSupport)
        {
            return Verdict.Weak;
        }

        var weights = new TermWeights(analyzer, question.SearchText, document, catalog);
        var gaps = DeclaredGaps.Find(document.Body).ToList();

        // A gap is weighed with its line as context ("Có 32 nhiệm vụ ... Kho dữ liệu này chưa tổng hợp danh sách
        // các nhiệm vụ này") against each sentence that does say something: a line that states a gap must not
        // compete with its own gap, but a sentence beside it may answer better ("Có thể hỏi trực tiếp Ban chỉ huy
        // quân sự cấp xã").
        var bestKnown = document.Body.Split(['\n', '.', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => !DeclaredGaps.IsGap(s) && !DeclaredGaps.Find(s).Any())
            .Select(weights.Score)
            .DefaultIfEmpty(0)
            .Max();
        var title = DocumentCatalog.FoldedQueryTerms(analyzer, document.Title);
        var asksAmount = AskedFields.AsksForAnAmount(question.SearchText);
        var beyondTitle = question.Terms.Where(t => !t.Contains(' ', StringComparison.Ordinal) && !title.Contains(t)).ToList();
        foreach (var (subject, line) in gaps)
        {
            // The question asks for the item (it holds most of the item's own words beyond the document's name,
            // or the item holds most of the question's and the question a fair part of the item's: one of the
            // fees a guide lists as not found), and no sentence that does say something speaks to it better; or
            // it asks how much is paid ("được bao nhiêu tiền một tháng") and the item is the amount ("Mức trợ cấp").
            var terms = DocumentCatalog.FoldedQueryTerms(analyzer, subject).Where(t => !t.Contains(' ', StringComparison.Ordinal) && !title.Contains(t)).ToList();
            var total = terms.Sum(catalog.Idf);
            var itemShare = total == 0 ? 0 : terms.Where(question.Terms.Contains).Sum(catalog.Idf) / total;
            var questionShare = beyondTitle.Where(terms.Contains).Sum(catalog.Idf) / Math.Max(double.Epsilon, beyondTitle.Sum(catalog.Idf));
            var asked = itemShare >= options.GapMatch || (questionShare >= options.GapMatch && itemShare >= MinItemShare);
            if ((asked && weights.Score(line) >= bestKnown) || (asksAmount && IsAmount(subject)))
            {
                return Verdict.Gap(subject);
            }
        }

        if (record is not null && fields.Count > 0 && !asksKnownField)
        {
            return Verdict.Gap(fields[0]);
        }

        // Fees and time limits are set locally; asked for a place no text mentions ("ở Nghệ An"), the corpus does
        // not hold the figure even when the record gives the rule (the corpus holds Đắk Lắk's).
        if (fields.FirstOrDefault(AskedFields.IsFigure) is { } figure && UnknownPlace(question.Asked, catalog) is { } place)
        {
            return Verdict.Gap($"{figure} ở {place}");
        }

        return Verdict.Answer;
    }

    // "Mức trợ cấp", "Mức hỗ trợ": the amount of something.
    private static bool IsAmount(string subject) => TextAnalyzer.Syllables(subject).FirstOrDefault() is { } first && VietnameseText.Fold(first) == "muc";

    // Two or more capitalised syllables after the first word ("Nghệ An", "Quảng Ninh") that no document holds.
    private static string? UnknownPlace(string question, DocumentStatistics catalog)
    {
        var words = question.Split([' ', ',', '.', '?', '!', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i + 1 < words.Length; i++)
        {
            var run = words.Skip(i).TakeWhile(w => char.IsUpper(w[0]) && w.Skip(1).Any(char.IsLower)).ToList();
            if (run.Count >= 2 && !catalog.IsKnown(VietnameseText.Fold(string.Join(' ', TextAnalyzer.Syllables(string.Join(' ', run.Take(2)))))))
            {
                return string.Join(' ', run);
            }
        }

        return null;
    }
}

/// <summary>Whether to answer, and if not, why.</summary>
/// <param name="Kind">The decision.</param>
/// <param name="Missing">For a gap: what the document says is not known.</param>
internal sealed record Verdict(VerdictKind Kind, string? Missing = null)
{
    public static Verdict Answer { get; } = new(VerdictKind.Answer);

    public static Verdict Weak { get; } = new(VerdictKind.WeakEvidence);

    public static Verdict OutOfDomain { get; } = new(VerdictKind.OutOfDomain);

    public static Verdict Gap(string missing) => new(VerdictKind.Gap, missing);
}

/// <summary>The decision of <see cref="Answerability"/>.</summary>
internal enum VerdictKind
{
    Answer,
    WeakEvidence,
    OutOfDomain,
    Gap,
}
