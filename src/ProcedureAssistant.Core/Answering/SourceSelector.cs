using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Questions;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Picks the one document an answer rests on from the retrieved chunks. Retrieval ranks passages by the words
/// they share with the question; a question that names a procedure ("đăng ký hộ kinh doanh") should be
/// answered from the record of that name rather than from a sibling that shares more words ("cấp lại giấy
/// chứng nhận đăng ký hộ kinh doanh"), a question about a fee or a time limit from a record rather than a
/// decree, and a text in force comes before a superseded one unless the question names the old one. Other
/// documents are cited only when the question names them by number beside the chosen one: extra sources that
/// merely share words dilute an answer.
/// </summary>
internal static class SourceSelector
{
    /// <summary>How many retrieved documents, in order, compete to be the one answered from.</summary>
    public const int Depth = 5;

    /// <summary>A question that holds at least this rarity-weighted share of one of a document's names names the document.</summary>
    public const double Named = 0.5;

    /// <summary>Most sources an answer cites: the chosen document, and texts the question names by number beside it.</summary>
    public const int MaxCitations = 3;

    // Every term of one of the document's names is in the question (up to rounding).
    private const double FullName = 0.999;

    // A later document takes over from the one chosen so far only when its best passage covers at least this share
    // of what that one's covers: the ranking has already weighed what the question says beyond the name.
    private const double NearEqualCoverage = 0.8;

    // A later record named better replaces the first when its name match plus support exceed the first one's by this much.
    private const double NameMatchMargin = 0.1;

    // The share of a follow-up's own words a neighbouring text's title must hold, and by how much more than the title
    // of the text just answered, for the follow-up to be about that neighbour (NamedByOwnWords).
    private const double OwnWordsNamed = 0.5;
    private const double OwnWordsMargin = 0.25;

