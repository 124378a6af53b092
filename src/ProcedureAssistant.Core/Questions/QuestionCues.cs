using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Questions;

/// <summary>
/// The word lists a question is read with, from the data files beside <c>synonyms.tsv</c>: which item of a procedure
/// it asks for (<c>asked-fields.tsv</c>), what kind of question it is (<c>question-forms.tsv</c>), which province it
/// names (<c>provinces.tsv</c>), which office or level it names as where to go or who decides (<c>offices.tsv</c>) and
/// which way of filing it names (<c>channels.tsv</c>).
/// Immutable once built; shared.
/// </summary>
public sealed class QuestionCues
{
    private static readonly Dictionary<string, AskedField> FieldNames = new(StringComparer.Ordinal)
    {
        ["fee"] = AskedField.Fee,
        ["time"] = AskedField.Time,
        ["place"] = AskedField.Place,
        ["documents"] = AskedField.Documents,
        ["authority"] = AskedField.Authority,
        ["legal-basis"] = AskedField.LegalBasis,
        ["steps"] = AskedField.Steps,
        ["conditions"] = AskedField.Conditions,
        ["result"] = AskedField.Result,
        ["amount"] = AskedField.Amount,
        ["deadline"] = AskedField.Deadline,
        ["penalty"] = AskedField.Penalty,
        ["form"] = AskedField.Form,
    };

    private static readonly Dictionary<string, QuestionForm> FormNames = new(StringComparer.Ordinal)
    {
        ["yes-no-end"] = QuestionForm.YesNoEnd,
        ["yes-no"] = QuestionForm.YesNo,
        ["eligibility"] = QuestionForm.Eligibility,
        ["particle"] = QuestionForm.Particle,
        ["whole"] = QuestionForm.Whole,
        ["follow-up"] = QuestionForm.FollowUp,
        ["contact"] = QuestionForm.Contact,
        ["person"] = QuestionForm.Person,
        ["third-party"] = QuestionForm.ThirdParty,
        ["personal"] = QuestionForm.Personal,
        ["modifier"] = QuestionForm.Modifier,
        ["redo"] = QuestionForm.Redo,
        ["list"] = QuestionForm.List,
        ["date"] = QuestionForm.Date,
        ["text-signed"] = QuestionForm.TextSigned,
        ["text-in-force"] = QuestionForm.TextInForce,
        ["text-ends"] = QuestionForm.TextEnds,
        ["text-kind"] = QuestionForm.TextKind,
        ["number"] = QuestionForm.Number,
        ["unit-now"] = QuestionForm.UnitNow,
        ["merger"] = QuestionForm.Merger,
        ["unit-name"] = QuestionForm.UnitName,
        ["name-asked"] = QuestionForm.NameAsked,
        ["now"] = QuestionForm.Now,
        ["unit-count"] = QuestionForm.UnitCount,
        ["refers-back"] = QuestionForm.RefersBack,
        ["paper-back"] = QuestionForm.PaperBack,
        ["question-word"] = QuestionForm.QuestionWord,
        ["people-list"] = QuestionForm.PeopleList,
        ["self"] = QuestionForm.Self,
        ["lookup"] = QuestionForm.Lookup,
        ["off-topic"] = QuestionForm.OffTopic,
        ["request"] = QuestionForm.Request,
        ["stop"] = QuestionForm.Stop,
        ["for-a-while"] = QuestionForm.ForAWhile,
        ["for-good"] = QuestionForm.ForGood,
        ["which-procedure"] = QuestionForm.WhichProcedure,
        ["by-the-way"] = QuestionForm.ByTheWay,
        ["case"] = QuestionForm.Case,
    };

