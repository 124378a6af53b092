using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Decides whether the chosen document answers the question. Three ways it does not: the evidence is weak
/// (the question's words are mostly elsewhere, and it does not name the document); or the document itself
/// says that what is asked is not known ("Mức trợ cấp: Chưa có thông tin chính thức"); or every field the
/// question asks for is marked unknown. In the last two cases the right answer says so and refers the person,
/// rather than recite the rest of the record.
/// </summary>
internal static class Answerability
{
    public static Verdict Judge(SourceChoice choice, Question question, DocumentCatalog.Entries catalog, TextAnalyzer analyzer, AnsweringOptions options)
    {
        var named = choice.NameMatch >= options.NamedThreshold;
        if (choice.Coverage < options.MinCoverage && !named)
        {
            // Almost nothing in common with any text, and no text named: outside what the service is for.
            return question.BestCoverage < options.OutOfDomainCoverage ? Verdict.OutOfDomain : Verdict.Weak;
        }

        var document = choice.Document;
        var record = document.Type == DocumentType.Procedure ? ProcedureRecord.From(document) : null;
        var fields = AskedFields.In(question.SearchText);
        var asksKnownField = record is not null && fields.Any(f => record.Field(f) is { } value && !DeclaredGaps.IsAllGaps(value));

        // A follow-up inherits its topic's words, and a named record shares its name with the question; either
        // way what the person asked beyond the name ("mức phạt", "làm hộ chiếu cho con") must be in the text,
        // unless it is simply one of the record's fields ("còn lệ phí thì sao?").
        if ((question.IsFollowUp || choice.Coverage < options.MinCoverage) && !(named && asksKnownField) &&
            catalog.Support(document.Id, question.OwnTerms.Except(catalog.NameTerms(document.Id))) < options.MinSupport)
        {
            return Verdict.Weak;
        }

        var questionTerms = question.Terms;
        var weights = new TermWeights(analyzer, question.SearchText, document, catalog);
        var lines = document.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var bestKnown = lines.Where(l => !DeclaredGaps.IsGap(l)).Select(weights.Score).DefaultIfEmpty(0).Max();
        var title = DocumentCatalog.FoldedQueryTerms(analyzer, document.Title);
        foreach (var subject in DeclaredGaps.Subjects(document.Body))
        {
            // The question asks for the item (it holds most of the item's own words beyond the document's name),
            // and no line that does say something speaks to it better.
            var terms = DocumentCatalog.FoldedQueryTerms(analyzer, subject).Where(t => !t.Contains(' ', StringComparison.Ordinal) && !title.Contains(t)).ToList();
            var total = terms.Sum(catalog.Idf);
            var asked = terms.Count > 0 && terms.Where(questionTerms.Contains).Sum(catalog.Idf) >= options.GapMatch * total;
            if (asked && weights.Score(subject) >= bestKnown)
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

    // Two or more capitalised syllables after the first word ("Nghệ An", "Quảng Ninh") that no document holds.
    private static string? UnknownPlace(string question, DocumentCatalog.Entries catalog)
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

/// <summary>What <see cref="Answerability"/> weighs of the question.</summary>
/// <param name="Asked">The question as typed.</param>
/// <param name="SearchText">The text searched: the question, or a follow-up behind its topic.</param>
/// <param name="Terms">The folded topic terms of the search text, without field cues.</param>
/// <param name="OwnTerms">The folded topic terms of the question as asked, without field cues.</param>
/// <param name="IsFollowUp">Whether the question was searched behind an earlier topic.</param>
/// <param name="BestCoverage">The coverage of the best retrieved chunk.</param>
internal sealed record Question(string Asked, string SearchText, IReadOnlySet<string> Terms, IReadOnlySet<string> OwnTerms, bool IsFollowUp, double BestCoverage);

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
