using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ProcedureAssistant.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ProcedureAssistant.Core.Documents.Uploads;

/// <summary>
/// Writes extracted text as a corpus Markdown file: YAML front matter, the title, then the text with every line
/// that starts a legal unit (Phần, Chương, Mục, Điều) turned into the heading the chunker cuts at.
/// </summary>
internal static partial class LegalMarkdownWriter
{
    /// <summary>A longer line is running text that happens to start with a keyword, not a heading.</summary>
    public const int MaxHeadingLength = 200;

    /// <summary>Writes the file. Front-matter values are emitted double-quoted, so no value can break the YAML.</summary>
    public static string Write(IEnumerable<KeyValuePair<string, string>> frontMatter, string title, IEnumerable<string> lines)
    {
        var markdown = new StringBuilder();
        markdown.Append("---\n").Append(Yaml(frontMatter)).Append("---\n");
        markdown.Append("# ").Append(title).Append("\n\n");
        var body = lines.Select(CleanLine).ToList();
        var paragraphEnded = false;
        var inArticle = false;
        for (var i = 0; i < body.Count; i++)
        {
            var line = body[i];
            if (line.Length == 0)
            {
                paragraphEnded = true;
                continue;
            }

            if (ReadUnit(line) is { } unit)
            {
                var heading = unit.Text;
                var next = NextNonEmpty(body, i + 1);
                if (unit.IsBare && unit.Kind != "Điều" && next >= 0 && IsTitleLine(body[next]))
                {
                    // "CHƯƠNG I" on one line and "QUY ĐỊNH CHUNG" on the next: one heading, so the title is not
                    // left behind as a chunk of its own.
                    heading = $"{unit.Label}. {body[next]}";
                    i = next;
                }

                EndParagraph(markdown);
                markdown.Append(unit.Kind is "Phần" or "Chương" ? "## " : "### ").Append(heading).Append('\n');
                paragraphEnded = false;
                inArticle = unit.Kind == "Điều";
                continue;
            }

            // Inside an article every paragraph is a clause or a point, one line each, which is how the chunker
            // reads and cuts an article; elsewhere a blank line keeps paragraphs apart for cutting long text.
            if (paragraphEnded && !inArticle)
            {
                EndParagraph(markdown);
                paragraphEnded = false;
            }

            // A line of the source that starts with '#' is text, not a Markdown heading.
            markdown.Append(line.StartsWith('#') ? "\\" : string.Empty).Append(line).Append('\n');
        }

        return markdown.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>
    /// NFC; whitespace runs (tabs, no-break spaces) as one space; control characters, soft hyphens, zero-width
    /// spaces and lone surrogates (which extracted text can carry and NFC refuses) dropped; trimmed.
    /// </summary>
    public static string CleanLine(string line)
    {
        // Extracted text is plain text: an entity or a tag in it ("&lt;script&gt;") is not kept as markup.
        line = PlainText.Of(line);
        var builder = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]))
            {
                builder.Append(c).Append(line[++i]);
            }
            else if (!char.IsControl(c) && !char.IsSurrogate(c) && c is not ('\u00AD' or '\u200B' or '\uFEFF'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().TrimEnd().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Reads a line that starts a legal unit: the keyword (capitalised, with or without its diacritics, in any
    /// case: "Điều", "ĐIỀU", "Dieu"), a number or roman numeral, then for an article a '.', and for the others
    /// nothing, punctuation or an upper-case title. Returns the unit with its keyword written as the chunker
    /// expects it ("Điều 2. Đối tượng áp dụng"), or null for any other line.
    /// </summary>
    internal static LegalUnit? ReadUnit(string line)
    {
        if (line.Length > MaxHeadingLength)
        {
            return null;
        }

        var match = UnitStart().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var kind = VietnameseText.Fold(match.Groups["kind"].Value).ToUpperInvariant() switch
        {
            "PHAN" => "Phần",
            "CHUONG" => "Chương",
            "MUC" => "Mục",
            "DIEU" => "Điều",
            _ => null,
        };
        if (kind is null)
        {
            return null;
        }

        // Lines are cleaned, so a rest that starts with a space has text after it.
        var rest = match.Groups["rest"].Value;
        var afterSpace = rest.TrimStart(' ');
        var fits = kind == "Điều"
            ? rest.StartsWith('.')
            : rest.Length == 0 || rest[0] is '.' or ':'
                || (rest[0] == ' ' && (afterSpace[0] is '-' or '–' or '—' or ':' || char.IsUpper(afterSpace[0])));
        if (!fits)
        {
            return null;
        }

        var label = $"{kind} {match.Groups["number"].Value}";
        var isBare = rest.TrimStart(' ', '.', ':', '-', '–', '—').Length == 0;
        return new LegalUnit(kind, label, label + rest, isBare);
    }

    private static bool IsTitleLine(string line) =>
        line.Length <= MaxHeadingLength && ReadUnit(line) is null && line.Any(char.IsLetter) && !line.Any(char.IsLower);

    private static int NextNonEmpty(List<string> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (lines[i].Length > 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static void EndParagraph(StringBuilder markdown)
    {
        if (markdown.Length > 0 && markdown[^1] == '\n' && (markdown.Length < 2 || markdown[^2] != '\n'))
        {
            markdown.Append('\n');
        }
    }

    private static string Yaml(IEnumerable<KeyValuePair<string, string>> values)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(writer, bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));
        foreach (var (key, value) in values)
        {
            emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, key, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
            emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true));
        }

        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    // The keyword is checked after folding, so "Điều", "ĐIỀU" and "Dieu" all pass; the number ends at a non-letter.
    [GeneratedRegex(@"^(?<kind>\p{Lu}\p{L}*)\s+(?<number>[0-9]+[a-z]?|[IVXLC]+)(?<rest>(?![\p{L}0-9]).*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex UnitStart();
}
