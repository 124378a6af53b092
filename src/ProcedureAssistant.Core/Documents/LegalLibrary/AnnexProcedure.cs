namespace ProcedureAssistant.Core.Documents.LegalLibrary;

/// <summary>
/// One row of a province's list of procedures, as its decisions publish them in an annex table (mã TTHC, tên,
/// thời hạn, địa điểm or cách thức, phí, căn cứ pháp lý).
/// </summary>
/// <param name="Group">The group row it falls under ("I. Lĩnh vực địa chất và khoáng sản"), or null.</param>
/// <param name="Code">The national procedure code, or null when the row gives none.</param>
/// <param name="Name">The procedure's name.</param>
/// <param name="Cells">The row's other cells, each with its column's heading, in table order.</param>
/// <param name="Truncated">True when the row lacks cells the table's heading announces (the page was cut).</param>
internal sealed record AnnexProcedure(string? Group, string? Code, string Name, IReadOnlyList<(string Column, string Value)> Cells, bool Truncated);
