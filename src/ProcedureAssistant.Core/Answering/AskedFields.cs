using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Which fields of a procedure record a question asks for ("mất bao lâu" → the time limit, "hết bao nhiêu tiền" →
/// the fee), read from cue phrases compared without diacritics, in the order the question names them.
/// </summary>
public static class AskedFields
{
    /// <summary>Section name of the time limit.</summary>
    public const string TimeLimit = "Thời hạn giải quyết";

    /// <summary>Section name of the fee.</summary>
    public const string Fee = "Lệ phí";

    /// <summary>Section name of where and how to file.</summary>
    public const string Channels = "Nơi nộp và cách thức nộp";

    /// <summary>Section name of the documents to file.</summary>
    public const string Documents = "Thành phần hồ sơ";

    /// <summary>Section name of the competent body.</summary>
    public const string Authority = "Cơ quan giải quyết";

    /// <summary>Section name of the legal basis.</summary>
    public const string LegalBasis = "Căn cứ pháp lý";

    /// <summary>Section name of the conditions.</summary>
    public const string Conditions = "Điều kiện";

    /// <summary>Section name of the result.</summary>
    public const string Result = "Kết quả";

    // Cues are written without marks and matched on whole folded syllables, after the same normalisation as the
    // question ("ai ky" is spelled "ai ki" then). "mất" alone is ambiguous (lose / cost), so only its pairs count.
    private static readonly (string Field, string[] Cues)[] Cues = new (string Field, string[] Cues)[]
    {
        (Fee, ["le phi", "phi", "bao nhieu tien", "ton tien", "ton phi", "mat tien", "het bao nhieu", "muc thu"]),
        (TimeLimit, ["bao lau", "may ngay", "thoi han", "bao nhieu ngay", "khi nao co", "bao gio co", "mat bao", "bn ngay", "lau khong", "lau hon", "lau ko"]),
        (Channels, ["o dau", "noi nop", "nop o", "nop dau", "len dau", "xin o", "lam o", "online", "onl", "truc tuyen", "buu dien", "buu chinh", "nop qua", "qua mang"]),
        (Documents, ["giay to", "ho so", "can gi", "can nhung gi", "can j", "mang theo", "mang gi", "chuan bi", "thanh phan", "nop giay gi", "can giay gi", "giay gi", "nhung gi"]),
        (Authority, ["ai giai quyet", "ai cap", "co quan nao", "tham quyen", "cap nao", "ai ky", "ai quyet dinh", "do ai", "ai lam", "phong nao", "ai tang"]),
        (LegalBasis, ["can cu", "van ban nao", "dieu nao", "nghi dinh nao", "luat nao", "khoan nao", "quy dinh tai dau", "quy dinh o dau"]),
        (Conditions, ["dieu kien", "bao nhieu tuoi", "du tuoi", "gioi han tuoi", "do tuoi", "doi tuong", "duoc nhan"]),
        (Result, ["ket qua", "duoc cap giay gi", "nhan duoc gi", "cap giay gi"]),
    }.Select(c => (c.Field, c.Cues.Select(Folded).ToArray())).ToArray();

    /// <summary>The fields the question asks for, in the order its cues appear; empty for a general question.</summary>
    public static IReadOnlyList<string> In(string question) =>
        Matches(question).GroupBy(m => m.Field).OrderBy(g => g.Min(m => m.At)).Select(g => g.Key).ToList();

    /// <summary>
    /// The folded syllables and syllable pairs of the cue phrases found in the question: words about which
    /// field is asked ("mất bao lâu", "lệ phí"), not about which procedure.
    /// </summary>
    public static IReadOnlySet<string> CueTerms(string question) =>
        Matches(question, includeAmountsReceived: true).SelectMany(m => DocumentCatalog.Terms(m.Cue)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// True when the question asks for an amount paid out or owed ("được bao nhiêu tiền một tháng", "mức trợ cấp
    /// là bao nhiêu") rather than for the procedure's fee.
    /// </summary>
    public static bool AsksForAnAmount(string question) =>
        Matches(question, includeAmountsReceived: true).Any(m => m.Field == Fee) && !Matches(question).Any(m => m.Field == Fee);

    private static List<(string Field, int At, string Cue)> Matches(string question, bool includeAmountsReceived = false)
    {
        ArgumentNullException.ThrowIfNull(question);
        var syllables = TextAnalyzer.Syllables(question).Select(VietnameseText.Fold).ToList();
        var folded = " " + string.Join(' ', syllables) + " ";
        var matches = new List<(string Field, int At, string Cue)>();
        foreach (var (field, cues) in Cues)
        {
            foreach (var cue in cues)
            {
                var at = folded.IndexOf(" " + cue + " ", StringComparison.Ordinal);
                if (at >= 0 && (includeAmountsReceived || !(field == Fee && AsksForAnAmountReceived(syllables, cue))))
                {
                    matches.Add((field, at, cue));
                }
            }
        }

        return matches;
    }

    // "mức trợ cấp ... bao nhiêu tiền", "được bao nhiêu tiền một tháng" ask for an amount paid out or owed
    // (a benefit, a contribution, a fine), not for the procedure's fee; only the word "phí" still means the fee.
    private static bool AsksForAnAmountReceived(List<string> syllables, string cue)
    {
        if (cue is "le phi" or "phi")
        {
            return false;
        }

        for (var i = 0; i + 1 < syllables.Count; i++)
        {
            var amountOfSomethingElse = syllables[i] == "muc" && syllables[i + 1] is not ("phi" or "le" or "thu");
            var received = syllables[i] == "duoc" && syllables[i + 1] == "bao";
            if (amountOfSomethingElse || received)
            {
                return true;
            }
        }

        return false;
    }

    private static string Folded(string text) => string.Join(' ', TextAnalyzer.Syllables(text).Select(VietnameseText.Fold));

    /// <summary>True when the field is a figure (time limit, fee) that a record either states or marks unknown.</summary>
    public static bool IsFigure(string field) => field is TimeLimit or Fee;
}