    /// <summary>The chosen document and its chunks, or null when no retrieved chunk's document is known.</summary>
    public static SourceChoice? Choose(
        IReadOnlyList<ChunkHit> hits,
        IReadOnlyDictionary<string, CorpusDocument> documents,
        QuestionReading question,
        DocumentStatistics catalog,
        QuestionCues cues,
        DateOnly today)
    {
        var questionTerms = question.TopicTerms;
        var candidates = hits
            .Select((hit, rank) => (hit, rank))
            .Where(x => documents.ContainsKey(x.hit.Chunk.DocumentId))
            .GroupBy(x => x.hit.Chunk.DocumentId, StringComparer.Ordinal)
            .Select(g => new Candidate(
                documents[g.Key],
                g.OrderBy(x => x.rank).Select(x => x.hit).ToList(),
                g.Max(x => x.hit.Coverage),
                catalog.NameMatch(g.Key, questionTerms),
                catalog.Support(g.Key, questionTerms),
                catalog.TitleMatch(g.Key, questionTerms)))
            .Take(Depth)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        // A sibling record that covers the question as well and is named better takes over from the first retrieved
        // document, as does a regulation or guide whose title the question holds in full; a text in force takes over
        // from a superseded one the question does not name. A record named better but covering less takes over only
        // when it has no aliases (the catalogue's): among the corpus' records, whose aliases the team wrote, that move
        // took as many answers away from the right record as to it and pulled unanswerable questions onto records
        // whose names they half hold (eval/reports/ablation.md, eleventh and twelfth sessions).
        var best = candidates[0];
        var because = SelectionReason.RetrievedFirst;

        // A follow-up that keeps the topic is about what was just answered, when retrieval still finds it: the
        // previous question's words it is searched with also fit that document's siblings ("vậy mất bao lâu" after
        // the foreign-marriage record would otherwise get the plain marriage record's time limit).
        var followed = candidates.FirstOrDefault(c => c.Document.Id == question.FollowsDocument);

        // A guide retrieved first gives way to the one regulation in force the question cites by kind and number ("nd
        // 129 chuyển bao nhiêu nhiệm vụ lên tỉnh"): the guide speaks of all the decrees, the question of that one. Not
        // when it cites two texts ("Luật 72 với NĐ 118 vênh nhau chỗ nào"): how texts relate is what guides explain.
        var cited = catalog.CitedBy(questionTerms);
        if (followed is null && best.Document.Type == DocumentType.Guide && cited.Count == 1 &&
            candidates.FirstOrDefault(c => c.Document.Id == cited[0] && c.Document.Type == DocumentType.Regulation && c.Document.IsInForce(today)) is { } citedText)
        {
            best = citedText;
            because = SelectionReason.CitedByNumber;
        }

        foreach (var candidate in followed is null ? candidates.Skip(1) : [])
        {
            var isRecord = candidate.Document.Type == DocumentType.Procedure;

            // Only among documents whose best passage speaks to the question about as well: the ranking has
            // already weighed what the question says beyond the name ("lấy chồng Hàn Quốc thì đăng ký kết hôn
            // ở đâu" is the foreign-element record, though it names the plain one in full).
            var nearEqual = candidate.Coverage >= best.Coverage * NearEqualCoverage;
            // A record known by its official title alone (the catalogue's) that the question names better takes over
            // from the first even covering a little less: its near-identical siblings differ in a word or two of the
            // title, and a corpus record first by its everyday aliases ("lương hưu" of the social pension) gives way
            // to the catalogue's record the question names ("ủy quyền lĩnh thay"). Not a record with aliases: those
            // are everyday names written for the corpus, which a question half holds by chance ("tiệm tạp hóa" of
            // the liquor licence took "mở quán tạp hóa" from the household business).
            var namedBetter = isRecord && nearEqual && candidate.Document.Aliases.Count == 0 &&
                candidate.NameMatch + candidate.Support >= best.NameMatch + best.Support + NameMatchMargin &&
                !AsksAllOf(best.Document, candidate.Document, questionTerms, catalog);

            // The record whose title extends the first one's with words the question holds ("kết hôn với người nước
            // ngoài") takes over from it, though the question holds the shorter title in full and so names it better.
            var narrowsIt = isRecord && nearEqual && IsNarrowedBy(candidate.Document, best.Document, questionTerms, catalog);

            // A regulation or guide in force whose title the question holds in full ("Luật Tổ chức Chính phủ"),
            // where it does not hold the first one's; or a record whose name the question holds in full where it does
            // not name the first document at all: a story told around a procedure's name ("ba mẹ buôn bán xa … ông bà
            // đăng ký khai sinh cho thằng cu được không") is about the procedure, whatever texts share the story's
            // words. Not a record against a named first one: a record's title is a short procedure name ("Đăng ký kết
            // hôn") that questions about its siblings hold too; nor against a record retrieved first, which is about
            // the question's other words ("xin bản sao từ sổ gốc" of a lost birth certificate is the copy of the civil
            // status extract, not birth registration: on the seen held-out sets that move took five answers from the
            // right record and gave one).
            var namedInFull = isRecord
                ? candidate.NameMatch >= FullName && best.NameMatch < Named && best.Document.Type != DocumentType.Procedure && !AsksAllOf(best.Document, candidate.Document, questionTerms, catalog)
                : nearEqual && candidate.Document.IsInForce(today) && candidate.TitleMatch >= FullName && best.TitleMatch < FullName;

            // Sibling records whose best passages cover the question equally ("đăng ký hộ kinh doanh" in the
            // records of registering, re-issuing and closing a household business) are told apart by their
            // names and texts alone: the ranking between them says nothing. Never one the question names less than the
            // first: a text that holds more of the asker's story ("công ty", "xin việc" among the papers of a court
            // expert's appointment) is not for that the procedure asked about (the criminal-record certificate).
            // Nor a record with aliases over one without (the catalogue's): the team's everyday names ("giấy khai
            // sinh", "tạm trú", "tiệm tạp hóa") are half held by questions about the catalogue's neighbouring records
            // (on the seen catalogue set, eight of the thirteen answers the tie-break took from the right record went
            // to a corpus record that way, none of the ten it gave; without that move, right records +2, key facts +5,
            // and six wrong-record answers became referrals).
            var tieBroken = isRecord && best.Document.Type == DocumentType.Procedure && candidate.Coverage >= best.Coverage &&
                candidate.NameMatch >= best.NameMatch && !(candidate.Document.Aliases.Count > 0 && best.Document.Aliases.Count == 0) &&
                candidate.NameMatch + candidate.Support > best.NameMatch + best.Support && !AsksAllOf(best.Document, candidate.Document, questionTerms, catalog);

            // A question that holds a change to an earlier procedure ("mất giấy phép kinh doanh thì xin cấp lại") is about
            // the record whose title holds that change, not the plain one it names better ("giấy phép kinh doanh hộ gia đình").
            var namesItsChange = isRecord && best.Document.Type == DocumentType.Procedure && candidate.Coverage >= best.Coverage &&
                HoldsAChange(candidate.Document, question) && !HoldsAChange(best.Document, question);

            // A fee, time limit, filing place, list of documents, form or the steps belong to a procedure record, not to
            // a decree or a guide; so do who decides and on what legal basis, over a guide. Over a regulation those two
            // are the regulation's to say ("quy định ở điều nào của nghị định nào", "NĐ 148/2025 quy định … thuộc
            // thẩm quyền UBND tỉnh đúng không"): on 2,000 seen held-out questions that move took five answers from the
            // right decree and gave none.
            var ownsTheField = isRecord && best.Document.Type != DocumentType.Procedure && candidate.NameMatch >= Named &&
                (question.Fields.Any(RecordsOwn.Contains) || (best.Document.Type == DocumentType.Guide && question.Fields.Count > 0));

            // A name the old and the new text share ("Luật Tổ chức chính quyền địa phương") names neither of them;
            // the old one's number ("Luật 65/2025") does.
            var namesOld = best.NameMatch >= Named &&
                (best.NameMatch > candidate.NameMatch || NamesByNumberOrCode(best.Document, questionTerms));
            var replacesOld = !best.Document.IsInForce(today) && candidate.Document.IsInForce(today) && !namesOld && nearEqual;
            var keepsTheChange = HoldsAChange(best.Document, question) && !HoldsAChange(candidate.Document, question);
            // The most specific reason that applies is the one reported.
            var reason = namesItsChange ? SelectionReason.NamesItsChange
                : narrowsIt ? SelectionReason.NarrowsTheTitle
                : namedInFull ? SelectionReason.TitleNamedInFull
                : ownsTheField ? SelectionReason.RecordOwnsTheField
                : replacesOld ? SelectionReason.ReplacesSuperseded
                : namedBetter && !keepsTheChange ? SelectionReason.NamedBetter
                : tieBroken && !keepsTheChange ? SelectionReason.TieBrokenByName
                : (SelectionReason?)null;
            if (reason is { } taken)
            {
                best = candidate;
                because = taken;
            }
        }

        // A stop that says how long it lasts ("đóng tiệm may chừng 4 tháng rồi mở lại", "dẹp quán luôn") is answered from
        // the first record retrieved whose title says the same length, when the one chosen speaks of no stop at all, or
        // of the other length of the same thing: the asker's everyday words reach the founding record, a licence that
        // shares them ("bán lẻ"), or the other stop, as easily as the one meant. A stop of something else chosen (a
        // company's suspension beside a household's closing) is left to retrieval, and so is a record whose title the
        // question holds half of: "dẹp tiệm ở Buôn Ma Thuột rồi, về quê mở lại … đăng ký hộ kinh doanh mới" asks the
        // founding (its everyday names are no measure here: "bán" and "giấy" hold half of "giấy phép bán rượu").
        if (question.StopsSayingHowLong && question.SaysHowLongAStopLasts is { } stated && catalog.TitleMatch(best.Document.Id, questionTerms) < Named &&
            cues.StopNamedIn(best.Document.Title) is var chosenLength && chosenLength != stated &&
            candidates.Take(Depth).FirstOrDefault(c => cues.StopNamedIn(c.Document.Title) == stated) is { } lasting &&
            (chosenLength is null || ProcedureVariants.SameThingStopped(best.Document, lasting.Document, catalog, cues)))
        {
            best = lasting;
            because = SelectionReason.LastsAsSaid;
        }

        if (followed is not null)
        {
            var neighbour = NamedByOwnWords(candidates, followed, question, catalog);
            var fitted = neighbour is null && question.AsksNothing ? SiblingTheStatementFits(candidates, followed, question, catalog, cues) : null;
            (best, because) = neighbour is not null ? (neighbour, SelectionReason.FollowUpNamesANeighbour)
                : fitted is not null ? (fitted, SelectionReason.StatementFitsASibling)
                : (followed, SelectionReason.FollowsPreviousAnswer);
        }

        // The reply to the service's question which procedure was meant ("dạ, giấy còn hạn, chỉ là đổi tên công ty")
        // is about one of those it offered: the one whose title says a stop lasts as long as the reply does ("nghỉ
        // chừng ba tháng thôi" after a suspension and a closing); else the one the moves above chose when it is one of
        // them, else the one retrieval ranks first for the reply's words and the question before it.
        var offered = candidates.Where(c => question.OptionsOffered.Contains(c.Document.Id, StringComparer.Ordinal)).ToList();
        if (offered.Count > 0)
        {
            var lastingAsSaid = question.SaysHowLongAStopLasts is { } length ? offered.FirstOrDefault(c => cues.StopLengthIn(c.Document.Title) == length) : null;
            best = lastingAsSaid ?? (offered.Contains(best) ? best : offered[0]);
            because = SelectionReason.AnswersTheAskBack;
        }

        // A question that names texts by number ("Nghị định 118/2025 và Nghị quyết 332/NQ-CP khác nhau thế
        // nào") is about each of them; one that names a decree beside a procedure is answered by the record,
        // which cites the decree itself.
        var others = NamesByNumberOrCode(best.Document, questionTerms)
            ? candidates.Where(c => c != best && NamesByNumberOrCode(c.Document, questionTerms)).Select(c => c.Hits[0]).Take(MaxCitations - 1).ToList()
            : [];
        var context = best.Hits.Concat(hits.Where(h => h.Chunk.DocumentId != best.Document.Id)).ToList();
        return new SourceChoice(
            best.Hits[0],
            best.Document,
            others,
            context,
            best.Coverage,
            best.NameMatch,
            best.Support)
        {
            Because = because,
        };
    }

