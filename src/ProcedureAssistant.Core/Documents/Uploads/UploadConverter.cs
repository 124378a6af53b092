using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Documents.Uploads;

/// <summary>
/// Turns an administrator's upload into a corpus file. Markdown with front matter (<c>.md</c>) and
/// national-portal procedure records (<c>.json</c>) are checked by their parsers and stored as they are; plain
/// text (<c>.txt</c>), web pages (<c>.html</c>, <c>.htm</c>), Word documents (<c>.docx</c>) and PDFs
/// (<c>.pdf</c>) have their text extracted and written as Markdown, with front matter built from the upload's
/// metadata and headings for the legal units (Phần, Chương, Mục, Điều) the chunker cuts at. The format comes
/// from the extension and must match the content. Text never carries markup: entities are decoded and tags
/// stripped, and a source link must be http(s). The work is bounded by <see cref="UploadLimits"/> (characters,
/// nesting, the Word package's parts, chunks, time) and stops when the caller's token is cancelled. The caller
/// enforces the file's size limit.
/// </summary>
public sealed partial class UploadConverter(MarkdownDocumentParser markdown, LegalStructureChunker? chunker = null, IOptions<UploadLimits>? limits = null)
{
    private readonly UploadLimits _limits = limits?.Value ?? new UploadLimits();

    /// <summary>The file extensions an upload may have.</summary>
    public static IReadOnlyList<string> AcceptedExtensions { get; } = [".md", ".json", ".txt", ".html", ".htm", ".docx", ".pdf"];

