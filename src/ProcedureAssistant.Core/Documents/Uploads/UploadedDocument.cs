namespace ProcedureAssistant.Core.Documents.Uploads;

/// <summary>
/// A document an administrator uploads: the file as received and the metadata given with it. The metadata is
/// used for files that carry none of their own (<c>.txt</c>, <c>.html</c>, <c>.docx</c>, <c>.pdf</c>); a
/// Markdown file or a national-portal record brings its own, and an <see cref="Id"/> or <see cref="Type"/> given
/// with it must agree with the file.
/// </summary>
/// <param name="FileName">The uploaded file's name; its extension picks the format.</param>
/// <param name="Content">The file's bytes.</param>
public sealed record UploadedDocument(string FileName, byte[] Content)
{
    /// <summary>
    /// The document id (lower-case ASCII: <c>nd-118-2025</c>). When absent it is derived from the title
    /// ("Nghị định 118/2025/NĐ-CP" → <c>nghi-dinh-118-2025-nd-cp</c>).
    /// </summary>
    public string? Id { get; init; }

    /// <summary>Regulation, procedure or guide; required for every format but Markdown and JSON.</summary>
    public DocumentType? Type { get; init; }

    /// <summary>The official name; required for every format but Markdown and JSON.</summary>
    public string? Title { get; init; }

    /// <summary>A regulation's number exactly as issued (<c>118/2025/NĐ-CP</c>).</summary>
    public string? Number { get; init; }

    /// <summary>A procedure's national code, mã TTHC (<c>1.001193</c>).</summary>
    public string? Code { get; init; }

    /// <summary>The main source link.</summary>
    public string? Source { get; init; }

    /// <summary>The day the document takes effect, for the answers' in-force check.</summary>
    public DateOnly? Effective { get; init; }
}