    private QuestionCues(IEnumerable<string> fieldLines, IEnumerable<string> formLines, IEnumerable<string> provinceLines, IEnumerable<string> officeLines, IEnumerable<string> channelLines)
    {
        Offices = new PhraseList<string>(Pairs(officeLines, "offices.tsv"));
        Channels = new PhraseList<string>(Pairs(channelLines, "channels.tsv"));
        Fields = new PhraseList<AskedField>(Pairs(fieldLines, "asked-fields.tsv").Select(p => (Known(FieldNames, p.Key, "asked-fields.tsv"), p.Value)));
        var forms = Pairs(formLines, "question-forms.tsv").Select(p => (Key: Known(FormNames, p.Key, "question-forms.tsv"), Phrase: p.Value)).ToList();
        Forms = new PhraseList<QuestionForm>(forms.Where(f => !IsAboutStopping(f.Key) && f.Key is not (QuestionForm.WhichProcedure or QuestionForm.ByTheWay)));
        ByTheWay = new PhraseList<QuestionForm>(forms.Where(f => f.Key == QuestionForm.ByTheWay));
        WhichProcedure = new PhraseList<QuestionForm>(forms.Where(f => f.Key == QuestionForm.WhichProcedure));
        OffTopicSubjects = new PhraseList<QuestionForm>(forms.Where(f => f.Key == QuestionForm.OffTopic));
        Stopping = new PhraseList<QuestionForm>(forms.Where(f => IsAboutStopping(f.Key)));
        Provinces = new PhraseList<(string Named, string Now)>(Pairs(provinceLines, "provinces.tsv").Select(p => ((p.Key, p.Value), p.Key)));
    }

    internal PhraseList<AskedField> Fields { get; }

    internal PhraseList<QuestionForm> Forms { get; }

    internal PhraseList<(string Named, string Now)> Provinces { get; }

    /// <summary>
    /// The <c>off-topic</c> phrases alone: a subject is named whatever shape the question has, so its words are not
    /// left to the question forms, where a phrase of the same length listed earlier takes them ("tỉ số mấy": "số mấy"
    /// asks a number and would hide "tỉ số").
    /// </summary>
    internal PhraseList<QuestionForm> OffTopicSubjects { get; }

    /// <summary>
    /// Phrases that open a new subject by the way ("tiện hỏi luôn", "nhân tiện"), looked up on their own: they hold the
    /// request "hỏi", which still makes the question ask.
    /// </summary>
    internal PhraseList<QuestionForm> ByTheWay { get; }

    /// <summary>Phrases that ask which procedure to follow ("làm thủ tục nào", "xin loại nào"), looked up on their own: "thủ tục gì" also asks for the whole procedure.</summary>
    internal PhraseList<QuestionForm> WhichProcedure { get; }

    /// <summary>
    /// The <c>stop</c>, <c>for-a-while</c> and <c>for-good</c> phrases alone: "tạm ngừng" and "chấm dứt" are changes
    /// among the question forms, and say how long a stop lasts here.
    /// </summary>
    internal PhraseList<QuestionForm> Stopping { get; }

    /// <summary>How long a stop the text speaks of lasts: for a while, for good, or unsaid (null, also when it speaks of none).</summary>
    public StopLength? StopLengthIn(string text)
    {
        var written = TextAnalyzer.Syllables(text).ToArray();
        return StopLengthIn(written, Array.ConvertAll(written, VietnameseText.Fold)).Length;
    }

    // For a while, for good, or neither said (null) when both are.
    private static StopLength? LengthSaid(bool forAWhile, bool forGood) =>
        forAWhile == forGood ? null : forAWhile ? StopLength.ForAWhile : StopLength.ForGood;

    /// <summary>
    /// How long the stop a procedure's title names lasts: said by a phrase of two syllables at least ("tạm ngừng",
    /// "chấm dứt", "giải thể"), since one alone is often another word's ("tạm" of "Đăng ký tạm trú"). Null when the
    /// title names no stop, or both lengths.
    /// </summary>
    public StopLength? StopNamedIn(string title)
    {
        var written = TextAnalyzer.Syllables(title).ToArray();
        var found = Stopping.Find(Array.ConvertAll(written, VietnameseText.Fold), written).Where(f => f.Length >= 2).ToList();
        return LengthSaid(found.Any(f => f.Key == QuestionForm.ForAWhile), found.Any(f => f.Key == QuestionForm.ForGood));
    }