    // A follow-up's own words pick the text, the previous answer's only breaks ties: a text of the same kind as the
    // one just answered whose title holds most of what the follow-up says of its own, a pair of words among it ("còn
    // bên y tế thì sao" after the education decree: the health decree; "thế nếu chồng là người Hàn Quốc" after the
    // marriage record: the foreign-element one), takes over from it when that title holds clearly more of it than the
    // answered text's does. Titles, not aliases: the team's everyday names hold verbs ("làm tạm trú") that follow-ups
    // say of the same procedure ("làm online thì bao lâu"); a pair, since a single syllable is too common to tell.
    private static Candidate? NamedByOwnWords(IReadOnlyList<Candidate> candidates, Candidate followed, QuestionReading question, DocumentStatistics catalog)
    {
        // A change to the procedure that the follow-up names and a sibling's title holds ("giấy phép bị rách thì xin
        // cấp lại" after the extension of a building permit) is the sibling, as it is in an opening question.
        var holdingTheChange = candidates.FirstOrDefault(c => c != followed && c.Document.Type == followed.Document.Type &&
            HoldsAChange(c.Document, question) && !HoldsAChange(followed.Document, question));
        if (holdingTheChange is not null)
        {
            return holdingTheChange;
        }

        var own = question.OwnTopicTerms;
        var heldByFollowed = catalog.TitleHolds(followed.Document.Id, own);
        var followedTitle = catalog.TitleTerms(followed.Document.Id).ToHashSet(StringComparer.Ordinal);
        return candidates
            .Where(c => c != followed && c.Document.Type == followed.Document.Type)
            .Where(c => catalog.TitleTerms(c.Document.Id).Any(t => t.Contains(' ', StringComparison.Ordinal) && own.Contains(t) && !followedTitle.Contains(t)))
            .Select(c => (Candidate: c, Held: catalog.TitleHolds(c.Document.Id, own)))
            .Where(x => x.Held >= OwnWordsNamed && x.Held >= heldByFollowed + OwnWordsMargin)
            .OrderByDescending(x => x.Held)
            .Select(x => x.Candidate)
            .FirstOrDefault();
    }

