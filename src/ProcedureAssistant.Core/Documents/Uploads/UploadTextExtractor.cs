using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace ProcedureAssistant.Core.Documents.Uploads;

/// <summary>
/// Takes the text out of an uploaded file as lines, in reading order. An empty line marks the end of a
/// paragraph (or of a PDF text block); the lines themselves are not yet trimmed or normalised.
/// </summary>
internal static class UploadTextExtractor
{
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
    public static List<string> FromText(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')];

    /// <summary>HTML: the body's text, one line per block element or <c>&lt;br&gt;</c>; scripts and styles dropped.</summary>
    public static List<string> FromHtml(string html)
    {
        using var document = new HtmlParser().ParseDocument(html);
        var lines = new List<string>();
        var line = new StringBuilder();
        if (document.Body is { } body)
        {
            WalkHtml(body, line, lines);
        }

        EndLine(line, lines);
        return lines;
    }

    /// <summary>DOCX: the main document's paragraphs (table cells included) in order, one line each.</summary>
    /// <exception cref="InvalidDataException">The package cannot be read as a Word document.</exception>
    public static List<string> FromDocx(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body
            ?? throw new InvalidDataException("the package has no main document body");

        var lines = new List<string>();
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            var text = new StringBuilder();
            foreach (var element in paragraph.Descendants())
            {
                // A text box nests paragraphs inside a run; they are read as paragraphs of their own.
                if (element.Ancestors<Paragraph>().FirstOrDefault() != paragraph)
                {
                    continue;
                }

                switch (element)
                {
                    case WordText run:
                        text.Append(run.Text);
                        break;
                    case TabChar:
                        text.Append(' ');
                        break;
                    case Break or CarriageReturn:
                        text.Append('\n');
                        break;
                }
            }

            lines.AddRange(text.ToString().Split('\n'));
            lines.Add(string.Empty);
        }

        return lines;
    }

    /// <summary>PDF: every page's text lines in reading order (text blocks found by Docstrum, then ordered).</summary>
    /// <exception cref="InvalidDataException">The file cannot be read as a PDF (damaged or encrypted).</exception>
    public static List<string> FromPdf(byte[] content)
    {
        var lines = new List<string>();
        try
        {
            using var document = PdfDocument.Open(content);
            foreach (var page in document.GetPages())
            {
                var words = NearestNeighbourWordExtractor.Instance.GetWords(page.Letters);
                var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
                foreach (var block in UnsupervisedReadingOrderDetector.Instance.Get(blocks))
                {
                    lines.AddRange(block.TextLines.Select(textLine => textLine.Text));
                    lines.Add(string.Empty);
                }
            }
        }
        catch (Exception ex) when (ex is not InvalidDataException and not OutOfMemoryException)
        {
            // PdfPig reports damaged and encrypted files with several exception types of its own.
            throw new InvalidDataException(ex.Message, ex);
        }

        return lines;
    }

    private static void WalkHtml(INode node, StringBuilder line, List<string> lines)
    {
        switch (node)
        {
            case IText text:
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
                lines.AddRange(FromText(pre.TextContent));
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
                    WalkHtml(child, line, lines);
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
