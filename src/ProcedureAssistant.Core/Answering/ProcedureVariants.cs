using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Questions;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// The records the question could equally be about, beside the chosen one: retrieved records whose best passage covers
/// the question about as well, and that the question cannot tell apart, either because they are the same procedure
/// at different levels ("… (thực hiện tại cấp tỉnh)" and "… (thực hiện tại cấp Trung ương)") or because the question
/// holds none of the words that set their names apart (the new, amended, extended and re-issued building permit for
/// "giấy phép xây dựng nhà ở mất bao lâu").
/// </summary>
internal static class ProcedureVariants
{
    /// <summary>
    /// Most words a change's title may hold beyond the plain record's, its change and level aside: the catalogue names
    /// the paper a change acts on ("Cấp lại Giấy đăng ký …", "Thay đổi nội dung đăng ký …") where the plain title names
    /// the act ("Đăng ký …").
    /// </summary>
    public const int MaxWordsBeyondThePlainTitle = 2;

    /// <summary>Most words of the plain record's title a change's title may lack ("mới" of "Cấp giấy phép xây dựng mới …").</summary>
    public const int MaxPlainWordsMissing = 1;

    /// <summary>Fewest topic syllables a suspension's and a closing's titles share, beside the words for how long, to be of the same thing ("hộ kinh doanh", "hợp tác xã").</summary>
    public const int SameThingSyllables = 3;

    /// <summary>A record covers the question about as well as the chosen one when its best passage covers this share of what the chosen one's covers.</summary>
    public const double Tie = 0.9;

    /// <summary>Least rarity-weighted share of the smaller title that two records' titles share to be of one family, for a question asking which procedure.</summary>
    public const double FamilyTitleShare = 0.5;

    /// <summary>Least share of the chosen record's coverage a record of its family needs to be offered beside it.</summary>
    public const double FamilyCoverage = 0.8;

    private static readonly string[][] LevelWords =
        [.. new[] { "thuc hien tai cap trung uong", "thuc hien tai cap tinh", "thuc hien tai cap xa", "thuc hien tai cap huyen", "thuc hien tai cap bo", "tai cap trung uong", "tai cap tinh", "tai cap xa", "tai cap huyen", "cap trung uong", "cap tinh", "cap xa", "cap huyen", "cap bo", "trung uong" }.Select(w => w.Split(' '))];

    /// <summary>
    /// The chosen record and its variants, in retrieval order; just the chosen one when it has none, nothing for a text
    /// that is not a record; for a paper to be done again (<see cref="QuestionReading.AsksToRedo"/>), the changes to the
    /// chosen record, without it.
    /// </summary>
    public static Variants Of(AnswerContext context)
    {
        var choice = context.Choice!;
        if (choice.Document.Type != DocumentType.Procedure)
        {
            return new([], false);
        }

        // The reply to the question which one was meant is not asked again: the one it picked answers.
        if (context.AnswersTheAskBack)
        {
            return new([], false);
        }

        var retrieved = Retrieved(context);

        // A paper the asker already holds, to be done again without saying how ("giấy phép xây dựng nhà tôi có vấn
        // đề, giờ làm lại"): the procedure that first issues it is not meant, whatever its coverage, but the changes
        // to it that retrieval found. A reason the question gives ("bị mất", "mối ăn") is left to retrieval, which
        // then puts the change it names first ("Cấp lại …", by its text and everyday names), so this is only for a
        // first record that is no change.
        if (context.Reading.AsksToRedo && !context.Cues.NamesAModifier(choice.Document.Title) &&
            ChangesOf(choice.Document, retrieved, context.Cues) is { Count: > 0 } changes)
        {
            return new(changes, false);
        }

        var records = retrieved
            .Take(SourceSelector.Depth)
            .Where(v => v.Document.Id == choice.Document.Id || v.Coverage >= choice.Coverage * Tie)
            .ToList();
        // Asked which procedure to follow, the family of the chosen record, whatever their coverage ties.
        if (AskedWhichAmong(retrieved.First(v => v.Document.Id == choice.Document.Id), retrieved, context) is { Count: > 1 } family)
        {
            return new(family, false) { AskedWhich = true };
        }

        var chosen = Without(LevelWordsOf(choice.Document.Title));
        var sameProcedure = records.Where(v => Without(LevelWordsOf(v.Document.Title)).SequenceEqual(chosen)).ToList();
        if (sameProcedure.Count > 1)
        {
            return new(sameProcedure, true);
        }

        // Siblings: the words their names do not share are the only way to tell them apart, and the question holds none.
        var names = records.Select(v => (Variant: v, Terms: TopicTerms.Of(context.Analyzer, v.Document.Title))).ToList();
        var common = names.Select(n => n.Terms).Aggregate((a, b) => [.. a.Intersect(b)]);
        var question = context.Reading.TopicTerms;
        var siblings = names.Where(n => !n.Terms.Except(common).Any(question.Contains)).Select(n => n.Variant).ToList();
        var chosenOnly = records.First(v => v.Document.Id == choice.Document.Id);
        if (!common.Any(question.Contains) || siblings.Count != records.Count || siblings.Count == 1)
        {
            return NamedAlike(chosenOnly, retrieved, context) is { Count: > 1 } alike ? new(alike, false) { NamedAlike = true } : new([chosenOnly], false);
        }

        // A paper to be done again is one of the changes among them, never the procedure that first issues it.
        if (context.Reading.AsksToRedo)
        {
            var changed = siblings.Where(v => context.Cues.NamesAModifier(v.Document.Title)).ToList();
            return new(changed.Count > 0 ? changed : [chosenOnly], false);
        }

        return new(siblings, false);
    }

