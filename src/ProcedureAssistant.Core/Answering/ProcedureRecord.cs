using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Questions;

namespace ProcedureAssistant.Core.Answering;

/// <summary>The fields of a procedure document, read from its canonical <c>##</c> sections.</summary>
public sealed class ProcedureRecord
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

    /// <summary>Section of notes: what the writers of a record add, never part of an answer.</summary>
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

    private readonly Dictionary<string, string> _sections;
    private readonly List<string> _order;

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

    /// <summary>The items of <paramref name="fields"/> whose own section the record marks unknown in full ("Lệ phí: Chưa có thông tin chính thức"), in order.</summary>
    public IReadOnlyList<AskedField> MarkedUnknown(IEnumerable<AskedField> fields) =>
        fields.Where(f => SectionOf(f) is { } section && Field(section) is { } value && DeclaredGaps.IsAllGaps(value)).ToList();
}
