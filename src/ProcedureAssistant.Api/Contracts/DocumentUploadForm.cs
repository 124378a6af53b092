namespace ProcedureAssistant.Api.Contracts;

/// <summary>
/// The <c>multipart/form-data</c> fields of an upload. Markdown with front matter (<c>.md</c>) and national-portal
/// records (<c>.json</c>) bring their own metadata (an <paramref name="Id"/> or <paramref name="Type"/> given with
/// them must agree); <c>.txt</c>, <c>.html</c>, <c>.htm</c>, <c>.docx</c> and <c>.pdf</c> need at least
/// <paramref name="Type"/> and <paramref name="Title"/>. Read as it streams (see <c>UploadFormReader</c>); this type
/// describes the form in the OpenAPI document.
/// </summary>
/// <param name="File">The document; its extension picks the format and its content must match it.</param>
/// <param name="Id">Lower-case ASCII id (<c>nd-118-2025</c>); derived from the title when absent.</param>
/// <param name="Type"><c>regulation</c>, <c>procedure</c> or <c>guide</c>.</param>
/// <param name="Title">The official name.</param>
/// <param name="Number">A regulation's number exactly as issued (<c>118/2025/NĐ-CP</c>).</param>
/// <param name="Code">A procedure's national code, mã TTHC (<c>1.001193</c>).</param>
/// <param name="Source">The main source link.</param>
/// <param name="Effective">The day it takes effect, <c>YYYY-MM-DD</c>.</param>
public sealed record DocumentUploadForm(
    IFormFile File,
    string? Id = null,
    string? Type = null,
    string? Title = null,
    string? Number = null,
    string? Code = null,
    string? Source = null,
    DateOnly? Effective = null);
