using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// The offline answer, composed from the sources without a model: for a procedure, a checklist of the record's
/// fields (the one the question asks about first); for a regulation or guide, the most relevant clause quoted
/// with its path; then notes on validity in time.
/// </summary>
public sealed class ExtractiveAnswerer(IOptions<AnsweringOptions> options, TimeProvider time)
{
    /// <summary>The id of the guide that explains where the former district-level tasks went, when the corpus has it.</summary>
    public const string DistrictLevelGuideId = "guide-cap-huyen-sau-01-7-2025";

    private static readonly DateOnly TwoTierStart = new(2025, 7, 1);

    // Question cues (written without marks, compared on folded text) → the procedure field they ask for.
    private static readonly (string[] Cues, string Field)[] FieldCues =
    [
        (["le phi", "phi", "bao nhieu tien", "ton tien", "mat tien", "het bao nhieu"], "Lệ phí"),
        (["bao lau", "may ngay", "thoi han", "bao nhieu ngay", "khi nao co", "mat bao"], "Thời hạn giải quyết"),
        (["o dau", "noi nop", "nop o", "online", "truc tuyen", "vneid", "buu dien", "nop qua"], "Nơi nộp và cách thức nộp"),
        (["giay to", "ho so", "can gi", "can nhung gi", "mang theo", "chuan bi"], "Thành phần hồ sơ"),
        (["ai giai quyet", "ai cap", "co quan nao", "tham quyen", "cap nao", "ai ky"], "Cơ quan giải quyết"),
        (["can cu", "van ban nao", "dieu nao", "nghi dinh nao", "luat nao"], "Căn cứ pháp lý"),
    ];

    /// <summary>The answer text, with <c>[n]</c> markers into <see cref="Evidence.Sources"/>, and the numbers it cites.</summary>
    public (string Text, IReadOnlyList<int> Cited) Compose(string question, Persona persona, Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var text = new StringBuilder();
        var top = evidence.Sources[0];
        var document = evidence.Documents.GetValueOrDefault(top.Chunk.DocumentId);
        if (document is { Type: DocumentType.Procedure })
        {
            WriteProcedure(text, ProcedureRecord.From(document), persona, question);
        }
        else
        {
            WriteQuote(text, top.Chunk.Path, BestPassage(top.Chunk.Text, evidence.SearchText, options.Value.MaxQuoteCharacters));
        }

        if (document is not null)
        {
            WriteValidity(text, document, top.Chunk.Text, evidence);
        }

        var cited = Enumerable.Range(1, evidence.Sources.Count).ToList();
        if (cited.Count > 1)
        {
            text.Append("\nXem thêm: ")
                .AppendJoin("; ", cited.Skip(1).Select(n => $"{evidence.Sources[n - 1].Chunk.Path} [{n}]"))
                .Append('.');
        }

        return (text.ToString().Trim(), cited);
    }

    private static void WriteProcedure(StringBuilder text, ProcedureRecord record, Persona persona, string question)
    {
        var document = record.Document;
        text.Append("Thủ tục ").Append(document.Title);
        if (document.Code is not null)
        {
            text.Append(" (mã ").Append(document.Code).Append(')');
        }

        text.Append(" [1]:\n");
        var fields = (persona == Persona.Official ? ProcedureRecord.OfficialFields : ProcedureRecord.CitizenFields).ToList();
        if (AskedField(question) is { } asked)
        {
            fields.Remove(asked);
            fields.Insert(0, asked);
        }

        foreach (var name in fields)
        {
            if (record.Field(name) is not { } value)
            {
                continue;
            }

            var lines = value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (lines.Length == 1)
            {
                text.Append("- ").Append(name).Append(": ").Append(TrimBullet(lines[0])).Append(" [1]\n");
                continue;
            }

            text.Append("- ").Append(name).Append(" [1]:\n");
            foreach (var line in lines)
            {
                text.Append("  - ").Append(TrimBullet(line)).Append('\n');
            }
        }
    }

    private static string? AskedField(string question)
    {
        var folded = " " + string.Join(' ', TextAnalyzer.Syllables(question).Select(VietnameseText.Fold)) + " ";
        return FieldCues.FirstOrDefault(f => f.Cues.Any(cue => folded.Contains(" " + cue + " ", StringComparison.Ordinal))).Field;
    }

    private static void WriteQuote(StringBuilder text, string path, string passage)
    {
        text.Append("Theo ").Append(path).Append(" [1]:\n");
        foreach (var line in passage.Split('\n'))
        {
            text.Append("> ").Append(line).Append('\n');
        }
    }

    /// <summary>
    /// The passage of a long chunk that shares most words with the question: the chunk's first line (the article's
    /// name) and its best clause. Short chunks are quoted whole.
    /// </summary>
    internal static string BestPassage(string text, string question, int maxCharacters)
    {
        if (text.Length <= maxCharacters)
        {
            return text;
        }

        var wanted = TextAnalyzer.Syllables(question).Select(VietnameseText.Fold).ToHashSet(StringComparer.Ordinal);
        var lines = text.Split('\n');
        var clauses = new List<List<string>>();
        foreach (var line in lines.Skip(1))
        {
            if (clauses.Count == 0 || (line.Length > 1 && char.IsDigit(line[0]) && line.Contains(". ", StringComparison.Ordinal)))
            {
                clauses.Add([]);
            }

            clauses[^1].Add(line);
        }

        var best = clauses
            .Select(c => (Text: string.Join('\n', c), Score: TextAnalyzer.Syllables(string.Join(' ', c)).Select(VietnameseText.Fold).Distinct(StringComparer.Ordinal).Count(wanted.Contains)))
            .OrderByDescending(c => c.Score)
            .First();
        return TextExcerpt.Shorten(lines[0] + "\n" + best.Text, maxCharacters);
    }

    private void WriteValidity(StringBuilder text, CorpusDocument document, string chunkText, Evidence evidence)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        if (document.SupersededBy is { } replacement)
        {
            var successor = evidence.Documents.GetValueOrDefault(replacement);
            text.Append("\nLưu ý: văn bản này đã được thay thế bởi ")
                .Append(successor is null ? replacement : successor.Number ?? successor.Title)
                .Append("; hãy căn cứ văn bản thay thế.\n");
        }
        else if (!document.IsInForce(today))
        {
            text.Append("\nLưu ý: văn bản này không còn hoặc chưa có hiệu lực vào ngày ")
                .Append(today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(".\n");
        }

        var preReform = (document.Effective ?? document.Issued) is { } start && start < TwoTierStart;
        if (preReform && VietnameseText.Fold(chunkText).Contains("huyen", StringComparison.OrdinalIgnoreCase))
        {
            text.Append("\nLưu ý: văn bản này ban hành trước ngày 01/7/2025 và còn nhắc đến cấp huyện; từ ngày 01/7/2025 cấp huyện không còn, ")
                .Append("nhiệm vụ của cấp huyện đã chuyển về cấp xã hoặc cấp tỉnh");
            text.Append(evidence.Documents.ContainsKey(DistrictLevelGuideId) ? " (xem hướng dẫn về cấp huyện sau ngày 01/7/2025).\n" : ".\n");
        }
    }

    private static string TrimBullet(string line) => line.TrimStart('-', '*', ' ');
}
