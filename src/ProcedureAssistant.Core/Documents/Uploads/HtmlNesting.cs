namespace ProcedureAssistant.Core.Documents.Uploads;

/// <summary>
/// How deep an HTML page nests its elements, found by scanning its tags before any parser builds a tree: an HTML
/// parser's work grows with the square of the depth (300,000 nested <c>div</c> held a core for minutes). Elements
/// that never nest (void elements, and those whose end tag may be left out, such as <c>p</c> and <c>li</c>, which a
/// parser closes by itself) do not count; the content of <c>script</c>, <c>style</c> and other raw-text elements is
/// skipped. The count may run a little high on sloppy markup, never low on deep markup.
/// </summary>
internal static class HtmlNesting
{
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        // void
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
        // end tag optional
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rtc", "rp",
        "html", "head", "body",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    /// <summary>Throws through the budget as soon as the page nests deeper than its limit.</summary>
    public static void Check(string html, ExtractionBudget budget)
    {
        var depth = 0;
        var at = 0;
        while ((at = html.IndexOf('<', at)) >= 0 && at + 1 < html.Length)
        {
            budget.Step();
            var next = html[at + 1];
            if (next == '!' && string.CompareOrdinal(html, at, "<!--", 0, 4) == 0)
            {
                at = SkipPast(html, at + 4, "-->");
            }
            else if (next is '!' or '?')
            {
                at = SkipPast(html, at + 2, ">");
            }
            else if (next == '/')
            {
                var name = Name(html, at + 2);
                if (name.Length > 0 && !NotNesting.Contains(name) && depth > 0)
                {
                    depth--;
                }

                at = SkipPast(html, at + 2, ">");
            }
            else if (char.IsAsciiLetter(next))
            {
                var name = Name(html, at + 1);
                var end = TagEnd(html, at + 1 + name.Length);
                var selfClosing = end > 0 && html[end - 1] == '/';
                if (!selfClosing && !NotNesting.Contains(name))
                {
                    budget.Depth(++depth);
                }

                at = end < 0 ? html.Length : end + 1;
                if (RawText.Contains(name) && !selfClosing)
                {
                    var close = html.IndexOf("</" + name, at, StringComparison.OrdinalIgnoreCase);
                    at = close < 0 ? html.Length : close;
                }
            }
            else
            {
                at++;
            }
        }
    }

    private static string Name(string html, int start)
    {
        var end = start;
        while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] is '-' or ':' or '_'))
        {
            end++;
        }

        return html[start..end];
    }

    // The '>' that ends a start tag, skipping attribute values quoted right after their '='; -1 when the tag never ends.
    private static int TagEnd(string html, int start)
    {
        char? quote = null;
        var previous = ' ';
        for (var i = start; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is { } open)
            {
                quote = c == open ? null : quote;
            }
            else if (c is '"' or '\'' && previous == '=')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }

            previous = char.IsWhiteSpace(c) ? previous : c;
        }

        return -1;
    }

    private static int SkipPast(string html, int start, string marker)
    {
        var end = html.IndexOf(marker, start, StringComparison.Ordinal);
        return end < 0 ? html.Length : end + marker.Length;
    }
}
