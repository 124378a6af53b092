using System.IO.Compression;
using System.Text;
using System.Xml;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace ProcedureAssistant.Core.Documents.Uploads;

/// <summary>
/// Takes the text out of an uploaded file as lines, in reading order, within an <see cref="ExtractionBudget"/>: a
/// Word package is checked before it is opened and its main part read as a stream of XML, never loaded whole; an
/// HTML page's nesting is measured before it is parsed. An empty line marks the end of a paragraph (or of a PDF text
/// block); the lines themselves are not yet trimmed or normalised.
/// </summary>
internal static class UploadTextExtractor
{
    private const string WordMain = "word/document.xml";
    private const string Wordprocessing = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string WordprocessingStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    private const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    // Parts smaller than this may compress as well as they like (a run of identical bytes in a small XML part).
    private const long RatioCheckedFrom = 1024 * 1024;
    // Elements whose text is never shown to a reader.
    private static readonly HashSet<string> HiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
    };

    // Elements that start a new line when rendered.
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "legend", "li", "main", "nav", "ol", "p", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    };

    /// <summary>Plain text: one line per line.</summary>
    public static List<string> FromText(string text, ExtractionBudget budget)
    {
        budget.Characters(text.Length);
        return Lines(text);
    }

    private static List<string> Lines(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')];

    /// <summary>HTML: the body's text, one line per block element or <c>&lt;br&gt;</c>; scripts and styles dropped.</summary>
    public static List<string> FromHtml(string html, ExtractionBudget budget)
    {
        HtmlNesting.Check(html, budget);
        budget.CancellationToken.ThrowIfCancellationRequested();
        using var document = new HtmlParser().ParseDocument(html);
        var lines = new List<string>();
        var line = new StringBuilder();
        if (document.Body is { } body)
        {
            WalkHtml(body, line, lines, budget);
        }

        EndLine(line, lines);
        return lines;
    }

    /// <summary>
    /// DOCX: the main document's paragraphs (table cells and text boxes included) in order, one line each, read as a
    /// stream; the package's parts are checked against the limits first. Markup-compatibility fallbacks (the same
    /// text box again, for older readers) are skipped.
    /// </summary>
    /// <exception cref="InvalidDataException">The package cannot be read as a Word document.</exception>
    /// <exception cref="UploadLimitExceededException">The package or its text passes a limit.</exception>
    public static List<string> FromDocx(byte[] content, ExtractionBudget budget)
    {
        using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        CheckPackage(archive, budget.Limits);
        var main = archive.GetEntry(WordMain) ?? throw new InvalidDataException($"the package has no {WordMain}");
        using var part = new BoundedReadStream(main.Open(), budget.Limits.MaxUncompressedBytes);
        using var reader = XmlReader.Create(part, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        });

        var paragraphs = new List<StringBuilder>();
        var open = new Stack<StringBuilder>();
        var elements = new Stack<string>();
        var inText = false;
        var chunk = new char[4096];
        var more = reader.Read();
        while (more)
        {
            budget.Step();
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.NamespaceURI == MarkupCompatibility && reader.LocalName == "Fallback":
                    reader.Skip();
                    more = !reader.EOF;
                    continue;
                case XmlNodeType.Element:
                    budget.Depth(reader.Depth);
                    var isWord = reader.NamespaceURI is Wordprocessing or WordprocessingStrict;
                    var parent = elements.Count > 0 ? elements.Peek() : string.Empty;
                    if (isWord && reader.LocalName == "p")
                    {
                        var paragraph = new StringBuilder();
                        paragraphs.Add(paragraph);
                        if (!reader.IsEmptyElement)
                        {
                            open.Push(paragraph);
                        }
                    }
                    else if (isWord && open.Count > 0 && parent == "r")
                    {
                        switch (reader.LocalName)
                        {
                            case "t":
                                inText = !reader.IsEmptyElement;
                                break;
                            case "tab":
                                open.Peek().Append(' ');
                                break;
                            case "br" or "cr":
                                open.Peek().Append('\n');
                                break;
                        }
                    }

                    if (!reader.IsEmptyElement)
                    {
                        elements.Push(isWord ? reader.LocalName : string.Empty);
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when inText:
                    // A text node may be a gigabyte long: it is read in chunks and charged as it comes.
                    int read;
                    while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        budget.Characters(read);
                        open.Peek().Append(chunk, 0, read);
                    }

                    break;
                case XmlNodeType.EndElement:
                    var closed = elements.Count > 0 ? elements.Pop() : string.Empty;
                    if (closed == "t")
                    {
                        inText = false;
                    }
                    else if (closed == "p" && open.Count > 0)
                    {
                        open.Pop();
                    }

                    break;
            }

            more = reader.Read();
        }

        var lines = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            lines.AddRange(paragraph.ToString().Split('\n'));
            lines.Add(string.Empty);
        }

        return lines;
    }

    /// <summary>
    /// Checks a package's directory before any part is inflated: how many parts, their total size once inflated,
    /// and how much each large part claims to expand. A part that inflates beyond what it declares is stopped by
    /// the runtime's own check, and in any case by the <see cref="BoundedReadStream"/> it is read through.
    /// </summary>
    private static void CheckPackage(ZipArchive archive, UploadLimits limits)
    {
        if (archive.Entries.Count > limits.MaxEntries)
        {
            throw new UploadLimitExceededException(nameof(UploadLimits.MaxEntries), limits.MaxEntries, $"the package holds {archive.Entries.Count:N0} parts, more than {limits.MaxEntries:N0} ({UploadLimits.SettingName(nameof(UploadLimits.MaxEntries))})");
        }

        long total = 0;
        foreach (var entry in archive.Entries)
        {
            total += entry.Length;
            if (total > limits.MaxUncompressedBytes)
            {
                throw new UploadLimitExceededException(nameof(UploadLimits.MaxUncompressedBytes), limits.MaxUncompressedBytes, $"the package inflates to more than {limits.MaxUncompressedBytes:N0} bytes ({UploadLimits.SettingName(nameof(UploadLimits.MaxUncompressedBytes))})");
            }

            if (entry.Length >= RatioCheckedFrom && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
            {
                throw new UploadLimitExceededException(nameof(UploadLimits.MaxCompressionRatio), limits.MaxCompressionRatio, $"the part '{entry.FullName}' inflates {entry.Length / Math.Max(entry.CompressedLength, 1):N0} times its compressed size, more than {limits.MaxCompressionRatio} ({UploadLimits.SettingName(nameof(UploadLimits.MaxCompressionRatio))}): it is not a document a word processor wrote");
            }
        }
    }

    /// <summary>PDF: every page's text lines in reading order (text blocks found by Docstrum, then ordered).</summary>
    /// <exception cref="InvalidDataException">The file cannot be read as a PDF (damaged or encrypted).</exception>
    public static List<string> FromPdf(byte[] content, ExtractionBudget budget)
    {
        var lines = new List<string>();
        try
        {
            using var document = PdfDocument.Open(content);
            foreach (var page in document.GetPages())
            {
                budget.CancellationToken.ThrowIfCancellationRequested();
                budget.Characters(page.Letters.Count);
                var words = NearestNeighbourWordExtractor.Instance.GetWords(page.Letters);
                var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
                foreach (var block in UnsupervisedReadingOrderDetector.Instance.Get(blocks))
                {
                    lines.AddRange(block.TextLines.Select(textLine => textLine.Text));
                    lines.Add(string.Empty);
                }
            }
        }
        catch (Exception ex) when (ex is not InvalidDataException and not OutOfMemoryException and not OperationCanceledException and not UploadLimitExceededException)
        {
            // PdfPig reports damaged and encrypted files with several exception types of its own.
            throw new InvalidDataException(ex.Message, ex);
        }

        return lines;
    }

    private static void WalkHtml(INode node, StringBuilder line, List<string> lines, ExtractionBudget budget)
    {
        budget.Step();
        switch (node)
        {
            case IText text:
                budget.Characters(text.Data.Length);

                // Line breaks in HTML source are spaces to a reader.
                foreach (var c in text.Data)
                {
                    line.Append(char.IsWhiteSpace(c) ? ' ' : c);
                }

                break;
            case IElement element when HiddenElements.Contains(element.LocalName):
                break;
            case IElement { LocalName: "br" }:
                EndLine(line, lines);
                break;
            case IElement { LocalName: "pre" } pre:
                EndParagraph(line, lines);
                lines.AddRange(FromText(pre.TextContent, budget));
                lines.Add(string.Empty);
                break;
            case IElement element:
                var isBlock = BlockElements.Contains(element.LocalName);
                if (isBlock)
                {
                    EndParagraph(line, lines);
                }
                else if (element.LocalName is "td" or "th")
                {
                    line.Append(' '); // cells of a row stay on the row's line
                }

                foreach (var child in element.ChildNodes)
                {
                    WalkHtml(child, line, lines, budget);
                }

                if (isBlock)
                {
                    EndParagraph(line, lines);
                }

                break;
        }
    }

    private static void EndLine(StringBuilder line, List<string> lines)
    {
        lines.Add(line.ToString());
        line.Clear();
    }

    private static void EndParagraph(StringBuilder line, List<string> lines)
    {
        EndLine(line, lines);
        lines.Add(string.Empty);
    }
}
