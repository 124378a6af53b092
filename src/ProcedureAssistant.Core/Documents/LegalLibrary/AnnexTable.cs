using System.Text.RegularExpressions;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Documents.LegalLibrary;

/// <summary>
/// A province's list of procedures in a decision's annex: a table whose heading row names the procedure (tên
/// thủ tục) and its code (mã TTHC, in a column of its own or in brackets after the name). Columns are told apart
/// by their heading's words, so the order and the set of columns may differ from one decision to the next.
/// </summary>
internal sealed partial class AnnexTable
{
    private readonly List<string> _columns;
    private readonly int _codeColumn;
    private readonly int _nameColumn;
    private readonly int _ordinalColumn;

    private AnnexTable(List<string> columns, int codeColumn, int nameColumn, int ordinalColumn)
    {
        _columns = columns;
        _codeColumn = codeColumn;
        _nameColumn = nameColumn;
        _ordinalColumn = ordinalColumn;
    }

    /// <summary>The column headings, as written (emphasis removed).</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>
    /// Finds the heading of a procedure list at the end of a row: the longest run of short bold cells that closes
    /// the row and names a procedure column with a code. Returns the table and how many cells of the row come
    /// before its heading (other text the page put in the same row), or null when the row holds no such heading.
    /// </summary>
    public static (AnnexTable Table, int HeadingStart)? FindHeading(IReadOnlyList<List<string>> row)
    {
        var start = row.Count;
        while (start > 0 && PageLayout.IsBoldOnly(row[start - 1]))
        {
            start--;
        }

        if (row.Count - start < 3)
        {
            return null;
        }

        var columns = row.Skip(start).Select(PageLayout.Flat).ToList();
        var folded = columns.Select(c => VietnameseText.Fold(c).ToLowerInvariant()).ToList();
        var name = folded.FindIndex(c => c.Contains("ten", StringComparison.Ordinal) && (c.Contains("thu tuc", StringComparison.Ordinal) || c.Contains("tthc", StringComparison.Ordinal)));
        var code = folded.FindIndex(c => c.StartsWith("ma", StringComparison.Ordinal) && !c.Contains("ten", StringComparison.Ordinal));
        if (name < 0 || (code < 0 && !folded[name].Contains("ma thu tuc", StringComparison.Ordinal) && !folded[name].Contains("ma tthc", StringComparison.Ordinal)))
        {
            return null;
        }

        var ordinal = folded.FindIndex(c => c is "stt" or "tt");
        return (new AnnexTable(columns, code, name, ordinal), start);
    }

    /// <summary>The name of a group row ("I" | "LĨNH VỰC ĐỊA CHẤT"): one or two cells opening with a numeral; null for any other row.</summary>
    public string? GroupOf(IReadOnlyList<List<string>> row)
    {
        var cells = row.Select(PageLayout.Flat).ToList();
        return cells.Count <= 2 && cells.Count < _columns.Count && GroupNumeral().IsMatch(cells[0])
            ? string.Join(". ", cells.Select(c => c.TrimEnd('.')))
            : null;
    }

    /// <summary>Reads a data row under <paramref name="group"/>, or returns null when the row is not one of this table's.</summary>
    public AnnexProcedure? Read(IReadOnlyList<List<string>> row, string? group)
    {
        var cells = row.Select(PageLayout.Flat).ToList();

        if (cells.Count < 2 || (_ordinalColumn == 0 && !Ordinal().IsMatch(cells[0])))
        {
            return null;
        }

        var nameCell = _nameColumn < cells.Count ? cells[_nameColumn] : null;
        if (nameCell is null)
        {
            return null;
        }

        var code = _codeColumn >= 0 && _codeColumn < cells.Count ? Code().Match(cells[_codeColumn]) : Code().Match(nameCell);
        var name = _codeColumn < 0 && code.Success ? nameCell.Replace($"({code.Value})", string.Empty, StringComparison.Ordinal).Trim() : nameCell;
        var others = new List<(string, string)>();
        for (var i = 0; i < Math.Min(cells.Count, _columns.Count); i++)
        {
            if (i != _nameColumn && i != _codeColumn && i != _ordinalColumn && cells[i].Length > 0)
            {
                others.Add((_columns[i], cells[i]));
            }
        }

        return new AnnexProcedure(group, code.Success ? code.Value : null, name, others, cells.Count < _columns.Count);
    }

    [GeneratedRegex(@"\b\d\.\d{6}\b")]
    private static partial Regex Code();

    [GeneratedRegex(@"^(?:[IVXLC]{1,6}|[A-Z])\.?$")]
    private static partial Regex GroupNumeral();

    [GeneratedRegex(@"^\d{1,3}\.?$")]
    private static partial Regex Ordinal();
}
