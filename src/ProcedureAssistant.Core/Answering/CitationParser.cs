using System.Text.RegularExpressions;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Finds the <c>[n]</c> source markers in a generated answer, keeps those that point to a source the model was
/// given, and removes the others from the text.
/// </summary>
public static partial class CitationParser
{
    /// <summary>The text with invalid markers removed, and the valid source numbers in order of first use.</summary>
    public static (string Text, IReadOnlyList<int> Cited) Validate(string text, int sourceCount)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cited = new List<int>();
        var cleaned = Marker().Replace(text, match =>
        {
            var valid = match.Groups["numbers"].Value
                .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
                .Select(n => int.TryParse(n, out var value) ? value : 0)
                .Where(n => n >= 1 && n <= sourceCount)
                .Distinct()
                .ToList();
            foreach (var number in valid.Where(n => !cited.Contains(n)))
            {
                cited.Add(number);
            }

            return string.Concat(valid.Select(n => $"[{n}]"));
        });
        cleaned = RepeatedSpaces().Replace(SpaceBeforePunctuation().Replace(cleaned, "$1"), " ");
        return (cleaned, cited);
    }

    [GeneratedRegex(@"\[(?<numbers>\d+(?:\s*[,;]\s*\d+)*)\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"[ \t]+([.,;:])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex RepeatedSpaces();
}