    // A turn that only tells the asker's situation after an answer ("giấy sắp hết hạn mà chưa đổ móng" after the
    // re-issue of a building permit) settles which of the answered record's siblings is meant, as a reply to an
    // ask-back does: the sibling (a change to the same procedure, or the plain one:
    // ProcedureVariants.AlikeButForTheirChange; or a record of the same family, ProcedureVariants.OfOneFamily: "dạ ảnh
    // không qua khỏi" after the reservist's accident allowance is the death allowance) whose text holds clearly more of
    // what the turn says of its own than the answered record's. Texts, not titles: a story speaks of the conditions a
    // record sets, not of its name.
    private static Candidate? SiblingTheStatementFits(IReadOnlyList<Candidate> candidates, Candidate followed, QuestionReading question, DocumentStatistics catalog, QuestionCues cues)
    {
        var own = question.OwnTopicTerms;
        var heldByFollowed = catalog.Support(followed.Document.Id, own);
        return candidates
            .Where(c => c != followed && c.Document.Type == DocumentType.Procedure && followed.Document.Type == DocumentType.Procedure)
            .Where(c => ProcedureVariants.AlikeButForTheirChange(c.Document, followed.Document, cues) || ProcedureVariants.OfOneFamily(c.Document, followed.Document, catalog))
            .Select(c => (Candidate: c, Held: catalog.Support(c.Document.Id, own)))
            .Where(x => x.Held >= OwnWordsNamed && x.Held >= heldByFollowed + OwnWordsMargin)
            .OrderByDescending(x => x.Held)
            .Select(x => x.Candidate)
            .FirstOrDefault();
    }

