using System.Text;
using System.Text.RegularExpressions;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Documents.Uploads;

/// <summary>Document ids as the corpus writes them: lower-case ASCII letters, digits, '-' and '.'.</summary>
internal static partial class DocumentSlug
{
    // Long enough for a full regulation name, short enough for a file name.
    private const int MaxLength = 80;

    /// <summary>"Nghị định 118/2025/NĐ-CP về ..." → "nghi-dinh-118-2025-nd-cp-ve-...", or null when nothing is left.</summary>
    public static string? FromTitle(string title)
    {
        var folded = VietnameseText.Fold(title).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > MaxLength)
        {
            var cut = slug.LastIndexOf('-', MaxLength);
            slug = slug[..(cut > 0 ? cut : MaxLength)];
        }

        return slug.Length == 0 ? null : slug;
    }

    /// <summary>Whether the id can name a corpus file: no separators, no "..", nothing outside ASCII.</summary>
    public static bool IsValid(string id) =>
        id.Length <= 120 && ValidId().IsMatch(id) && !id.Contains("..", StringComparison.Ordinal);

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9.\-]*[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex ValidId();
}
