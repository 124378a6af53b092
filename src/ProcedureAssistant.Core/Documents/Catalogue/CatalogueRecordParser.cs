using System.Text;
using System.Text.Json;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Documents.Catalogue;

/// <summary>
/// Turns one record of the national procedure catalogue, in the crawl's own field names (<c>ma_thu_tuc</c>,
/// <c>ten_thu_tuc</c>, <c>cap_thuc_hien</c>, <c>cach_thuc_thuc_hien</c>, <c>thanh_phan_ho_so</c>,
/// <c>can_cu_phap_ly</c>, <c>detail_url</c>, ...), into a procedure document whose body has the corpus' procedure
/// sections (<c>## Cơ quan giải quyết</c>, <c>## Thời hạn giải quyết</c>, ...), so that answers read it like any
/// other procedure. The flattened tables are read back into rows by <see cref="CatalogueTables"/>.
/// </summary>
internal static class CatalogueRecordParser
{
    private const string MissingSection = "Bản ghi không có thông tin về mục này.";

    /// <summary>The record's procedure code, or null when the line has none (for naming the line in errors).</summary>
    public static string? CodeOf(JsonElement record) => Text(record, "ma_thu_tuc");

    /// <summary>Builds the document of one record.</summary>
    /// <param name="record">The parsed JSON object.</param>
    /// <param name="sourcePath">Where the record was read from (<c>records.jsonl#1.001193</c>).</param>
    /// <param name="contentHash">SHA-256 of the record's line.</param>
    /// <exception cref="DocumentParseException">The record lacks its code or its name.</exception>
    public static CorpusDocument Parse(JsonElement record, string sourcePath, string contentHash)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw new DocumentParseException(sourcePath, "the line is not a JSON object");
        }

        var code = CodeOf(record) ?? throw new DocumentParseException(sourcePath, "the record has no 'ma_thu_tuc' (procedure code)");
        var title = Text(record, "ten_thu_tuc") ?? throw new DocumentParseException(sourcePath, "the record has no 'ten_thu_tuc' (procedure name)");
        var channels = CatalogueTables.Channels(Raw(record, "cach_thuc_thuc_hien"));
        var documents = CatalogueTables.Documents(Raw(record, "thanh_phan_ho_so"));
        var legalBasis = CatalogueTables.LegalBasis(Raw(record, "can_cu_phap_ly"));
        var steps = Text(record, "trinh_tu_thuc_hien");
        if (documents is null && Text(record, "thanh_phan_ho_so") is { } spilled && spilled.Trim('-').Length > 0)
        {
            // The crawl cut the steps where they mention "(Thành phần hồ sơ)" and filed the rest as the document list.
            steps = steps is null ? spilled : steps + " " + spilled;
        }

        var body = new StringBuilder();
        body.Append("# ").Append(title).Append("\n\n");
        Section(body, "Cơ quan giải quyết", Lines(
            Labelled("Cơ quan có thẩm quyền", Text(record, "co_quan_co_tham_quyen")),
            Labelled("Cơ quan thực hiện", Text(record, "co_quan_thuc_hien")),
            Labelled("Cơ quan được ủy quyền", Text(record, "co_quan_duoc_uy_quyen")),
            Labelled("Cơ quan phối hợp", Text(record, "co_quan_phoi_hop"))));
        // Each channel's time limit and fee have their own sections; its description goes with the time limit
        // when it speaks of one, and with the channel otherwise, so that no text is written twice.
        Section(body, "Nơi nộp và cách thức nộp", Lines([
            .. SameForEvery(channels, c => DescribesTime(c.Description) ? null : c.Description)
                .Select(g => g.Row.Description is null || DescribesTime(g.Row.Description) ? g.Channels : $"{g.Channels}: {g.Row.Description}"),
            Labelled("Địa chỉ tiếp nhận", Text(record, "dia_chi_tiep_nhan"))]));
        Section(body, "Thành phần hồ sơ", DocumentList(documents));
        Section(body, "Trình tự thực hiện", steps);
        Section(body, "Thời hạn giải quyết", PerChannel(channels, c => DescribesTime(c.Description) ? $"{c.TimeLimit}. {c.Description}" : c.TimeLimit));
        Section(body, "Lệ phí", PerChannel(channels, Fee));
        Section(body, "Kết quả", Lines([.. CatalogueTables.Results(Raw(record, "ket_qua_xu_ly"))]));
        if (Text(record, "yeu_cau_dieu_kien") is { } condition && !string.Equals(condition, "Không", StringComparison.OrdinalIgnoreCase))
        {
            Section(body, "Điều kiện", condition);
        }

        Section(body, "Căn cứ pháp lý", Lines([.. legalBasis.Select(r => r.ToString())]));
        Section(body, "Ghi chú", Lines(
            Labelled("Cấp thực hiện", Text(record, "cap_thuc_hien")),
            Labelled("Lĩnh vực", Text(record, "linh_vuc")),
            Labelled("Đối tượng thực hiện", Text(record, "doi_tuong_thuc_hien")),
            Labelled("Loại thủ tục", Text(record, "loai_thu_tuc")),
            Labelled("Quyết định công bố", Text(record, "so_quyet_dinh")),
            "Bản ghi thủ tục trên Cổng Dịch vụ công quốc gia."));

        return new CorpusDocument
        {
            Id = "tthc-" + code,
            Type = DocumentType.Procedure,
            Title = title,
            Code = code,
            Field = Text(record, "linh_vuc"),
            Levels = ProcedureLevels.ParseList(Text(record, "cap_thuc_hien")),
            Authority = Text(record, "co_quan_co_tham_quyen") ?? Text(record, "co_quan_thuc_hien"),
            LegalBasis = legalBasis.Select(r => r.ToString()).ToList(),
            Source = Text(record, "detail_url") ?? NationalPortalRecordParser.PortalUrl,
            Body = body.ToString().Trim().Normalize(NormalizationForm.FormC),
            SourcePath = sourcePath,
            ContentHash = contentHash,
        };
    }

    /// <summary>The record's detail page, by which records that hold another procedure's page are found.</summary>
    public static string? DetailPage(JsonElement record) => Text(record, "detail_url");

    private static string Fee(FilingChannel channel) => channel.FeeNote is null ? channel.Fee : $"{channel.Fee} ({channel.FeeNote})";

    // The description column mostly restates the time limit ("05 ngày làm việc kể từ ngày nhận hồ sơ …"); where it
    // speaks of days, hours or a time limit it belongs with the time limit as well.
    private static bool DescribesTime(string? description)
    {
        if (description is null)
        {
            return false;
        }

        var folded = VietnameseText.Fold(description).ToLowerInvariant();
        return folded.Contains("ngay", StringComparison.Ordinal) || folded.Contains(" gio", StringComparison.Ordinal)
            || folded.Contains("thoi han", StringComparison.Ordinal) || folded.Contains("thang", StringComparison.Ordinal);
    }

    private static string? DocumentList(IReadOnlyList<RequiredDocument>? documents)
    {
        if (documents is null || documents.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        string? group = null;
        foreach (var document in documents)
        {
            if (document.Group is not null && document.Group != group)
            {
                text.Append(document.Group.TrimEnd(':')).Append(":\n");
            }

            group = document.Group;
            text.Append("- ").Append(document.Name.TrimEnd(';', ',', '.', ':', ' '));
            if (document.Form is not null)
            {
                text.Append(" (mẫu: ").Append(document.Form).Append(')');
            }

            var counts = new List<string>(2);
            if (document.Originals > 0)
            {
                counts.Add($"{document.Originals} bản chính");
            }

            if (document.Copies > 0)
            {
                counts.Add($"{document.Copies} bản sao");
            }

            if (counts.Count > 0)
            {
                text.Append(": ").Append(string.Join(", ", counts));
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    // Channels that share the same row are named together, so a time limit or fee said for all is said once.
    private static IEnumerable<(string Channels, FilingChannel Row)> SameForEvery<TKey>(IReadOnlyList<FilingChannel> channels, Func<FilingChannel, TKey> key) =>
        channels.GroupBy(key).Select(g => (string.Join(", ", g.Select(c => c.Channel).Distinct()), g.First()));

    private static string? PerChannel(IReadOnlyList<FilingChannel> channels, Func<FilingChannel, string> value)
    {
        var groups = channels.GroupBy(value).ToList();
        return groups.Count switch
        {
            0 => null,
            1 => groups[0].Key,
            _ => Lines([.. groups.Select(g => $"{string.Join(", ", g.Select(c => c.Channel).Distinct())}: {g.Key}")]),
        };
    }

    private static string? Labelled(string label, string? value) => value is null ? null : $"{label}: {value}";

    private static string? Lines(params string?[] lines)
    {
        var present = lines.Where(l => l is not null).Select(l => "- " + l!.Replace('\n', ' ')).ToList();
        return present.Count == 0 ? null : string.Join('\n', present);
    }

    private static void Section(StringBuilder body, string heading, string? text) =>
        body.Append("## ").Append(heading).Append('\n').Append(text ?? MissingSection).Append("\n\n");

    private static string? Raw(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Text(JsonElement record, string name) => CatalogueTables.Value(Raw(record, name) ?? string.Empty);
}