    /// <summary>
    /// The chosen record and the records retrieved beside it that the question names by the very same words, whatever
    /// their coverage: a question that says "chứng thực" and nothing else of either name is about the certified copy
    /// as much as about the certified signature, and one that says "nghĩa vụ quân sự" about every registration of it.
    /// Only where the question names the chosen record by two words side by side at least, not in a conversation that
    /// already settled the record, and where it asks an item the siblings differ in (<see cref="AsksOfAProcedure"/>);
    /// a change is alike only to changes, and a procedure that is no change only to those that are none ("xin phép xây
    /// dựng ở đâu" is the new permit, which rule 10 answers); a title that holds another's whole title and more (the
    /// linked birth, residence and insurance procedure beside "Đăng ký khai sinh") narrows it, which the selector
    /// judges, and is left out. Only among records with everyday names (the corpus'): those name a procedure as people
    /// do, so a question that names two alike cannot tell them apart; the catalogue's long official titles share many
    /// words with their neighbours, and a question holding a few of them is told apart by the reranker, trained on
    /// such questions (seen catalogue questions, nineteenth session: named alike there, key facts 150 -> 145). Empty
    /// when no other record is named alike.
    /// </summary>
    private static List<Variant> NamedAlike(Variant chosen, List<Variant> retrieved, AnswerContext context)
    {
        var reading = context.Reading;
        if (reading.FollowsDocument is not null || chosen.Document.Aliases.Count == 0 || !AsksOfAProcedure(reading))
        {
            return [];
        }

        // The topic terms the question shares with each record's names, and the syllables side by side it shares with
        // them as written, every word counted: "bản sao" says which item is asked, and "sao" is a question word, but
        // "chứng thực bản sao" names the certified copy.
        var pairs = TopicTerms.All(reading.Text).Where(t => t.Contains(' ', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var named = Named(chosen.Document);
        if (!named.Any(t => t.Contains(' ', StringComparison.Ordinal)))
        {
            return [];
        }

        var changes = context.Cues.NamesAModifier(chosen.Document.Title);
        var title = TopicTerms.Of(context.Analyzer, chosen.Document.Title);
        var alike = retrieved.Take(SourceSelector.Depth).Where(v => v == chosen || (v.Document.Aliases.Count > 0 &&
            context.Cues.NamesAModifier(v.Document.Title) == changes && Named(v.Document).SetEquals(named) &&
            TopicTerms.Of(context.Analyzer, v.Document.Title) is var other && !other.IsSupersetOf(title) && !title.IsSupersetOf(other))).ToList();
        return alike.Count > 1 ? alike : [];

        HashSet<string> Named(CorpusDocument record) =>
            [.. context.Statistics.NamedBy(record.Id, reading.TopicTerms), .. record.Aliases.Prepend(record.Title).SelectMany(TopicTerms.All).Where(pairs.Contains)];
    }

    /// <summary>
    /// For a question that asks which procedure to follow ("giấy phép cất nhà có trục trặc, làm thủ tục nào"), the chosen
    /// record and the records retrieved beside it (covering <see cref="FamilyCoverage"/> of what it covers) whose titles
    /// share most of their rarity-weighted terms with its title (<see cref="FamilyTitleShare"/> of the smaller), unless
    /// the question's words side with the chosen one (<see cref="SaysMoreOf"/>: "bán thêm thuốc lá thì xin giấy phép
    /// nào" is the tobacco licence, not the liquor one); for a paper to be done again, a change is not offered beside a
    /// plain procedure. Empty when the question does not ask which, or a conversation already settled the record.
    /// </summary>
    private static List<Variant> AskedWhichAmong(Variant chosen, List<Variant> retrieved, AnswerContext context)
    {
        var reading = context.Reading;
        if (!reading.AsksWhichProcedure || reading.FollowsDocument is not null)
        {
            return [];
        }

        var family = retrieved.Take(SourceSelector.Depth)
            .Where(v => v == chosen || (v.Coverage >= chosen.Coverage * FamilyCoverage && OfOneFamily(v.Document, chosen.Document, context.Statistics) &&
                !SaysMoreOf(chosen.Document, v.Document, context) &&
                !(reading.AsksToRedo && context.Cues.NamesAModifier(chosen.Document.Title) && !context.Cues.NamesAModifier(v.Document.Title))))
            .ToList();
        return family.Count > 1 ? family : [];
    }

    /// <summary>
    /// True when two records' titles share <see cref="FamilyTitleShare"/> of the smaller one's rarity-weighted terms:
    /// procedures of one family ("Cấp Giấy phép bán lẻ rượu" and "… bán lẻ sản phẩm thuốc lá", the first military-service
    /// registration and the one on moving away), whose questions are told apart by the asker's case.
    /// </summary>
    public static bool OfOneFamily(CorpusDocument one, CorpusDocument other, DocumentStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(one);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(statistics);
        var first = statistics.TitleTerms(one.Id).ToHashSet(StringComparer.Ordinal);
        var second = statistics.TitleTerms(other.Id).ToHashSet(StringComparer.Ordinal);
        return Weight(first.Intersect(second)) >= FamilyTitleShare * Math.Min(Weight(first), Weight(second));

        double Weight(IEnumerable<string> terms) => terms.Sum(statistics.Idf);
    }

    /// <summary>
    /// True when the question holds rare pairs of words (rarer than a word a third of all documents hold) that one
    /// record's title and opening paragraph say and the other's do not, twice the weight of those the other's say and the
    /// first's do not: the opening paragraph says whom or what case a procedure is for ("Khi muốn thay đổi thiết kế …"),
    /// so "muốn đổi thiết kế thêm một tầng" tells the adjustment of a building permit from its siblings, and "bán thêm
    /// thuốc lá" the tobacco licence from the liquor one. Without the words of the changes the titles name ("cấp lại",
    /// "gia hạn"), which a story of a paper to be done again holds by chance ("làm lại giấy").
    /// </summary>
    private static bool SaysMoreOf(CorpusDocument one, CorpusDocument other, AnswerContext context)
    {
        var statistics = context.Statistics;
        // The question's topic pairs, and those of the everyday phrases the synonym list writes in the corpus' words
        // ("đổi thiết kế"), which are no topic terms but say which case it is. Pairs only: folded syllables are common
        // ("thuốc" folds as "thuộc", "lá" as "là"), and one of the asker's story may be one of an opening ("có tên").
        var question = context.Reading.TopicTerms
            .Concat(context.Analyzer.SynonymsIn(context.Reading.Text).SelectMany(s => TopicTerms.All(s.Phrase)))
            .Where(t => t.Contains(' ', StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var changeWords = new[] { one.Title, other.Title }
            .SelectMany(t => context.Cues.ChangesIn(PhraseList<QuestionForm>.Folded(t)))
            .SelectMany(c => c.Split(' '))
            .ToHashSet(StringComparer.Ordinal);
        var saidByOne = Says(one);
        var saidByOther = Says(other);
        var forOne = RareWeight(saidByOne.Except(saidByOther));
        return forOne > 0 && RareWeight(saidByOther.Except(saidByOne)) * 2 < forOne;

        double RareWeight(IEnumerable<string> terms) =>
            terms.Where(t => question.Contains(t) && !t.Split(' ').Any(changeWords.Contains) && statistics.Idf(t) >= TermWeights.CommonWordIdf).Sum(statistics.Idf);

        static HashSet<string> Says(CorpusDocument record) => TopicTerms.All(record.Title + " " + ProcedureRecord.From(record).Summary);
    }

    // What the siblings of a family differ in: their fee, time limit, papers, place, steps, form, conditions or result,
    // or the whole procedure. A question on the legal basis or the body, or one asking a date ("tính từ 01/7 hay
    // 03/7"), is about the family's rules, which one text answers.
    private static bool AsksOfAProcedure(QuestionReading reading) =>
        !reading.ExpectsDate &&
        (reading.AsksWholeProcedure || reading.Fields.Any(f => f is not (AskedField.LegalBasis or AskedField.Authority)));

    /// <summary>
    /// The suspension and the closing of the same thing among the records retrieved, in retrieval order: the
    /// first whose title says a stop for a while ("Thông báo tạm ngừng kinh doanh … của hộ kinh doanh") and the first
    /// whose title says one for good ("Chấm dứt hoạt động hộ kinh doanh"), when their titles share
    /// <see cref="SameThingSyllables"/> topic syllables beside those words. Empty when retrieval did not find both.
    /// </summary>
    public static IReadOnlyList<Variant> SuspensionAndClosing(AnswerContext context)
    {
        var records = Retrieved(context);
        var suspension = records.FirstOrDefault(v => context.Cues.StopLengthIn(v.Document.Title) == StopLength.ForAWhile);
        var closing = records.FirstOrDefault(v => context.Cues.StopLengthIn(v.Document.Title) == StopLength.ForGood);
        if (suspension is null || closing is null)
        {
            return [];
        }

        return SameThingStopped(suspension.Document, closing.Document, context.Statistics, context.Cues) ? [.. records.Where(v => v == suspension || v == closing)] : [];
    }

    /// <summary>
    /// True when two records' titles share <see cref="SameThingSyllables"/> topic syllables beside the words that say
    /// how long a stop lasts: they stop, found or change the same thing ("hộ kinh doanh", "hợp tác xã").
    /// </summary>
    public static bool SameThingStopped(CorpusDocument one, CorpusDocument other, DocumentStatistics statistics, QuestionCues cues)
    {
        return ThingStopped(one).Intersect(ThingStopped(other)).Count() >= SameThingSyllables;

        // The title's topic syllables, less the words that say how long the stop lasts.
        HashSet<string> ThingStopped(CorpusDocument record)
        {
            var written = TextAnalyzer.Syllables(record.Title).ToArray();
            var syllables = Array.ConvertAll(written, VietnameseText.Fold);
            var saying = cues.Stopping.Find(syllables, written).SelectMany(m => Enumerable.Range(m.Start, m.Length)).ToHashSet();
            var topic = statistics.TitleTerms(record.Id).ToHashSet(StringComparer.Ordinal);
            return [.. syllables.Where((s, i) => !saying.Contains(i) && topic.Contains(s))];
        }
    }

    /// <summary>
    /// Of siblings the question's topic words cannot tell apart, the one it means after all: the one whose own words
    /// (those its name does not share with the others) the question holds, the most specific first ("… trường hợp phải
    /// đánh giá rủi ro" beside "… trường hợp không phải đánh giá rủi ro", told apart by "không");
    /// else, when it names no change to an earlier procedure or bundle ("cấp lại", "gia hạn", "liên thông"), the one
    /// procedure whose name holds none either. Null when neither singles one out.
    /// </summary>
    public static Variant? Meant(Variants variants, AnswerContext context)
    {
        if (variants.SameProcedure || variants.Records.Count == 0)
        {
            return null;
        }

        // One change to the chosen record, for a paper to be done again (Of): that change.
        if (variants.Records.Count == 1)
        {
            return variants.Records[0].Document.Id == context.Choice!.Document.Id ? null : variants.Records[0];
        }

        // The words that set each name apart from what all of them share, every word counted ("không" included).
        // Said as the name says them: the own words that stand side by side in the title stand so in the question ("cấp
        // lại"), not scattered through the asker's story ("được xã cấp năm ngoái, giờ phải làm lại").
        var asked = PhraseList<QuestionForm>.Folded(context.Reading.Text);
        var names = variants.Records.Select(v => (Variant: v, Words: Words(v.Document.Title))).ToList();
        var shared = names.Select(n => n.Words).Aggregate((a, b) => [.. a.Intersect(b)]);
        var named = names.Select(n => (n.Variant, Own: n.Words.Except(shared).ToList()))
            .Where(n => OwnRuns(n.Variant.Document.Title, shared).All(run => Holds(asked, run)))
            .OrderByDescending(n => n.Own.Count)
            .ToList();
        if (named.Count == 1 || (named.Count > 1 && named[0].Own.Count > named[1].Own.Count))
        {
            return named[0].Variant;
        }

        // The question's words side with the record retrieved first over each of the others: that one ("muốn đổi thiết
        // kế thêm một tầng" is the adjustment, whose opening says "thay đổi thiết kế"). Not one retrieved after it: a
        // question the sources cannot answer ("điểm chuẩn Trường Sĩ quan Lục quân 2 năm 2025") holds words of the
        // sibling it is not about as readily, and is better asked back than answered from a record that lacks it.
        var first = context.Choice!.Document;
        if (variants.Records.FirstOrDefault(v => v.Document.Id == first.Id) is { } firstRecord &&
            variants.Records.Where(o => o != firstRecord).All(o => SaysMoreOf(first, o.Document, context)))
        {
            return firstRecord;
        }

        // Records only named alike, not retrieved alike, are not settled by which one is no change: retrieval put the
        // chosen one first for the question's other words ("thuốc lá" beside "hộ kinh doanh").
        var plain = variants.Records.Where(v => !context.Cues.NamesAModifier(v.Document.Title)).ToList();
        // Asked which procedure to follow, the asker's story says in everyday words what changed: the plain one is meant
        // only when retrieval put it first; nor when the question's words side with the record retrieved first over it.
        return !variants.NamedAlike && !context.Cues.NamesAModifier(context.Reading.Text) && plain.Count == 1 &&
            (!variants.AskedWhich || plain[0].Document.Id == first.Id) &&
            (plain[0].Document.Id == first.Id || !SaysMoreOf(first, plain[0].Document, context)) ? plain[0] : null;
    }

    // The retrieved records that are a change to the plain record: their titles name a change ("Cấp lại", "Gia hạn")
    // and, less that change and their level, hold the plain one's title but for MaxPlainWordsMissing of its words and
    // at most MaxWordsBeyondThePlainTitle words it does not ("Cấp lại giấy phép xây dựng đối với nhà ở riêng lẻ" of
    // "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ"; "Cấp lại Giấy đăng ký hoạt động của doanh nghiệp đấu giá tài
    // sản" and "Thay đổi nội dung đăng ký hoạt động …" of "Đăng ký hoạt động của doanh nghiệp đấu giá tài sản"; not the
    // same changes for its branch, "… của chi nhánh doanh nghiệp …", three words more, nor "Cấp lại Chứng chỉ hành nghề
    // đấu giá" of "Cấp Chứng chỉ hành nghề thú y", which lacks "thú y").
    private static List<Variant> ChangesOf(CorpusDocument plain, IEnumerable<Variant> retrieved, QuestionCues cues)
    {
        var plainTitle = Without(LevelWordsOf(plain.Title));
        var plainWords = plainTitle.ToHashSet(StringComparer.Ordinal);

        // The plain title's first word is the act a change replaces ("Cấp" of "Cấp giấy phép …" in "Gia hạn giấy phép
        // …"): it is not missing from a change.
        var act = plainTitle.FirstOrDefault();
        return [.. retrieved.Where(v => v.Document.Id != plain.Id && IsAChangeOf(v.Document.Title))];

        bool IsAChangeOf(string title)
        {
            var (rest, change) = OtherWordsAndChange(title, cues);
            return change.Count > 0 && rest.Count(w => !plainWords.Contains(w)) <= MaxWordsBeyondThePlainTitle &&
                plainWords.Count(w => w != act && !rest.Contains(w) && !change.Contains(w)) <= MaxPlainWordsMissing;
        }
    }

    /// <summary>
    /// True when two records' titles, less their level and the changes they name ("cấp lại", "gia hạn", "điều chỉnh"),
    /// differ by at most <see cref="MaxWordsBeyondThePlainTitle"/> words each way: changes to one procedure, or a change
    /// and the plain one ("Gia hạn giấy phép xây dựng …" and "Cấp lại giấy phép xây dựng …"); not two procedures that
    /// share a few words ("Đăng ký tạm trú" and the linked birth, residence and insurance procedure).
    /// </summary>
    public static bool AlikeButForTheirChange(CorpusDocument one, CorpusDocument other, QuestionCues cues)
    {
        var first = OtherWordsAndChange(one.Title, cues).Others;
        var second = OtherWordsAndChange(other.Title, cues).Others;
        return first.Count(w => !second.Contains(w)) <= MaxWordsBeyondThePlainTitle && second.Count(w => !first.Contains(w)) <= MaxWordsBeyondThePlainTitle;
    }

    // A title's level words left out: the syllables of the changes it names ("cấp lại", "gia hạn"), and its other words,
    // each once.
    private static (List<string> Others, HashSet<string> Change) OtherWordsAndChange(string title, QuestionCues cues)
    {
        var words = Without(LevelWordsOf(title));
        var change = cues.ChangesIn(words).SelectMany(c => c.Split(' ')).ToHashSet(StringComparer.Ordinal);
        return ([.. words.Where(w => !change.Contains(w)).Distinct(StringComparer.Ordinal)], change);
    }

    /// <summary>The procedure records retrieved, each with its chunks and their best coverage, in retrieval order.</summary>
    internal static List<Variant> Retrieved(AnswerContext context) =>
        [.. context.Hits
            .Where(h => context.Documents.TryGetValue(h.Chunk.DocumentId, out var d) && d.Type == DocumentType.Procedure)
            .GroupBy(h => h.Chunk.DocumentId, StringComparer.Ordinal)
            .Select(g => new Variant(context.Documents[g.Key], g.ToList(), g.Max(h => h.Coverage)))];

    /// <summary>A choice of <paramref name="variant"/> to answer from, as the selector would have made it.</summary>
    public static SourceChoice ChoiceOf(Variant variant, AnswerContext context) =>
        new(variant.Hits[0], variant.Document, [], [.. variant.Hits, .. context.Hits.Where(h => h.Chunk.DocumentId != variant.Document.Id)], variant.Coverage, context.Statistics.NameMatch(variant.Document.Id, context.Reading.TopicTerms), context.Statistics.Support(variant.Document.Id, context.Reading.TopicTerms));

    private static (string[] Syllables, bool[] Level) LevelWordsOf(string title)
    {
        var syllables = TextAnalyzer.Syllables(title).Select(VietnameseText.Fold).ToArray();
        var level = new bool[syllables.Length];
        for (var i = 0; i < syllables.Length; i++)
        {
            if (LevelWords.FirstOrDefault(w => i + w.Length <= syllables.Length && syllables.AsSpan(i, w.Length).SequenceEqual(w)) is { } words)
            {
                Array.Fill(level, true, i, words.Length);
                i += words.Length - 1;
            }
        }

        return (syllables, level);
    }

    // The runs of a title's words, in order, that are not among the shared ones.
    private static List<string[]> OwnRuns(string title, HashSet<string> shared)
    {
        var runs = new List<string[]>();
        var run = new List<string>();
        foreach (var word in PhraseList<QuestionForm>.Folded(title).Append(string.Empty))
        {
            if (word.Length > 0 && !shared.Contains(word))
            {
                run.Add(word);
            }
            else if (run.Count > 0)
            {
                runs.Add([.. run]);
                run.Clear();
            }
        }

        return runs;
    }

    // True when the words stand side by side, in this order, somewhere in the text's.
    internal static bool Holds(string[] text, string[] words) =>
        Enumerable.Range(0, Math.Max(0, text.Length - words.Length + 1)).Any(i => text.AsSpan(i, words.Length).SequenceEqual(words));

    private static HashSet<string> Words(string text) =>
        TextAnalyzer.Syllables(text).Select(VietnameseText.Fold).ToHashSet(StringComparer.Ordinal);

    private static string[] Without((string[] Syllables, bool[] Level) title) => title.Syllables.Where((_, i) => !title.Level[i]).ToArray();

    /// <summary>The records the question could be about; <paramref name="SameProcedure"/> when they differ only in level.</summary>
    internal sealed record Variants(IReadOnlyList<Variant> Records, bool SameProcedure)
    {
        /// <summary>The records are those the question names by the same words, not those retrieval found equally.</summary>
        public bool NamedAlike { get; init; }

        /// <summary>The records are the family of a question asking which procedure to follow.</summary>
        public bool AskedWhich { get; init; }
    }

    /// <summary>One record the question could be about, with its retrieved chunks and their best coverage.</summary>
    internal sealed record Variant(CorpusDocument Document, IReadOnlyList<ChunkHit> Hits, double Coverage);
}
