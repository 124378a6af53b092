using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Questions;
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
        "khong co trong kho", "ban ghi khong co thong tin",
    ];

    // Words around a marker that refer to the corpus or qualify the statement, not the missing item.
    private static readonly string[][] SelfReference =
        [.. new[] { "trong kho du lieu nay", "trong kho du lieu", "kho du lieu nay", "kho du lieu", "du lieu nay", "du lieu", "chinh thuc", "ve" }.Select(r => r.Split(' '))];

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

    /// <summary>
    /// The list a question asks for (<see cref="QuestionReading.AsksForAList"/>) that the text marks unknown ("Danh sách
    /// 32 nhiệm vụ này: chưa có thông tin chính thức", for "liệt kê giúp 32 nhiệm vụ chuyển lên tỉnh"): a gap whose
    /// subject is a list ("Danh sách …", "Danh mục …") of the things the question names (the two words after the list
    /// word, past a number or "chi tiết", "đầy đủ", "các": "nhiệm vụ", "nghị định"). Null when there is none. A passage
    /// stating how many there are, or what they are about, does not give the list, so the answer says what it does
    /// and then that the list is not known.
    /// </summary>
    public static string? AskedList(CorpusDocument document, QuestionReading reading)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(reading);
        if (!reading.AsksForAList)
        {
            return null;
        }

        // Of several, the one that shares most words with the question ("32 nhiệm vụ" is "Danh sách 32 nhiệm vụ này",
        // not "Danh sách đầy đủ các nhiệm vụ còn lại").
        var words = TextAnalyzer.Syllables(reading.Text).Select(VietnameseText.Fold).ToList();
        var question = " " + string.Join(' ', words) + " ";
        return Find(document.Body).Select(g => g.Subject)
            .Where(subject => ListedThings(subject) is { } things && question.Contains(" " + things + " ", StringComparison.Ordinal))
            .OrderByDescending(subject => TextAnalyzer.Syllables(subject).Select(VietnameseText.Fold).Distinct(StringComparer.Ordinal).Count(words.Contains))
            .FirstOrDefault();
    }

    // The words that qualify a list without saying what it lists (folded).
    private static readonly HashSet<string> ListQualifiers = new(["chi", "tiet", "day", "du", "cu", "the", "cac", "nhung", "tung"], StringComparer.Ordinal);

    // What a list subject lists: the two words after its opening "Danh sách" or "Danh mục", past numbers and qualifiers
    // ("Danh sách chi tiết các nhiệm vụ" → "nhiem vu"); null for a subject that is not a list.
    private static string? ListedThings(string subject)
    {
        var words = TextAnalyzer.Syllables(subject).Select(VietnameseText.Fold).ToList();
        if (words.Count < 4 || words[0] != "danh" || words[1] is not ("sach" or "muc"))
        {
            return null;
        }

        var things = words.Skip(2).SkipWhile(w => ListQualifiers.Contains(w) || w.All(char.IsDigit)).Take(2).ToList();
        return things.Count == 2 ? string.Join(' ', things) : null;
    }

    /// <summary>True when every non-empty line of the text is a gap.</summary>
    public static bool IsAllGaps(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 0 && lines.All(IsGap);
    }

    /// <summary>
    /// The gaps of the text, each with the line that states it. What a gap is about is the label before
    /// "…: Chưa có thông tin", or, for a sentence such as "Kho dữ liệu này chưa tổng hợp danh sách các nhiệm vụ
    /// này", the sentence without the statement and the corpus' reference to itself ("danh sách các nhiệm vụ
    /// này"): those words say that something is missing, not what.
    /// </summary>
    public static IEnumerable<DeclaredGap> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var sentence in line.Split(['.', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var value = sentence.TrimStart('-', '*', ' ');
                var colon = value.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && StartsWithMarker(value[(colon + 1)..]))
                {
                    yield return new DeclaredGap(value[..colon], line);
                }
                else if (colon < 0 && ItemOfStatement(value) is { } item)
                {
                    yield return new DeclaredGap(item, line);
                }
            }
        }
    }

    // "Nghị quyết về mức thu của tỉnh chưa có trong kho dữ liệu" → "Nghị quyết về mức thu của tỉnh"; null when
    // the sentence states no gap or names nothing beside the statement ("Chưa có thông tin chính thức trong kho").
    private static string? ItemOfStatement(string sentence)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var folded = words.Select(w => VietnameseText.Fold(string.Join(' ', TextAnalyzer.Syllables(w)))).ToArray();
        foreach (var marker in Markers.Select(m => m.Split(' ')))
        {
            for (var start = 0; start + marker.Length <= folded.Length; start++)
            {
                if (!folded.AsSpan(start, marker.Length).SequenceEqual(marker))
                {
                    continue;
                }

                var before = start - SelfReferenceLength(folded[..start], leading: false);
                var after = start + marker.Length + SelfReferenceLength(folded[(start + marker.Length)..], leading: true);
                var item = string.Join(' ', words[..before].Concat(words[after..])).Trim(' ', ',', '(', ')');
                return item.Length > 0 ? item : null;
            }
        }

        return null;
    }

    // How many of the leading (or trailing) words are the statement's own: "chính thức", "trong kho dữ liệu này",
    // "về" after the marker, "Kho dữ liệu này" before it.
    private static int SelfReferenceLength(string[] folded, bool leading)
    {
        var taken = 0;
        while (SelfReference.FirstOrDefault(r => leading ? folded.AsSpan(taken).StartsWith(r) : folded.AsSpan(0, folded.Length - taken).EndsWith(r)) is { } reference)
        {
            taken += reference.Length;
        }

        return taken;
    }

    private static bool StartsWithMarker(string text)
    {
        var folded = Folded(text);
        return Markers.Any(m => folded.StartsWith(" " + m + " ", StringComparison.Ordinal));
    }

    private static string Folded(string text) => " " + string.Join(' ', TextAnalyzer.Syllables(text).Select(VietnameseText.Fold)) + " ";
}
