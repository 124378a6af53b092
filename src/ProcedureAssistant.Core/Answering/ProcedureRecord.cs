using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Questions;

namespace ProcedureAssistant.Core.Answering;

/// <summary>The fields of a procedure document, read from its canonical <c>##</c> sections.</summary>
public sealed partial class ProcedureRecord
{
    /// <summary>Section of the competent body.</summary>
    public const string Authority = "Cơ quan giải quyết";

    /// <summary>Section of where and how to file.</summary>
    public const string Channels = "Nơi nộp và cách thức nộp";

    /// <summary>Section of the documents to file.</summary>
    public const string Documents = "Thành phần hồ sơ";

    /// <summary>Section of the steps.</summary>
    public const string Steps = "Trình tự thực hiện";

    /// <summary>Section of the time limit.</summary>
    public const string TimeLimit = "Thời hạn giải quyết";

    /// <summary>Section of the fee.</summary>
    public const string Fee = "Lệ phí";

    /// <summary>Section of the result.</summary>
    public const string Result = "Kết quả";

    /// <summary>Section of the conditions.</summary>
    public const string Conditions = "Điều kiện";

    /// <summary>Section of the legal basis.</summary>
    public const string LegalBasis = "Căn cứ pháp lý";

    /// <summary>Section of notes: what a record adds beside its items; a note is said only as a line that speaks to the question, never under its heading.</summary>
    public const string Notes = "Ghi chú";

    /// <summary>Section of what changed with the two-tier reform.</summary>
    public const string Changes = "Thay đổi từ 01/7/2025";

    /// <summary>Section names in the order a citizen needs them when the whole procedure is asked for.</summary>
    public static readonly IReadOnlyList<string> CitizenFields = [Channels, Documents, Steps, TimeLimit, Fee, Authority, Result];

    /// <summary>Section names in the order an official needs them when the whole procedure is asked for.</summary>
    public static readonly IReadOnlyList<string> OfficialFields = [Authority, LegalBasis, Changes, Steps, TimeLimit, Documents, Fee];

    /// <summary>The section that holds an asked item, or null for an item no one section holds (an amount paid out).</summary>
    public static string? SectionOf(AskedField field) => field switch
    {
        AskedField.Fee => Fee,
        AskedField.Time => TimeLimit,
        AskedField.Place => Channels,
        AskedField.Documents => Documents,
        AskedField.Authority => Authority,
        AskedField.LegalBasis => LegalBasis,
        AskedField.Steps => Steps,
        AskedField.Conditions => Conditions,
        AskedField.Result => Result,
        _ => null,
    };

    /// <summary>The item a section holds, or null for a section no item is read from (notes, changes).</summary>
    public static AskedField? FieldOf(string section) =>
        Enum.GetValues<AskedField>().Where(f => SectionOf(f) == section).Select(f => (AskedField?)f).FirstOrDefault();

    private readonly Dictionary<string, string> _sections;
    private readonly List<string> _order;

    // Found once: the policy asks whether the record gives them, and the composer then says them.
    private IReadOnlyList<string>? _deadlines;
    private IReadOnlyList<string>? _forms;

    private ProcedureRecord(CorpusDocument document, Dictionary<string, string> sections, List<string> order, string summary)
    {
        Document = document;
        _sections = sections;
        _order = order;
        Summary = summary;
    }

    /// <summary>What the record says before its first section: a sentence or two on what the procedure is for; empty when none.</summary>
    public string Summary { get; }

    /// <summary>The document the record was read from.</summary>
    public CorpusDocument Document { get; }

    /// <summary>Reads the sections of a procedure document.</summary>
    public static ProcedureRecord From(CorpusDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sections = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? current = null;
        var lines = new List<string>();
        var order = new List<string>();
        var summary = new List<string>();
        foreach (var line in document.Body.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Store();
                current = line[3..].Trim();
                continue;
            }

            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                continue;
            }