    /// <summary>
    /// Whether the syllables speak of stopping something, and how long for, if they say (a number of days, weeks,
    /// months or years says for a while). A phrase counts only as written where the text has diacritics: "thời hạn" is
    /// no "hẳn".
    /// </summary>
    internal (bool Stops, StopLength? Length) StopLengthIn(IReadOnlyList<string> written, IReadOnlyList<string> syllables)
    {
        var found = Stopping.Find(syllables, written);
        var forAWhile = found.Any(f => f.Key == QuestionForm.ForAWhile) ||
            syllables.Where((s, i) => i > 0 && PeriodUnits.Contains(s) && (syllables[i - 1].All(char.IsDigit) || NumberWords.Contains(syllables[i - 1]))).Any();
        var forGood = found.Any(f => f.Key == QuestionForm.ForGood);
        return (found.Any(f => f.Key == QuestionForm.Stop), LengthSaid(forAWhile, forGood));
    }

    private static readonly HashSet<string> PeriodUnits = new(["ngay", "tuan", "thang", "nam"], StringComparer.Ordinal);

    // Folded: "ba tháng", "sáu tháng", "mười ngày", "vài tuần".
    private static readonly HashSet<string> NumberWords = new(["mot", "hai", "ba", "bon", "tu", "nam", "sau", "bay", "tam", "chin", "muoi", "vai", "may", "nua"], StringComparer.Ordinal);

    private static bool IsAboutStopping(QuestionForm form) => form is QuestionForm.Stop or QuestionForm.ForAWhile or QuestionForm.ForGood;

    /// <summary>Office phrases, keyed by the office as the records write it ("ubnd" → "ủy ban nhân dân").</summary>
    internal PhraseList<string> Offices { get; }

    /// <summary>Filing-channel phrases, keyed by the channel as the records write it ("qua mạng" → "trực tuyến").</summary>
    internal PhraseList<string> Channels { get; }

    /// <summary>True when the text holds a word that makes a procedure a change to an earlier one ("cấp lại", "gia hạn").</summary>
    public bool NamesAModifier(string text) => Forms.Find(PhraseList<QuestionForm>.Folded(text)).Any(f => f.Key == QuestionForm.Modifier);

    /// <summary>The changes to an earlier procedure that folded syllables hold ("cấp lại", "gia hạn"), folded, once each, in order.</summary>
    public IReadOnlyList<string> ChangesIn(IReadOnlyList<string> syllables) => ChangesIn(syllables, Forms.Find(syllables));

    /// <summary>As <see cref="ChangesIn(IReadOnlyList{string})"/>, from the forms already found in the syllables.</summary>
    internal static IReadOnlyList<string> ChangesIn(IReadOnlyList<string> syllables, IEnumerable<PhraseList<QuestionForm>.Match> forms) =>
        [.. forms.Where(f => f.Key == QuestionForm.Modifier).Select(f => string.Join(' ', syllables.Skip(f.Start).Take(f.Length))).Distinct(StringComparer.Ordinal)];

    /// <summary>The cues shipped in this assembly's data files.</summary>
    public static QuestionCues CreateDefault() =>
        new(TextAnalyzer.ReadDataLines("asked-fields.tsv"), TextAnalyzer.ReadDataLines("question-forms.tsv"), TextAnalyzer.ReadDataLines("provinces.tsv"), TextAnalyzer.ReadDataLines("offices.tsv"), TextAnalyzer.ReadDataLines("channels.tsv"));

    /// <summary>Cues from lines in the data files' layout (key, tab, phrase), for tests.</summary>
    internal static QuestionCues From(IEnumerable<string> fieldLines, IEnumerable<string> formLines, IEnumerable<string> provinceLines, IEnumerable<string> officeLines, IEnumerable<string> channelLines) =>
        new(fieldLines, formLines, provinceLines, officeLines, channelLines);

    private static IEnumerable<(string Key, string Value)> Pairs(IEnumerable<string> lines, string file) =>
        lines.Select(line => line.Split('\t')).Select(parts => parts.Length == 2
            ? (parts[0].Trim(), parts[1].Trim())
            : throw new InvalidOperationException($"{file}: '{string.Join('\t', parts)}' is not 'key<TAB>phrase'."));

    private static T Known<T>(Dictionary<string, T> names, string key, string file) =>
        names.TryGetValue(key, out var value) ? value : throw new InvalidOperationException($"{file}: '{key}' is not one of {string.Join(", ", names.Keys)}.");
}
