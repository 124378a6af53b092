using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Lab.Evaluation;

/// <summary>
/// A procedure record of a BEIR folder whose text is the national catalogue's labelled fields ("Cấp thực hiện: …",
/// "Thành phần hồ sơ: …", "Cách thức thực hiện (hình thức nộp, thời hạn giải quyết, phí, lệ phí): - Hình thức nộp: …;
/// thời hạn giải quyết: …; phí, lệ phí: …"), written as a corpus file with the canonical procedure sections, so that an
/// answer-level run over the folder ingests the records as the service ingests procedures. Used until the catalogue's
/// own reader ingests the records; the labels are those of <c>../shared/benchmarks/tthc-national</c>.
/// </summary>
public static partial class BeirProcedureRecord
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Labels =
    [
        "Cấp thực hiện", "Lĩnh vực", "Đối tượng thực hiện", "Cơ quan có thẩm quyền", "Cơ quan thực hiện", "Cơ quan phối hợp",
        "Cơ quan được ủy quyền", "Địa chỉ tiếp nhận hồ sơ", "Trình tự thực hiện", "Cách thức thực hiện (hình thức nộp, thời hạn giải quyết, phí, lệ phí)",
        "Thành phần hồ sơ", "Yêu cầu, điều kiện", "Căn cứ pháp lý", "Kết quả thực hiện",
    ];

    /// <summary>True when the document's text is in the catalogue's labelled layout.</summary>
    public static bool IsRecord(BeirDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Text.StartsWith("Cấp thực hiện:", StringComparison.Ordinal);
    }

    /// <summary>The corpus file (front matter and body) for the record; its id is <c>tthc-</c> and the code.</summary>
    public static string ToMarkdown(BeirDocument document, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var fields = Fields(document.Text);
        var title = string.IsNullOrWhiteSpace(document.Title) ? document.Id : document.Title.Trim();
        var (channels, times, fees) = Channels(fields.GetValueOrDefault("Cách thức thực hiện (hình thức nộp, thời hạn giải quyết, phí, lệ phí)"));
        var front = new StringBuilder("---\n");
        front.Append("id: ").Append(Quoted("tthc-" + document.Id)).Append('\n')
            .Append("type: procedure\n")
            .Append("code: ").Append(Quoted(document.Id)).Append('\n')
            .Append("title: ").Append(Quoted(title)).Append('\n');
        if (fields.GetValueOrDefault("Lĩnh vực") is { } field)
        {
            front.Append("field: ").Append(Quoted(field)).Append('\n');
        }

        if (fields.GetValueOrDefault("Cấp thực hiện") is { } level)
        {
            front.Append("level: ").Append(Quoted(level)).Append('\n');
        }

        if (url is not null)
        {
            front.Append("source: ").Append(Quoted(url)).Append('\n');
        }

        front.Append("---\n\n# ").Append(title).Append("\n\n");
        Section(front, "Cơ quan giải quyết", Join(
            Labelled("Cơ quan có thẩm quyền", fields.GetValueOrDefault("Cơ quan có thẩm quyền")),
            Labelled("Cơ quan thực hiện", fields.GetValueOrDefault("Cơ quan thực hiện")),
            Labelled("Cơ quan phối hợp", fields.GetValueOrDefault("Cơ quan phối hợp"))));
        Section(front, "Nơi nộp và cách thức nộp", Join(channels, Labelled("Địa chỉ tiếp nhận", fields.GetValueOrDefault("Địa chỉ tiếp nhận hồ sơ"))));
        Section(front, "Thành phần hồ sơ", fields.GetValueOrDefault("Thành phần hồ sơ"));
        Section(front, "Trình tự thực hiện", fields.GetValueOrDefault("Trình tự thực hiện"));
        Section(front, "Thời hạn giải quyết", times);
        Section(front, "Lệ phí", fees);
        Section(front, "Kết quả", fields.GetValueOrDefault("Kết quả thực hiện"));
        Section(front, "Điều kiện", fields.GetValueOrDefault("Yêu cầu, điều kiện"));
        Section(front, "Căn cứ pháp lý", fields.GetValueOrDefault("Căn cứ pháp lý"));
        Section(front, "Đối tượng thực hiện", fields.GetValueOrDefault("Đối tượng thực hiện"));
        return front.ToString().Trim() + "\n";
    }

    private static Dictionary<string, string> Fields(string text)
    {
        var fields = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        StringBuilder? current = null;
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var label = Labels.FirstOrDefault(l => line.StartsWith(l + ":", StringComparison.Ordinal));
            if (label is not null)
            {
                current = fields.TryGetValue(label, out var existing) ? existing.Append('\n') : fields[label] = new StringBuilder();
                current.Append(line[(label.Length + 1)..].Trim());
            }
            else if (current is not null && line.Trim().Length > 0)
            {
                current.Append('\n').Append(line.Trim());
            }
        }

        return fields.Where(f => f.Value.Length > 0).ToDictionary(f => f.Key, f => f.Value.ToString().Trim(), StringComparer.Ordinal);
    }

    // One row a line: "- Hình thức nộp: Trực tiếp; thời hạn giải quyết: 3 Ngày làm việc; phí, lệ phí: Miễn phí (…)- mô tả".
    private static (string? Channels, string? Times, string? Fees) Channels(string? text)
    {
        if (text is null)
        {
            return (null, null, null);
        }

        var channels = new List<string>();
        var times = new List<(string Channel, string Value)>();
        var fees = new List<(string Channel, string Value)>();
        foreach (var line in text.Split('\n'))
        {
            // The crawl glues each row's description to its fee: the fee is kept with it rather than cut at a guess.
            if (ChannelRow().Match(line) is { Success: true } row)
            {
                var channel = row.Groups["channel"].Value.Trim();
                channels.Add(channel);
                times.Add((channel, row.Groups["time"].Value.Trim()));
                fees.Add((channel, row.Groups["fee"].Value.Trim()));
            }
        }

        return channels.Count == 0
            ? (text, null, null)
            : (string.Join('\n', channels.Distinct().Select(c => "- " + c)), PerChannel(times), PerChannel(fees));
    }

    private static string? PerChannel(List<(string Channel, string Value)> values)
    {
        var present = values.Where(v => v.Value.Length > 0).Distinct().ToList();
        if (present.Count == 0)
        {
            return null;
        }

        return present.Select(v => v.Value).Distinct().Count() == 1
            ? present[0].Value
            : string.Join('\n', present.Select(v => $"- {v.Channel}: {v.Value}"));
    }

    private static void Section(StringBuilder body, string heading, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            body.Append("## ").Append(heading).Append('\n').Append(text.Trim()).Append("\n\n");
        }
    }

    private static string? Labelled(string label, string? value) => value is null ? null : $"- {label}: {value}";

    private static string? Join(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join('\n', present);
    }

    // JSON strings are YAML double-quoted scalars.
    internal static string Quoted(string value) => JsonSerializer.Serialize(value, Readable);

    [GeneratedRegex(@"^-?\s*Hình thức nộp:\s*(?<channel>[^;]+);\s*thời hạn giải quyết:\s*(?<time>[^;]*);\s*phí, lệ phí:\s*(?<fee>.*)$")]
    private static partial Regex ChannelRow();
}
