using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ProcedureAssistant.Core.Documents;

/// <summary>
/// Reads a procedure record exported from the national procedure database (Cổng Dịch vụ công quốc gia) in its
/// JSON field layout (<c>metadata.mã_thủ_tục</c>, <c>content.cơ_quan_có_thẩm_quyền</c>,
/// <c>tables.hinh_thuc_nop</c>, <c>tables.thanh_phan_ho_so</c>, <c>tables.can_cu_phap_ly</c>, ...) and turns it into
/// a procedure document with the corpus' canonical sections, so administrators can drop exported records into
/// the corpus folder as they are.
/// </summary>
public static class NationalPortalRecordParser
{
    /// <summary>Where the national database lives; the export carries no link of its own.</summary>
    public const string PortalUrl = "https://dichvucong.gov.vn/";

    private const string NoInformation = "Không có thông tin";

    /// <summary>Parses the record's bytes; <paramref name="sourcePath"/> names it in errors.</summary>
    /// <exception cref="DocumentParseException">The file is not JSON or lacks the code or the name.</exception>
    public static CorpusDocument Parse(string sourcePath, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(content);
        }
        catch (JsonException ex)
        {
            throw new DocumentParseException(sourcePath, $"not a valid JSON record (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        using (json)
        {
            var root = json.RootElement;
            var metadata = Object(root, "metadata");
            var details = Object(root, "content");
            var tables = Object(root, "tables");
            var code = Text(metadata, "mã_thủ_tục") ?? Text(root, "thu_tuc_id")
                ?? throw new DocumentParseException(sourcePath, "the record has no 'metadata.mã_thủ_tục' (procedure code)");
            var title = Text(metadata, "tên_thủ_tục")
                ?? throw new DocumentParseException(sourcePath, "the record has no 'metadata.tên_thủ_tục' (procedure name)");

            var channels = Rows(tables, "hinh_thuc_nop");
            var legalBasis = Rows(tables, "can_cu_phap_ly")
                .Select(row => LegalReference(Text(row, "so_ky_hieu"), Text(row, "trich_yeu")))
                .OfType<string>()
                .ToList();

            var body = new StringBuilder();
            body.Append("# ").Append(title).Append("\n\n");
            Section(body, "Cơ quan giải quyết", Lines(
                Labelled("Cơ quan có thẩm quyền", Text(details, "cơ_quan_có_thẩm_quyền")),
                Labelled("Cơ quan thực hiện", Text(details, "cơ_quan_thực_hiện")),
                Labelled("Cơ quan phối hợp", Text(details, "cơ_quan_phối_hợp"))));
            Section(body, "Nơi nộp và cách thức nộp", Lines(
                [.. channels.Select(row => Text(row, "hinh_thuc")).Distinct(), Labelled("Địa chỉ tiếp nhận", Text(details, "địa_chỉ_tiếp_nhận_hs")), Text(details, "cách_thức_thực_hiện")]));
            Section(body, "Thành phần hồ sơ", Lines(
                [.. Rows(tables, "thanh_phan_ho_so").Select(row => Document(Text(row, "ten_giay_to"), Text(row, "ghi_chu")))]));
            Section(body, "Trình tự thực hiện", Text(details, "trình_tự_thực_hiện"));
            Section(body, "Thời hạn giải quyết", PerChannel(channels, "thoi_han_giai_quyet"));
            Section(body, "Lệ phí", PerChannel(channels, "phi_le_phi"));
            Section(body, "Kết quả", Text(details, "kết_quả_thực_hiện"));
            Section(body, "Điều kiện", Text(details, "yêu_cầu_điều_kiện_thực_hiện") is { } condition && condition != "Không" ? condition : null);
            Section(body, "Căn cứ pháp lý", Lines([.. legalBasis]));
            Section(body, "Ghi chú", Lines(
                Labelled("Đối tượng thực hiện", Text(details, "đối_tượng_thực_hiện")),
                Labelled("Cấp thực hiện", Text(metadata, "cấp_thực_hiện")),
                Labelled("Văn bản công bố", Text(metadata, "số_quyết_định")),
                "Nhập từ bản ghi của Cơ sở dữ liệu quốc gia về thủ tục hành chính."));

            return DocumentMarkup.Strip(new CorpusDocument
            {
                Id = "tthc-" + code,
                Type = DocumentType.Procedure,
                Title = title,
                Code = code,
                Field = Text(metadata, "lĩnh_vực"),
                Levels = ProcedureLevels.ParseList(Text(metadata, "cấp_thực_hiện")),
                Authority = Text(details, "cơ_quan_có_thẩm_quyền") ?? Text(details, "cơ_quan_thực_hiện"),
                LegalBasis = legalBasis,
                Source = PortalUrl,
                Body = body.ToString().Trim().Normalize(NormalizationForm.FormC),
                SourcePath = sourcePath,
                ContentHash = Convert.ToHexStringLower(SHA256.HashData(content)),
            });
        }
    }

    private static string? PerChannel(IReadOnlyList<JsonElement> channels, string field)
    {
        var values = channels
            .Select(row => (Channel: Text(row, "hinh_thuc"), Value: Text(row, field)))
            .Where(v => v.Value is not null)
            .ToList();
        if (values.Count > 0 && values.All(v => v.Value == values[0].Value))
        {
            return values[0].Value; // the same on every channel: say it once
        }

        return Lines([.. values.Select(v => v.Channel is null ? v.Value : $"{v.Channel}: {v.Value}")]);
    }

    private static string? Document(string? name, string? note)
    {
        if (name is null)
        {
            return null;
        }

        var copies = note?.Replace('\n', ',').Replace(",", ", ", StringComparison.Ordinal);
        return copies is null ? name.TrimStart('-', ' ') : $"{name.TrimStart('-', ' ')} ({copies})";
    }

    private static string? LegalReference(string? number, string? summary) => (number, summary) switch
    {
        (null, null) => null,
        (null, _) => summary,
        (_, null) => number,
        _ when summary!.Contains(number!, StringComparison.Ordinal) => summary,
        _ => $"{number}: {summary}",
    };

    private static string? Labelled(string label, string? value) => value is null ? null : $"{label}: {value}";

    private static string? Lines(params string?[] lines)
    {
        var present = lines.Where(l => l is not null).Select(l => "- " + CollapseSpaces(l!)).ToList();
        return present.Count == 0 ? null : string.Join('\n', present);
    }

    private static void Section(StringBuilder body, string heading, string? text)
    {
        body.Append("## ").Append(heading).Append('\n')
            .Append(text ?? "Bản ghi không có thông tin về mục này.").Append("\n\n");
    }

    private static string CollapseSpaces(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static JsonElement Object(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : default;

    private static List<JsonElement> Rows(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(row => row.ValueKind == JsonValueKind.Object).ToList()
            : [];

    private static string? Text(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetString()!.Trim();
        return text.Length == 0 || text == NoInformation ? null : text;
    }
}
