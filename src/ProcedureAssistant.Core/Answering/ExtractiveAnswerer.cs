using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// The offline answer, composed from the sources without a model: for a procedure, a checklist of the record's
/// fields, the ones the question asks about first and any other lines that speak to it next; for a regulation
/// or guide, the passages of the chunk that speak to the question, quoted with the text's name and path; then
/// notes on validity in time.
/// </summary>
public sealed class ExtractiveAnswerer(IOptions<AnsweringOptions> options, TimeProvider time, TextAnalyzer analyzer)
{
    /// <summary>The id of the guide that explains where the former district-level tasks went, when the corpus has it.</summary>
    public const string DistrictLevelGuideId = "guide-cap-huyen-sau-01-7-2025";

    private const int MaxRelatedLines = 3;

    private static readonly DateOnly TwoTierStart = new(2025, 7, 1);

    /// <summary>The answer text, with <c>[n]</c> markers into <see cref="Evidence.Sources"/>, and the numbers it cites.</summary>
    public (string Text, IReadOnlyList<int> Cited) Compose(string question, Persona persona, Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var text = new StringBuilder();
        var top = evidence.Sources[0];
        var document = evidence.Documents.GetValueOrDefault(top.Chunk.DocumentId);
        var weights = new TermWeights(analyzer, evidence.SearchText, document, evidence.Statistics);
        if (document is { Type: DocumentType.Procedure })
        {
            WriteProcedure(text, ProcedureRecord.From(document), persona, question, weights);
        }
        else
        {
            WriteQuote(text, Heading(top.Chunk), BestPassage(top.Chunk.Text, weights, options.Value.MaxQuoteCharacters));
        }

        if (document is not null)
        {
            WriteValidity(text, document, top.Chunk.Text, evidence);
        }

        var cited = Enumerable.Range(1, evidence.Sources.Count).ToList();
        foreach (var n in cited.Skip(1))
        {
            var chunk = evidence.Sources[n - 1].Chunk;
            text.Append('\n');
            WriteQuote(text, Heading(chunk), BestPassage(chunk.Text, new TermWeights(analyzer, evidence.SearchText, evidence.Documents.GetValueOrDefault(chunk.DocumentId), evidence.Statistics), options.Value.MaxQuoteCharacters), n);
        }

        return (text.ToString().Trim(), cited);
    }

    /// <summary>
    /// The passage of a long chunk that speaks to the question: its first line when it names the article, then
    /// the clauses, points, bullets or paragraphs that share the most (rarity-weighted) terms with the question,
    /// in their order in the text, within the length limit. Short chunks are quoted whole.
    /// </summary>
    internal static string BestPassage(string text, TermWeights weights, int maxCharacters)
    {
        if (text.Length <= maxCharacters)
        {
            return text;
        }

        var units = Units(text);
        var heading = units.Count > 1 && IsHeading(units[0]) ? units[0] : null;
        var ranked = units
            .Select((unit, position) => (Unit: unit, Position: position, Score: weights.Score(unit)))
            .Where(u => u.Unit != heading)
            .OrderByDescending(u => u.Score)
            .ThenBy(u => u.Position)
            .ToList();
        var budget = maxCharacters - (heading?.Length + 1 ?? 0);
        var chosen = new List<(string Unit, int Position)>();
        foreach (var (unit, position, score) in ranked)
        {
            var fits = unit.Length + 1 <= budget;
            var relevant = chosen.Count == 0 || score >= ranked[0].Score * 0.5;
            if (relevant && (fits || chosen.Count == 0))
            {
                chosen.Add((chosen.Count == 0 && !fits ? TextExcerpt.Shorten(unit, budget) : unit, position));
                budget -= unit.Length + 1;
            }
        }

        var body = string.Join('\n', chosen.OrderBy(c => c.Position).Select(c => c.Unit));
        return heading is null ? body : heading + "\n" + body;
    }

    // A clause ("1. ...") with its points ("a) ..."), a bullet, or a paragraph.
    private static List<string> Units(string text)
    {
        var units = new List<List<string>>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var isPoint = line.Length > 2 && char.IsLetter(line[0]) && line[1] == ')';
            if (units.Count == 0 || !isPoint)
            {
                units.Add([]);
            }

            units[^1].Add(line);
        }

