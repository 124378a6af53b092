using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Core.Answering;

/// <summary>The fields of a procedure document, read from its canonical <c>##</c> sections.</summary>
public sealed class ProcedureRecord
{
    /// <summary>Section names in the order a citizen needs them.</summary>
    public static readonly IReadOnlyList<string> CitizenFields =
        ["Nơi nộp và cách thức nộp", "Thành phần hồ sơ", "Thời hạn giải quyết", "Lệ phí", "Cơ quan giải quyết", "Kết quả", "Căn cứ pháp lý"];

    /// <summary>Section names in the order an official needs them.</summary>
    public static readonly IReadOnlyList<string> OfficialFields =
        ["Cơ quan giải quyết", "Căn cứ pháp lý", "Thay đổi từ 01/7/2025", "Thời hạn giải quyết", "Thành phần hồ sơ", "Lệ phí"];

    private readonly Dictionary<string, string> _sections;
    private readonly List<string> _order;

    private ProcedureRecord(CorpusDocument document, Dictionary<string, string> sections, List<string> order)
    {
        Document = document;
        _sections = sections;
        _order = order;
    }

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

            lines.Add(line);
        }

        Store();
        return new ProcedureRecord(document, sections, order);

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
}
