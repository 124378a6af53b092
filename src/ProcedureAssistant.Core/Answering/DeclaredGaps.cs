using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// The corpus' own statements that something is not known. Corpus files write "Chưa có thông tin chính thức"
/// (corpus/README.md) rather than invent a figure, often as "Mức trợ cấp: Chưa có thông tin chính thức ...";
/// a question asking for such an item must be told it is not known, not be given the rest of the record.
/// </summary>
internal static class DeclaredGaps
{
    // Folded phrases that state a gap; compared on whole syllables.
    private static readonly string[] Markers =
    [
        "chua co thong tin", "chua co trong kho", "chua tim thay", "chua ro", "chua tong hop", "chua duoc tong hop",
        "khong co trong kho",
    ];

    /// <summary>True when the line (a bullet, a sentence or a whole field) only says the information is not available.</summary>
    public static bool IsGap(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var value = line.TrimStart('-', '*', ' ');
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && StartsWithMarker(value[(colon + 1)..]))
        {
            // "Mẫu cụ thể: Chưa có ..." after a sentence that does say something is not a gap as a whole.
            return !value[..colon].Contains(". ", StringComparison.Ordinal);
        }

        return StartsWithMarker(value);
    }

    /// <summary>True when every non-empty line of the text is a gap.</summary>
    public static bool IsAllGaps(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 0 && lines.All(IsGap);
    }

    /// <summary>
    /// What each gap of the text is about: the label before "…: Chưa có thông tin", or, for a sentence such as
    /// "Kho dữ liệu này chưa tổng hợp danh sách các nhiệm vụ này", the sentence itself.
    /// </summary>
    public static IEnumerable<string> Subjects(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var sentence in text.Split(['\n', '.', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var value = sentence.TrimStart('-', '*', ' ');
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && StartsWithMarker(value[(colon + 1)..]))
            {
                yield return value[..colon];
            }
            else if (colon < 0 && ContainsMarker(value))
            {
                yield return value;
            }
        }
    }

    private static bool StartsWithMarker(string text)
    {
        var folded = Folded(text);
        return Markers.Any(m => folded.StartsWith(" " + m + " ", StringComparison.Ordinal));
    }

    private static bool ContainsMarker(string text)
    {
        var folded = Folded(text);
        return Markers.Any(m => folded.Contains(" " + m + " ", StringComparison.Ordinal));
    }

    private static string Folded(string text) => " " + string.Join(' ', TextAnalyzer.Syllables(text).Select(VietnameseText.Fold)) + " ";
}