            (current is null ? summary : lines).Add(line);
        }

        Store();
        return new ProcedureRecord(document, sections, order, string.Join('\n', summary).Trim());

        void Store()
        {
            if (current is not null)
            {
                if (!sections.ContainsKey(current))
                {
                    order.Add(current);
                }

                sections[current] = string.Join('\n', lines).Trim();
            }

            lines.Clear();
        }
    }

    /// <summary>Every section with its text, in the record's order.</summary>
    public IEnumerable<(string Name, string Text)> Sections => _order.Select(name => (name, _sections[name]));

    /// <summary>The text of a section, or null when the record does not have it.</summary>
    public string? Field(string name) => _sections.TryGetValue(name, out var text) && text.Length > 0 ? text : null;

    /// <summary>
    /// The clauses that say by when the person must act: a span counted from an event of theirs ("trong 60 ngày kể từ
    /// ngày sinh", "chậm nhất 45 ngày kể từ ngày hết thời gian nghỉ việc") or before one ("15 ngày trước ngày hết thời
    /// hạn tạm trú", "trước 23 giờ"), the event told first ("trước khi hết hạn sở hữu nhà ở 03 tháng"), or a day of
    /// a period that follows it or of every year ("chậm nhất là ngày thứ 20 của tháng tiếp theo tháng phát sinh", "chậm
    /// nhất là ngày cuối cùng của tháng đầu quý sau", "trước ngày 31 tháng 12 hằng năm"), from the summary and every
    /// section but the notes, in the record's order; not a span counted from the office's receipt of
    /// the file, which is its processing time. Those that say the person must ("phải", "có trách nhiệm", "thời hạn
    /// nộp", "chậm nhất") come first: a catalogue record's steps also count the office's own spans from other events.
    /// </summary>
    public IReadOnlyList<string> Deadlines() => _deadlines ??= FindDeadlines();

    private List<string> FindDeadlines()
    {
        var texts = Sections.Where(s => s.Name != Notes).Select(s => s.Text).Prepend(Summary);
        var clauses = texts.SelectMany(t => t.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .SelectMany(line => line.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(clause => (Text: clause, Folded: Text.VietnameseText.Fold(clause).ToLowerInvariant()))
            .Where(c => (SpanFromAnEvent().IsMatch(c.Folded) || DayOfAPeriod().IsMatch(c.Folded)) && !CountedFromReceipt().IsMatch(c.Folded))
            .Distinct()
            .ToList();
        return [.. clauses.OrderByDescending(c => MustAct().IsMatch(c.Folded)).Select(c => c.Text)];
    }

    /// <summary>
    /// The lines that name a form to fill in ("Tờ khai đề nghị cấp lại hộ chiếu (mẫu TK05)", "Đơn theo Mẫu số 02"):
    /// those of the documents first, then of the other sections, in the record's order; not the notes, nor the legal
    /// basis, whose texts issue forms but are not one to fill in. A record that names its forms by no number or code
    /// has its papers' declaration or request as its form ("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân").
    /// </summary>
    public IReadOnlyList<string> Forms() => _forms ??= FindForms();

    private List<string> FindForms()
    {
        var sections = Sections.Where(s => s.Name is not (Notes or LegalBasis)).OrderByDescending(s => s.Name == Documents).Select(s => s.Text);
        var lines = sections.SelectMany(t => t.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(line => !DeclaredGaps.IsAllGaps(line))
            .Distinct()
            .ToList();
        var named = lines.Where(line => NamesAForm().IsMatch(line)).ToList();
        return named.Count > 0 || Field(Documents) is not { } papers
            ? named
            : [.. papers.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(line => Request().IsMatch(line))];
    }

    /// <summary>
    /// Whether the record gives an asked item: a section of it that states something; for what no one section holds,
    /// a sum of money outside the fee (an amount paid out), a deadline clause (<see cref="Deadlines"/>), a line naming a
    /// form (<see cref="Forms"/>), or any mention of a fine.
    /// </summary>
    public bool Gives(AskedField field) => field switch
    {
        AskedField.Amount => StatesASum(),
        AskedField.Deadline => Deadlines().Count > 0,
        AskedField.Form => Forms().Count > 0,
        AskedField.Penalty => Document.Body.Contains("phạt", StringComparison.OrdinalIgnoreCase),
        _ => SectionOf(field) is { } section && Field(section) is { } value && !DeclaredGaps.IsAllGaps(value),
    };

    // A sum of money in the summary or a section other than the fee.
    private bool StatesASum() =>
        Sum().IsMatch(Text.VietnameseText.Fold(Summary).ToLowerInvariant()) ||
        Sections.Any(section => section.Name != Fee && Sum().IsMatch(Text.VietnameseText.Fold(section.Text).ToLowerInvariant()));

    /// <summary>A sum of money in folded lower-case text ("15.000 dong"), its digits captured.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\d.,])(\d[\d.]*)\s*(?:dong|vnd)\b")]
    internal static partial System.Text.RegularExpressions.Regex Sum();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(trong( vong| thoi han)?|cham nhat( la)?|truoc|sau|la) \d+ (ngay|gio|thang|nam)\b.*\b(ke tu|truoc ngay|truoc khi|sau khi)\b|\btruoc \d+ gio\b|\b\d+ (ngay|gio|thang)( lam viec)? truoc (ngay|khi)\b|\btruoc khi\b[^,;]{0,60}?\b(toi thieu |it nhat )?\d+ (ngay|gio|thang|nam)\b")]
    private static partial System.Text.RegularExpressions.Regex SpanFromAnEvent();

    // A day of a period counted from the person's event, as tax returns are due, or a day of every year; a date alone
    // ("trước ngày 01/7/2025", "trước ngày 01/01/1945" in a title) is a fact of the law, not a deadline.
    [System.Text.RegularExpressions.GeneratedRegex(@"\bcham nhat( la| vao)? ngay (thu \d+|\d+|cuoi cung) cua (thang|quy|nam)\b|\b(cham nhat|truoc)( la| vao)? ngay \d+( thang |/)\d+ hang nam\b|\bhang nam,? (cham nhat|truoc)( la| vao)? ngay \d+( thang |/)\d+\b")]
    private static partial System.Text.RegularExpressions.Regex DayOfAPeriod();

    [System.Text.RegularExpressions.GeneratedRegex(@"nhan (du |duoc |day du )?(ho so|don|to khai|van ban|bao cao|giay de nghi|du ho so)|ho so hop le")]
    private static partial System.Text.RegularExpressions.Regex CountedFromReceipt();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(phai|co trach nhiem|thoi han nop|han nop|cham nhat)\b")]
    private static partial System.Text.RegularExpressions.Regex MustAct();

    // A form: "mẫu" or "Mẫu số" with its number or code ("mẫu TK05", "Mẫu số 02", "mẫu UQ"; not "lấy mẫu vân tay"), a
    // "mẫu" an appendix holds ("theo mẫu tại Phụ lục III"), or a form's code of capitals and digits on its own ("Tờ khai
    // (CT01)", "NA8", "HH1"). The captures name the form, so that two lines naming one form count as one.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?i:\bm[ẫa]u\b)\s+(?i:s[ốo]\s+)?(?<form>\d[\w/-]*(?:\.\w+)*|[A-ZĐ]{1,4}\d*\b)|(?i:\bm[ẫa]u\b[^.;\n]{0,40}?)(?<form>(?i:ph[ụu] l[ụu]c)\s+[\w.]+)|(?<![/-])\b(?<form>[A-ZĐ]{1,4}\d{1,3}[a-z]?)\b")]
    internal static partial System.Text.RegularExpressions.Regex NamesAForm();

    // A paper that is itself the form: the declaration, or the request ("Đơn đề nghị …", "Tờ khai …", "Văn bản đề nghị").
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[-*+]\s*)?(?:\d+[.)]\s*)?(?i:t[ờo] khai|đơn|văn bản đề nghị|bản khai)\b")]
    private static partial System.Text.RegularExpressions.Regex Request();

    /// <summary>The items of <paramref name="fields"/> whose own section the record marks unknown in full ("Lệ phí: Chưa có thông tin chính thức"), in order.</summary>
    public IReadOnlyList<AskedField> MarkedUnknown(IEnumerable<AskedField> fields) =>
        fields.Where(f => SectionOf(f) is { } section && Field(section) is { } value && DeclaredGaps.IsAllGaps(value)).ToList();
}
