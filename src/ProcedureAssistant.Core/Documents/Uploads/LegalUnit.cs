namespace ProcedureAssistant.Core.Documents.Uploads;

/// <summary>A line that starts a legal unit.</summary>
/// <param name="Kind">Phần, Chương, Mục or Điều, spelled as the chunker expects.</param>
/// <param name="Label">The kind and its number: "Điều 2".</param>
/// <param name="Text">The whole line with the keyword respelled: "Điều 2. Đối tượng áp dụng".</param>
/// <param name="IsBare">Whether the line has no title after the number.</param>
internal sealed record LegalUnit(string Kind, string Label, string Text, bool IsBare);
