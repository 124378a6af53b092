using System.Text;
using System.Text.RegularExpressions;

namespace ProcedureAssistant.Core.Documents.LegalLibrary;

/// <summary>
/// The layout of a legal text as a legal library site renders it to Markdown: lines hard-wrapped at about 80
/// characters, table cells separated by lines holding a single <c>|</c> (two such lines end a row), and blank
/// lines between paragraphs only in some pages. This reads it back into rows of cells and unwraps each cell into
/// paragraphs.
/// </summary>
internal static partial class PageLayout
{
    /// <summary>
    /// The rows of the text: a row is a list of cells, a cell a list of lines. Text outside a table is a row of
    /// one cell; a blank line ends a cell and its row.
    /// </summary>
    public static List<List<List<string>>> Rows(IEnumerable<string> lines)
    {
        var rows = new List<List<List<string>>>();
        var cells = new List<List<string>>();
        var current = new List<string>();
        var separators = 0;

        void EndCell()
        {
            if (current.Count > 0)
            {
                cells.Add(current);
                current = [];
            }
        }

        void EndRow()
        {
            EndCell();
            if (cells.Count > 0)
            {
                rows.Add(cells);
                cells = [];
            }
        }

        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line == "|")
            {
                separators = current.Count > 0 ? 1 : separators + 1;
                EndCell();
                if (separators >= 2)
                {
                    EndRow();
                }

                continue;
            }

            separators = 0;
            if (line.Length == 0)
            {
                EndRow();
                continue;
            }

            current.Add(line);
        }

        EndRow();
        return rows;
    }

    /// <summary>
    /// The paragraphs of a cell: wrapped lines are joined, and a new paragraph starts where a line opens a
    /// structural unit (an article, a numbered clause, a lettered point, a bullet, a bold or italic run).
    /// </summary>
    public static List<string> Paragraphs(IEnumerable<string> lines)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var line in lines)
        {
            if (current.Length > 0 && StartsUnit().IsMatch(line))
            {
                paragraphs.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(line);
        }

        if (current.Length > 0)
        {
            paragraphs.Add(current.ToString());
        }

        return paragraphs.Select(p => Spaces().Replace(p, " ").Trim()).Where(p => p.Length > 0).ToList();
    }

    /// <summary>A cell's text on one line, without emphasis marks.</summary>
    public static string Flat(IEnumerable<string> lines) => Plain(string.Join(' ', lines));

    /// <summary>Removes Markdown emphasis (<c>**</c>, <c>*</c>) and collapses spaces.</summary>
    public static string Plain(string text) => Spaces().Replace(text.Replace("*", string.Empty, StringComparison.Ordinal), " ").Trim();

    /// <summary>True when the cell is a short run of bold text only (a table heading, a group row).</summary>
    public static bool IsBoldOnly(IReadOnlyList<string> cell)
    {
        var text = string.Join(' ', cell).Trim();
        return text.StartsWith("**", StringComparison.Ordinal) && Plain(text).Length is > 0 and <= 80 && !NonBoldText().IsMatch(text);
    }

    // A line that begins a unit of its own rather than continuing the one above.
    [GeneratedRegex(@"^(?:\*|-\s|-[^\d\s]|\+|•|\d{1,3}[.)]\s|[a-zđ]\)\s|\(\d{1,3}\)|[IVXLC]{1,6}\.\s|Điều\s+\d|Chương\s+[IVXLC\d]|Mục\s+\d|PHỤ LỤC|Phụ lục\s|Nơi nhận)")]
    private static partial Regex StartsUnit();

    // Text outside bold and italic runs (after the runs are taken out, letters remain).
    [GeneratedRegex(@"^(?:\s*(?:\*\*[^*]*\*\*|\*[^*]+\*)\s*)*[^*\s]")]
    private static partial Regex NonBoldText();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