        return units.Select(u => string.Join('\n', u)).ToList();
    }

    private static bool IsHeading(string unit) =>
        !unit.Contains('\n', StringComparison.Ordinal) && unit.Length <= 160 &&
        (unit.StartsWith("Điều ", StringComparison.Ordinal) || unit.EndsWith(':'));

    private static void WriteProcedure(StringBuilder text, ProcedureRecord record, Persona persona, string question, TermWeights weights)
    {
        var document = record.Document;
        text.Append("Thủ tục ").Append(document.Title);
        if (document.Code is not null)
        {
            text.Append(" (mã ").Append(document.Code).Append(')');
        }

        text.Append(" [1]:\n");
        var asked = AskedFields.In(question).Where(f => record.Field(f) is not null).ToList();
        var checklist = persona == Persona.Official ? ProcedureRecord.OfficialFields : ProcedureRecord.CitizenFields;
        foreach (var name in asked)
        {
            WriteField(text, name, record.Field(name)!);
        }

        // Lines outside the asked fields and the checklist that speak to the question ("có cần giấy ủy quyền
        // không" is answered under Điều kiện, "phải làm trước bao nhiêu ngày" under Trình tự thực hiện).
        var related = record.Sections
            .Where(s => !asked.Contains(s.Name) && !checklist.Contains(s.Name))
            .SelectMany(s => s.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => (s.Name, Line: line)))
            .Select(x => (x.Name, x.Line, Score: weights.Score(x.Line)))
            .Where(x => x.Score >= weights.RelatedLineThreshold && !DeclaredGaps.IsGap(x.Line))
            .OrderByDescending(x => x.Score)
            .Take(MaxRelatedLines)
            .ToList();
        foreach (var group in related.GroupBy(x => x.Name))
        {
            WriteField(text, group.Key, string.Join('\n', group.Select(x => x.Line)));
        }

        foreach (var name in checklist.Where(f => !asked.Contains(f)))
        {
            if (record.Field(name) is { } value)
            {
                WriteField(text, name, value);
            }
        }
    }

    private static void WriteField(StringBuilder text, string name, string value)
    {
        var lines = value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 1)
        {
            text.Append("- ").Append(name).Append(": ").Append(TrimBullet(lines[0])).Append(" [1]\n");
            return;
        }

        text.Append("- ").Append(name).Append(" [1]:\n");
        foreach (var line in lines)
        {
            text.Append("  - ").Append(TrimBullet(line)).Append('\n');
        }
    }

    /// <summary>A text's title with its number: "Nghị định 126/2025/NĐ-CP quy định về ...", "Luật Tổ chức chính quyền địa phương (72/2025/QH15)".</summary>
    internal static string DisplayName(string title, string? number) =>
        number is null || title.Contains(number, StringComparison.Ordinal) ? title : $"{title} ({number})";

    // Officials need the text's name and number, not the number alone: "Nghị định 126/2025/NĐ-CP quy định về ... › Lưu ý khi tra cứu".
    private static string Heading(Chunking.Chunk chunk)
    {
        var name = chunk.Number is null ? chunk.ShortName : DisplayName(chunk.Title, chunk.Number);
        return chunk.Headings.Count == 0 ? name : name + " › " + string.Join(" › ", chunk.Headings);
    }

    private static void WriteQuote(StringBuilder text, string heading, string passage, int number = 1)
    {
        text.Append("Theo ").Append(heading).Append(" [").Append(number).Append("]:\n");
        foreach (var line in passage.Split('\n'))
        {
            text.Append("> ").Append(line).Append('\n');
        }
    }

    private void WriteValidity(StringBuilder text, CorpusDocument document, string chunkText, Evidence evidence)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        if (document.SupersededBy is { } replacement)
        {
            var successor = evidence.Documents.GetValueOrDefault(replacement);
            text.Append("\nLưu ý: văn bản này đã được thay thế bởi ")
                .Append(successor is null ? replacement : DisplayName(successor.Title, successor.Number))
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
