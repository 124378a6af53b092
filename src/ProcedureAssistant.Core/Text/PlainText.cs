using System.Net;
using System.Text.RegularExpressions;

namespace ProcedureAssistant.Core.Text;

/// <summary>
/// Text without live markup, for what documents hold and what the service returns: entities decoded, HTML elements,
/// comments and processing instructions removed (a <c>script</c> or <c>style</c> element with its content), Markdown
/// links kept only when they point to http(s), and links themselves limited to absolute http(s) URLs. A page that
/// shows the service's text as text, never as HTML, then has nothing to run; this is the defence behind that rule.
/// </summary>
public static partial class PlainText
{
    // Entities may be encoded more than once ("&amp;lt;script&amp;gt;"); a few rounds reach the text itself.
    private const int DecodeRounds = 3;

    /// <summary>The text with entities decoded and tags stripped; unchanged when it holds neither.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('<', '&', ']') < 0)
        {
            return text;
        }

        for (var round = 0; round < DecodeRounds && text.Contains('&', StringComparison.Ordinal); round++)
        {
            var decoded = WebUtility.HtmlDecode(text);
            if (decoded == text)
            {
                break;
            }

            text = decoded;
        }

        text = ScriptOrStyle().Replace(text, string.Empty);
        text = Comment().Replace(text, string.Empty);
        text = Tag().Replace(text, string.Empty);
        text = TagStart().Replace(text, string.Empty); // an unclosed '<script' cut off by a snippet
        return UnsafeLinkTarget().Replace(text, "]");
    }

    /// <summary><see cref="Of(string)"/> of a value that may be missing; null when nothing is left.</summary>
    public static string? OfOptional(string? text) =>
        text is null ? null : Of(text) is { Length: > 0 } plain && !string.IsNullOrWhiteSpace(plain) ? plain : null;

    /// <summary>The URL when it is an absolute http or https URL, else null (<c>javascript:</c>, <c>data:</c>, relative).</summary>
    public static string? HttpUrl(string? url) =>
        url is not null
        && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host)
            ? url.Trim()
            : null;

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<!--.*?(-->|$)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<[a-zA-Z/!?][^<>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"<(?=[a-zA-Z/!?])", RegexOptions.CultureInvariant)]
    private static partial Regex TagStart();

    // "[xem](javascript:alert(1))": the link text stays, a target that is not http(s) goes.
    [GeneratedRegex(@"\]\(\s*(?!https?://)[^)\s]*(\s+""[^""]*"")?\s*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnsafeLinkTarget();
}
