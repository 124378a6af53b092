namespace ProcedureAssistant.Core.Documents.Catalogue;

/// <summary>One row of a catalogue record's document list (thành phần hồ sơ).</summary>
/// <param name="Group">The caption of the table the row is in ("Giấy tờ phải nộp"), or null when the record has one table.</param>
/// <param name="Name">The document, as the portal names it.</param>
/// <param name="Form">The form's file name the portal attaches ("Mẫu số 01.docx"), when it can be told apart from the name.</param>
/// <param name="Originals">How many originals (bản chính).</param>
/// <param name="Copies">How many copies (bản sao).</param>
internal sealed record RequiredDocument(string? Group, string Name, string? Form, int Originals, int Copies);