    // The items a procedure record gives and a regulation does not.
    internal static readonly HashSet<AskedField> RecordsOwn = [AskedField.Fee, AskedField.Time, AskedField.Place, AskedField.Documents, AskedField.Form, AskedField.Steps];

    // The specific record's title is the general one's with more words after it ("Đăng ký kết hôn" and "Đăng ký kết
    // hôn có yếu tố nước ngoài"), and the question holds a pair of words of the specific title beyond it ("nước
    // ngoài"; a single syllable such as "cấp" is too common to tell): that is what the question asks about, though it
    // holds the general title in full and so names it better.
    private static bool IsNarrowedBy(CorpusDocument specific, CorpusDocument general, IReadOnlySet<string> questionTerms, DocumentStatistics catalog) =>
        Syllables(specific.Title) is var title && Syllables(general.Title) is var name && title.Length > name.Length && title.AsSpan(0, name.Length).SequenceEqual(name) &&
        AsksBeyond(specific, general, questionTerms, catalog);

    // As above, or the record lists the other one's procedure among others (a linked procedure: "Đăng ký khai sinh"
    // beside residence registration and a health insurance card for a child) and the question asks beyond it. Only
    // keeps such a record once retrieval has put it first: a question that holds, say, "trẻ em" beside "khai sinh" is
    // not reason enough to move to the linked procedure from the plain one.
    private static bool AsksAllOf(CorpusDocument whole, CorpusDocument part, IReadOnlySet<string> questionTerms, DocumentStatistics catalog) =>
        HoldsName(Syllables(whole.Title), Syllables(part.Title)) && AsksBeyond(whole, part, questionTerms, catalog);

    // The question holds a pair of words of the longer title that the shorter one lacks.
    private static bool AsksBeyond(CorpusDocument longer, CorpusDocument shorter, IReadOnlySet<string> questionTerms, DocumentStatistics catalog)
    {
        var shorterTitle = catalog.TitleTerms(shorter.Id).ToHashSet(StringComparer.Ordinal);
        return catalog.TitleTerms(longer.Id).Except(shorterTitle).Any(t => t.Contains(' ', StringComparison.Ordinal) && questionTerms.Contains(t));
    }

    // The document's title holds one of the changes to an earlier procedure that the question names.
    private static bool HoldsAChange(CorpusDocument document, QuestionReading question) =>
        question.NamedChanges.Count > 0 && Syllables(document.Title) is var title &&
        question.NamedChanges.Any(change => ContainsRun(title, change.Split(' ')));

    // A title's folded syllables, without a leading "thủ tục" (the catalogue writes "Thủ tục đăng ký nhận cha, mẹ, con"
    // where a linked record lists "đăng ký nhận cha, mẹ, con").
    private static string[] Syllables(string title)
    {
        var syllables = TextAnalyzer.Syllables(title).Select(VietnameseText.Fold).ToArray();
        return syllables is ["thu", "tuc", _, ..] ? syllables[2..] : syllables;
    }

    // The longer title holds the shorter one's syllables in a row, and has more besides.
    private static bool HoldsName(string[] title, string[] name) => title.Length > name.Length && ContainsRun(title, name);

    private static bool ContainsRun(string[] syllables, string[] run) =>
        run.Length > 0 && Enumerable.Range(0, Math.Max(0, syllables.Length - run.Length + 1)).Any(start => syllables.AsSpan(start, run.Length).SequenceEqual(run));

    // The question holds every number in the document's number (118 and 2025 of "118/2025/NĐ-CP") or code.
    private static bool NamesByNumberOrCode(CorpusDocument document, IReadOnlySet<string> questionTerms)
    {
        var identifier = document.Number ?? document.Code;
        if (identifier is null)
        {
            return false;
        }

        var digits = TopicTerms.All(identifier).Where(t => t.All(char.IsDigit)).ToList();
        return digits.Count > 0 && digits.All(questionTerms.Contains);
    }

    private sealed record Candidate(CorpusDocument Document, IReadOnlyList<ChunkHit> Hits, double Coverage, double NameMatch, double Support, double TitleMatch);
}