    /// <summary>Checks and converts one upload, within <see cref="UploadLimits"/>.</summary>
    /// <exception cref="DocumentParseException">
    /// The format is not accepted, the file is empty, its content does not match its extension, required metadata
    /// is missing, or the file does not parse; <see cref="DocumentParseException.Reason"/> says which.
    /// </exception>
    /// <exception cref="UploadLimitExceededException">The upload passes a limit; <see cref="UploadLimitExceededException.Limit"/> names it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ConvertedUpload Convert(UploadedDocument upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_limits.ConversionSeconds));
        try
        {
            var converted = Convert(upload, new ExtractionBudget(_limits, timeout.Token));
            timeout.Token.ThrowIfCancellationRequested();
            return converted;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UploadLimitExceededException(
                nameof(UploadLimits.ConversionSeconds),
                _limits.ConversionSeconds,
                $"converting the file took longer than {_limits.ConversionSeconds} s ({UploadLimits.SettingName(nameof(UploadLimits.ConversionSeconds))})",
                ex);
        }
    }

    private ConvertedUpload Convert(UploadedDocument upload, ExtractionBudget budget)
    {
        var name = BareName(upload.FileName);
        var extension = Path.GetExtension(name);
        var format = AcceptedExtensions.FirstOrDefault(accepted => accepted.Equals(extension, StringComparison.OrdinalIgnoreCase));
        if (format is null)
        {
            var shown = extension.Length == 0 ? "files without an extension" : $"'{extension}' files";
            throw new DocumentParseException(name, $"{shown} are not accepted; upload one of {string.Join(", ", AcceptedExtensions)}") { IsUnsupportedType = true };
        }

        var content = upload.Content ?? [];
        if (content.Length == 0)
        {
            throw new DocumentParseException(name, "the file is empty");
        }

        var converted = format switch
        {
            ".md" => StoreAsIs(name, upload, format, markdown.Parse(name, Text(name, format, content, budget))),
            ".json" => StoreAsIs(name, upload, format, NationalPortalRecordParser.Parse(name, Text(name, format, content, budget))),
            ".txt" => Generate(name, format, upload, () => UploadTextExtractor.FromText(PlainTextFile(name, format, content), budget)),
            ".html" or ".htm" => Generate(name, format, upload, () => UploadTextExtractor.FromHtml(Html(name, format, content), budget)),
            ".docx" => Generate(name, format, upload, () => Docx(name, format, content, budget)),
            _ => Generate(name, format, upload, () => Pdf(name, format, content, budget)),
        };
        CheckChunks(converted.Document);
        return converted;
    }

    // The chunker's cut of the document is what the index will hold: too many chunks is too large a document.
    private void CheckChunks(CorpusDocument document)
    {
        if (chunker is not null && chunker.Split(document).Count is var chunks && chunks > _limits.MaxChunks)
        {
            throw new UploadLimitExceededException(
                nameof(UploadLimits.MaxChunks),
                _limits.MaxChunks,
                $"the document would be cut into {chunks:N0} chunks, more than {_limits.MaxChunks:N0} ({UploadLimits.SettingName(nameof(UploadLimits.MaxChunks))}); split it into several documents");
        }
    }

    private static ConvertedUpload StoreAsIs(string name, UploadedDocument upload, string extension, CorpusDocument document)
    {
        if (!DocumentSlug.IsValid(document.Id))
        {
            throw new DocumentParseException(name, $"the id '{document.Id}' cannot name a corpus file: use lower-case ASCII letters, digits, '-' and '.'");
        }

        if (upload.Id is { } id && !string.IsNullOrWhiteSpace(id) && id.Trim() != document.Id)
        {
            throw new DocumentParseException(name, $"the upload gives the id '{id.Trim()}' but the file says '{document.Id}'") { Field = "id" };
        }

        if (upload.Type is { } type && type != document.Type)
        {
            throw new DocumentParseException(name, $"the upload gives the type '{TypeName(type)}' but the file says '{TypeName(document.Type)}'") { Field = "type" };
        }

        var fileName = document.Id + extension;
        return new ConvertedUpload(fileName, upload.Content, document with { SourcePath = fileName });
    }

    private ConvertedUpload Generate(string name, string extension, UploadedDocument upload, Func<List<string>> extract)
    {
        var type = upload.Type
            ?? throw new DocumentParseException(name, $"a {extension} file carries no metadata: give its type (regulation, procedure or guide)") { Field = "type" };
        var title = Clean(upload.Title)
            ?? throw new DocumentParseException(name, $"a {extension} file carries no metadata: give its title") { Field = "title" };
        if (upload.Id is { } given && given.Any(char.IsControl))
        {
            throw new DocumentParseException(name, "the id holds a control character (a NUL, a line break): give it as lower-case ASCII letters, digits, '-' and '.'") { Field = "id" };
        }

        var id = Clean(upload.Id) ?? DocumentSlug.FromTitle(title)
            ?? throw new DocumentParseException(name, $"no id can be made from the title '{title}': give one") { Field = "id" };
        if (!DocumentSlug.IsValid(id))
        {
            throw new DocumentParseException(name, $"the id '{id}' is not lower-case ASCII letters, digits, '-' and '.' (like nd-118-2025)") { Field = "id" };
        }

        var lines = extract();
        if (lines.All(string.IsNullOrWhiteSpace))
        {
            var hint = extension == ".pdf" ? " (a scanned PDF has no text layer: run OCR first)" : string.Empty;
            throw new DocumentParseException(name, "no text could be extracted" + hint);
        }

        List<KeyValuePair<string, string>> frontMatter = [new("id", id), new("type", TypeName(type)), new("title", title)];
        AddIfPresent(frontMatter, "number", upload.Number);
        AddIfPresent(frontMatter, "code", upload.Code);
        if (Clean(upload.Source) is { } source)
        {
            frontMatter.Add(new("source", PlainText.HttpUrl(source)
                ?? throw new DocumentParseException(name, $"the source '{source}' is not an absolute http(s) URL") { Field = "source" }));
        }
        if (upload.Effective is { } effective)
        {
            frontMatter.Add(new("effective", effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        var fileName = id + ".md";
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(LegalMarkdownWriter.Write(frontMatter, title, lines));
        try
        {
            return new ConvertedUpload(fileName, bytes, markdown.Parse(fileName, bytes));
        }
        catch (DocumentParseException ex)
        {
            throw new DocumentParseException(name, $"the Markdown made from it does not parse: {ex.Reason}", ex);
        }
    }

    // Markdown and JSON are text: a binary file renamed to either is refused before its parser sees it.
    private static byte[] Text(string name, string extension, byte[] content, ExtractionBudget budget)
    {
        RefuseBinary(name, extension, content);
        budget.Characters(content.Length); // UTF-8: never fewer bytes than characters
        return content;
    }

    private static string PlainTextFile(string name, string extension, byte[] content)
    {
        var text = Utf8(name, extension, content);
        return UploadContent.Describe(content) == "an HTML page"
            ? throw Mismatch(name, extension, "it is an HTML page; upload it as .html")
            : text;
    }

    private static string Html(string name, string extension, byte[] content)
    {
        var html = Utf8(name, extension, content);
        return HtmlTag().IsMatch(html) ? html : throw Mismatch(name, extension, "it has no HTML tags (it looks like plain text)");
    }

    private static List<string> Docx(string name, string extension, byte[] content, ExtractionBudget budget)
    {
        if (!UploadContent.IsZip(content))
        {
            throw Mismatch(name, extension, $"a Word document is a ZIP package and this is {UploadContent.Describe(content)}");
        }

        if (!UploadContent.IsWordPackage(content))
        {
            throw Mismatch(name, extension, "the ZIP package has no word/document.xml");
        }

        try
        {
            return UploadTextExtractor.FromDocx(content, budget);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException or XmlException)
        {
            throw new DocumentParseException(name, $"the Word document cannot be read: {ex.Message}", ex);
        }
    }

    private static List<string> Pdf(string name, string extension, byte[] content, ExtractionBudget budget)
    {
        if (!UploadContent.IsPdf(content))
        {
            throw Mismatch(name, extension, $"it does not start with %PDF (it looks like {UploadContent.Describe(content)})");
        }

        try
        {
            return UploadTextExtractor.FromPdf(content, budget);
        }
        catch (InvalidDataException ex)
        {
            throw new DocumentParseException(name, $"the PDF cannot be read (damaged or encrypted): {ex.Message}", ex);
        }
    }

    private static string Utf8(string name, string extension, byte[] content)
    {
        RefuseBinary(name, extension, content);
        return UploadContent.DecodeUtf8(content)
            ?? throw new DocumentParseException(name, "the file is not valid UTF-8 text; save it as UTF-8");
    }

    private static void RefuseBinary(string name, string extension, byte[] content)
    {
        if (UploadContent.IsPdf(content) || UploadContent.IsZip(content) || UploadContent.IsBinary(content))
        {
            throw Mismatch(name, extension, $"it is {UploadContent.Describe(content)}, not text");
        }
    }

    private static DocumentParseException Mismatch(string name, string extension, string why) =>
        new(name, $"the content does not match the {extension} extension: {why}") { IsUnsupportedType = true };

    private static void AddIfPresent(List<KeyValuePair<string, string>> frontMatter, string key, string? value)
    {
        if (Clean(value) is { } clean)
        {
            frontMatter.Add(new(key, clean));
        }
    }

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : LegalMarkdownWriter.CleanLine(value);

    private static string TypeName(DocumentType type) => type switch
    {
        DocumentType.Regulation => "regulation",
        DocumentType.Procedure => "procedure",
        _ => "guide",
    };

    // Browsers may send a full client path ("C:\fakepath\nd-118.pdf"): only the name is kept.
    private static string BareName(string? fileName)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim();
        return name.Length == 0 ? "upload" : name;
    }

    [GeneratedRegex(@"<(?:[a-zA-Z][a-zA-Z0-9]*[\s/>]|!--|!doctype)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();
}
