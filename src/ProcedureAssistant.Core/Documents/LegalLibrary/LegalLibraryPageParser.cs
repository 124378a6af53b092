using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Documents.LegalLibrary;

/// <summary>
/// Reads a legal text (decision, directive, plan) as a legal library site renders it to Markdown: a
/// <c>&lt;!-- source: URL --&gt;</c> first line, no front matter, the issuer's header, hard-wrapped paragraphs,
/// tables flattened into <c>|</c> lines, and in some pages the site's own metadata block and page furniture
/// around the text. It takes the number, kind, issuer, date of issue and date of effect from the text, cuts the
/// site's furniture away, and writes the body as Markdown the chunker cuts by legal structure (articles as
/// <c>### Điều N.</c>, an annex as <c>## Phụ lục</c>); a list of procedures in an annex becomes one heading per
/// procedure with its code, time limit, place, fee and legal basis.
/// </summary>
internal static partial class LegalLibraryPageParser
{
    private const string SourceMarker = "<!-- source:";

    /// <summary>Whether the file is in this layout: its first line is the <c>&lt;!-- source: URL --&gt;</c> comment.</summary>
    public static bool Recognizes(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var head = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 256)).TrimStart('\uFEFF', ' ', '\r', '\n');
        return head.StartsWith(SourceMarker, StringComparison.Ordinal);
    }

    /// <summary>Parses the page's bytes; <paramref name="sourcePath"/> names it in errors.</summary>
    /// <exception cref="DocumentParseException">The page is not UTF-8 text or holds no recognisable legal text.</exception>
    public static CorpusDocument Parse(string sourcePath, byte[] content) => Read(sourcePath, content).Document;

    /// <summary>The procedure rows of the page's annex tables, as data.</summary>
    /// <exception cref="DocumentParseException">As <see cref="Parse"/>.</exception>
    public static IReadOnlyList<AnnexProcedure> AnnexProcedures(string sourcePath, byte[] content) => Read(sourcePath, content).Procedures;

    private static (CorpusDocument Document, List<AnnexProcedure> Procedures) Read(string sourcePath, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException ex)
        {
            throw new DocumentParseException(sourcePath, "the file is not valid UTF-8 text", ex);
        }

        var lines = text.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var source = SourceUrl().Match(lines[0]) is { Success: true } url ? url.Groups["url"].Value : null;
        lines.RemoveAt(0);

        var metadata = SiteMetadata(lines);
        var start = lines.FindIndex(l => VietnameseText.Fold(l).Contains("CONG HOA", StringComparison.Ordinal));
        if (start < 0)
        {
            throw new DocumentParseException(sourcePath, "no legal text found: a page in this layout carries the national motto ('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM') in its header");
        }

        // The issuer's name stands in the header cell just before the motto.
        var issuerStart = start;
        while (issuerStart > 0 && lines[issuerStart - 1].Trim() != "|")
        {
            issuerStart--;
        }

        var issuerEnd = issuerStart;
        while (issuerStart > 0 && lines[issuerStart - 1].Trim() == "|")
        {
            issuerStart--;
        }

        while (issuerStart > 0 && lines[issuerStart - 1].Trim() is { Length: > 0 } above && above != "|")
        {
            issuerStart--;
        }

        var issuerLines = lines[issuerStart..Math.Max(issuerStart, issuerEnd - 1)];
        var header = string.Join(' ', lines.Skip(issuerStart).Take(40)).Replace("*", string.Empty, StringComparison.Ordinal);
        var number = metadata.GetValueOrDefault("Số hiệu") ?? (HeaderNumber().Match(header) is { Success: true } n ? n.Groups["number"].Value.TrimEnd('.', ',') : null);
        var issued = ParseDate(metadata.GetValueOrDefault("Ngày ban hành")) ?? (WrittenDate().Match(header) is { Success: true } d ? Date(d) : null);

        var (kindLine, subject, bodyStart) = KindAndSubject(lines, start);
        var kind = metadata.GetValueOrDefault("Loại văn bản") ?? (kindLine is null ? null : SentenceCase(kindLine, null));
        var end = End(lines, bodyStart, kind, number);
        var siteTitle = SiteTitle(lines, end, kind, number);
        var bodyLines = lines[bodyStart..end];
        var casing = Casing.Learn(bodyLines);

        var province = Province(issuerLines);
        var issuer = Issuer(issuerLines, casing);
        var title = siteTitle ?? string.Join(' ', new[] { kind, number, subject is null ? null : Continuing(SentenceCase(subject, casing)) }.Where(p => p is not null));
        if (title.Length == 0)
        {
            title = Path.GetFileNameWithoutExtension(sourcePath);
        }

        var body = new StringBuilder();
        body.Append("# ").Append(title).Append("\n\n");
        if (issuer is not null || issued is not null)
        {
            body.Append(string.Join(", ", new[] { issuer, number is null ? null : "số " + number, issued?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) }.Where(p => p is not null))).Append("\n\n");
        }

        var procedures = WriteBody(body, bodyLines, casing);
        var document = new CorpusDocument
        {
            Id = Id(province, number, issued, sourcePath),
            Type = DocumentType.Regulation,
            Title = title,
            Number = number,
            Issuer = issuer,
            Province = province,
            Issued = issued,
            Effective = Effective(body.ToString(), issued),
            Source = source,
            Body = body.ToString().Trim(),
            SourcePath = sourcePath,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(content)),
        };
        return (document, procedures);
    }

    // The site's metadata block ("**Số hiệu:**" | "02124/QĐ-UBND" | ...), where the page has one.
    private static Dictionary<string, string> SiteMetadata(List<string> lines)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count && i < 120; i++)
        {
            var label = (i > 0 && lines[i - 1].Trim() == "**" ? "**" : string.Empty) + lines[i].Trim();
            var match = MetadataLabel().Match(label.Replace("*", string.Empty, StringComparison.Ordinal).Trim());
            if (!match.Success)
            {
                continue;
            }

            var value = lines.Skip(i + 1).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && l != "|");
            if (value is not null && value is not ("Đã biết" or "Đang cập nhật"))
            {
                values.TryAdd(match.Groups["label"].Value, value);
            }
        }

        return values;
    }

    // The bold kind line ("**QUYẾT ĐỊNH**") after the motto, and the upper-case subject lines under it.
    private static (string? Kind, string? Subject, int BodyStart) KindAndSubject(List<string> lines, int start)
    {
        for (var i = start; i < lines.Count && i < start + 40; i++)
        {
            var kind = KindLine().Match(lines[i].Trim());
            if (!kind.Success)
            {
                continue;
            }

            var subject = new List<string>();
            var j = i + 1;
            for (; j < lines.Count; j++)
            {
                var line = lines[j].Trim();
                if (line.Length == 0 && subject.Count == 0)
                {
                    continue;
                }

                if (line.Length == 0 || line.StartsWith('*') || line == "|" || !IsUpperCase(line))
                {
                    break;
                }

                subject.Add(line);
            }

            return (kind.Groups["kind"].Value, subject.Count == 0 ? null : string.Join(' ', subject), j);
        }

        return (null, null, start);
    }

    // Where the legal text ends: at the site's own title line after it ("Quyết định 02124/QĐ-UBND năm 2025 …"),
    // or at the site's "related texts" section, or at the end of the file.
    private static int End(List<string> lines, int from, string? kind, string? number)
    {
        for (var i = from; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("## Văn bản liên quan", StringComparison.Ordinal)
                || (kind is not null && number is not null && line.StartsWith($"{kind} {number} ", StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }

        return lines.Count;
    }

    // The site's title of the text, the one that carries its date ("Quyết định 02124/QĐ-UBND ngày 24/11/2025 công bố …").
    private static string? SiteTitle(List<string> lines, int end, string? kind, string? number)
    {
        if (kind is null || number is null)
        {
            return null;
        }

        return lines.Skip(end).Take(6).Select(l => l.Trim())
            .Where(l => l.StartsWith($"{kind} {number} ", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(l => l.Contains(" ngày ", StringComparison.Ordinal))
            .FirstOrDefault();
    }

    private static List<AnnexProcedure> WriteBody(StringBuilder body, List<string> lines, Casing casing)
    {
        var procedures = new List<AnnexProcedure>();
        var afterRow = false;
        ReadRows(PageLayout.Rows(lines), procedures, (kind, text) =>
        {
            if (afterRow && kind != Block.TableRow)
            {
                body.Append('\n'); // a blank line closes a table
            }

            afterRow = kind == Block.TableRow;
            switch (kind)
            {
                case Block.Paragraph:
                    body.Append(Paragraph(text, casing)).Append("\n\n");
                    break;
                case Block.TableRow:
                    body.Append(text).Append('\n');
                    break;
                case Block.Heading:
                    body.Append(text).Append("\n\n");
                    break;
            }
        }, casing);
        return procedures;
    }

    private static void ReadRows(List<List<List<string>>> rows, List<AnnexProcedure> procedures, Action<Block, string> write, Casing casing)
    {
        AnnexTable? table = null;
        string? group = null;
        string? writtenGroup = null;
        foreach (var row in rows)
        {
            if (table is not null)
            {
                if (table.GroupOf(row) is { } named)
                {
                    group = named;
                    continue;
                }

                if (table.Read(row, group) is { } procedure)
                {
                    procedures.Add(procedure);
                    if (procedure.Group is not null && procedure.Group != writtenGroup)
                    {
                        write(Block.Heading, "### " + SentenceCase(procedure.Group, casing));
                        writtenGroup = procedure.Group;
                    }

                    write(Block.Heading, ProcedureText(procedure));
                    continue;
                }

                table = null; // the row is not the table's: the text goes on
            }

            var heading = AnnexTable.FindHeading(row);
            var textCells = heading is null ? row.Count : heading.Value.HeadingStart;
            var shortCells = row.Count > 1 && heading is null && row.All(c => PageLayout.Flat(c).Length <= 200);
            if (shortCells)
            {
                write(Block.TableRow, "| " + string.Join(" | ", row.Select(PageLayout.Flat)) + " |");
                continue;
            }

            for (var c = 0; c < textCells; c++)
            {
                foreach (var paragraph in PageLayout.Paragraphs(row[c]))
                {
                    write(Block.Paragraph, paragraph);
                }
            }

            if (heading is { } found)
            {
                table = found.Table;
                group = null;
                writtenGroup = null;
            }
        }
    }

    private static string ProcedureText(AnnexProcedure procedure)
    {
        var text = new StringBuilder("#### ");
        if (procedure.Code is not null)
        {
            text.Append(procedure.Code).Append(' ');
        }

        text.Append(procedure.Name);
        if (procedure.Code is not null)
        {
            text.Append("\n- Mã thủ tục: ").Append(procedure.Code);
        }

        foreach (var (column, value) in procedure.Cells)
        {
            text.Append("\n- ").Append(column.TrimEnd(':')).Append(": ").Append(value);
        }

        if (procedure.Truncated)
        {
            text.Append("\n- (Dòng này bị cắt trong bản trang đã lưu; các cột còn lại không có.)");
        }

        return text.ToString();
    }

    // A paragraph as Markdown: an article, chapter or annex opening becomes a heading the chunker cuts at.
    private static string Paragraph(string paragraph, Casing casing)
    {
        var article = ArticleOpening().Match(paragraph);
        if (article.Success)
        {
            var name = PageLayout.Plain(article.Groups["name"].Value).TrimEnd('.');
            var rest = PageLayout.Plain(article.Groups["rest"].Value);
            var heading = $"### Điều {article.Groups["number"].Value}.{(name.Length > 0 ? " " + name : string.Empty)}";
            return rest.Length > 0 ? heading + "\n\n" + rest : heading;
        }

        var plain = PageLayout.Plain(paragraph);
        if (paragraph.StartsWith("**", StringComparison.Ordinal) && ChapterOrAnnex().Match(plain) is { Success: true } opening)
        {
            return $"## {opening.Groups["label"].Value}{(opening.Groups["rest"].Length > 0 ? " " + SentenceCase(opening.Groups["rest"].Value, casing) : string.Empty)}";
        }

        if (paragraph.StartsWith("**", StringComparison.Ordinal) && paragraph.TrimEnd().EndsWith("**", StringComparison.Ordinal) && plain.Length <= 200 && NumberedHeading().Match(plain) is { Success: true } numbered)
        {
            return (numbered.Groups["roman"].Success ? "## " : "### ") + plain;
        }

        return plain;
    }

    private static string? Province(List<string> issuerLines)
    {
        var text = PageLayout.Plain(string.Join(' ', issuerLines)).Trim('-', ' ');
        var match = IssuerProvince().Match(text);
        return match.Success ? ProvinceKey.Of(match.Groups["name"].Value) : null;
    }

    private static string? Issuer(List<string> issuerLines, Casing casing)
    {
        var text = PageLayout.Plain(string.Join(' ', issuerLines)).Trim('-', ' ');
        if (text.Length == 0)
        {
            return null;
        }

        var match = IssuerProvince().Match(text);
        if (match.Success)
        {
            var body = match.Groups["body"].Value.StartsWith("HỘI", StringComparison.Ordinal) ? "Hội đồng nhân dân" : "Ủy ban nhân dân";
            var unit = match.Groups["unit"].Value == "TỈNH" ? "tỉnh" : "thành phố";
            return $"{body} {unit} {TitleCase(match.Groups["name"].Value)}";
        }

        return SentenceCase(text, casing);
    }

    private static string Id(string? province, string? number, DateOnly? issued, string sourcePath)
    {
        if (number is null)
        {
            return "vb-" + Slug(Path.GetFileNameWithoutExtension(sourcePath));
        }

        var slug = Slug(number);
        if (!YearInNumber().IsMatch(number) && issued is { } date)
        {
            var first = slug.IndexOf('-', StringComparison.Ordinal);
            slug = first < 0 ? $"{slug}-{date.Year}" : $"{slug[..first]}-{date.Year}{slug[first..]}";
        }

        return province is null ? slug : $"{province}-{slug}";
    }

    private static string Slug(string text) =>
        string.Join('-', NonWord().Split(VietnameseText.Fold(text).ToLowerInvariant()).Where(p => p.Length > 0));

    // "Quyết định này có hiệu lực kể từ ngày ký" or "… có hiệu lực (thi hành) từ ngày 01 tháng 12 năm 2025".
    private static DateOnly? Effective(string body, DateOnly? issued)
    {
        var match = EffectiveClause().Match(body);
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["signing"].Success)
        {
            return issued;
        }

        return match.Groups["day"].Success ? Date(match) : ParseDate(match.Groups["date"].Value);
    }

    private static DateOnly? Date(Match match) =>
        DateOnly.TryParseExact($"{match.Groups["day"].Value.PadLeft(2, '0')}/{match.Groups["month"].Value.PadLeft(2, '0')}/{match.Groups["year"].Value}", "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static DateOnly? ParseDate(string? text) =>
        text is not null && DateOnly.TryParseExact(text.Trim(), ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    // A subject after "Quyết định 030/2025/QĐ-UBND" continues the title: its first word is not capitalised.
    private static string Continuing(string subject) =>
        subject.Length > 1 && char.IsUpper(subject[0]) && char.IsLower(subject[1]) ? char.ToLowerInvariant(subject[0]) + subject[1..] : subject;

    private static bool IsUpperCase(string line) => line.Any(char.IsLetter) && !line.Any(char.IsLower);

    private static string TitleCase(string upper) =>
        string.Join(' ', upper.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    // Upper-case text in sentence case, each word as the body usually writes it ("ĐẮK LẮK" → "Đắk Lắk"); Roman
    // numerals stay as they are, and the first word after them opens the sentence.
    private static string SentenceCase(string text, Casing? casing)
    {
        var plain = PageLayout.Plain(text);
        if (!IsUpperCase(plain))
        {
            return plain;
        }

        var words = plain.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var opened = false;
        for (var i = 0; i < words.Count; i++)
        {
            if (RomanNumeral().IsMatch(words[i]))
            {
                continue;
            }

            var lower = words[i].ToLowerInvariant();
            words[i] = casing?.Usual(lower) ?? lower;
            if (!opened)
            {
                words[i] = char.ToUpperInvariant(words[i][0]) + words[i][1..];
                opened = true;
            }
        }

        return string.Join(' ', words);
    }

    private enum Block
    {
        Paragraph,
        TableRow,
        Heading,
    }

    /// <summary>How the body writes each word when it is not in upper case, learnt from the body itself.</summary>
    private sealed class Casing
    {
        private readonly Dictionary<string, Dictionary<string, int>> _forms = new(StringComparer.Ordinal);

        public static Casing Learn(IEnumerable<string> lines)
        {
            var casing = new Casing();
            foreach (var line in lines)
            {
                var words = WordPattern().Matches(PageLayout.Plain(line)).Select(m => m.Value).ToList();
                if (words.Count == 0 || IsUpperCase(line))
                {
                    continue;
                }

                // The first word of a line may open a sentence; the others show the word's own casing.
                foreach (var word in words.Skip(1))
                {
                    var key = word.ToLowerInvariant();
                    if (!casing._forms.TryGetValue(key, out var forms))
                    {
                        casing._forms[key] = forms = new Dictionary<string, int>(StringComparer.Ordinal);
                    }

                    forms[word] = forms.GetValueOrDefault(word) + 1;
                }
            }

            return casing;
        }

        public string Usual(string lower) =>
            _forms.TryGetValue(lower, out var forms) ? forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key : lower;
    }

    [GeneratedRegex(@"^<!--\s*source:\s*(?<url>[^\s;]+)")]
    private static partial Regex SourceUrl();

    [GeneratedRegex(@"^(?<label>Số hiệu|Loại văn bản|Nơi ban hành|Người ký|Ngày ban hành|Ngày hiệu lực):$")]
    private static partial Regex MetadataLabel();

    [GeneratedRegex(@"Số:\s*(?<number>\d+[0-9A-Za-zĐđ/\-.]*)")]
    private static partial Regex HeaderNumber();

    [GeneratedRegex(@"ngày\s+(?<day>\d{1,2})\s+tháng\s+(?<month>\d{1,2})\s+năm\s+(?<year>\d{4})")]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"^\*\*\s*(?<kind>QUYẾT ĐỊNH|CHỈ THỊ|KẾ HOẠCH|NGHỊ QUYẾT|THÔNG BÁO|HƯỚNG DẪN|QUY ĐỊNH|CÔNG VĂN|THÔNG TƯ|NGHỊ ĐỊNH|LUẬT|PHÁP LỆNH|QUY CHẾ|ĐỀ ÁN|CHƯƠNG TRÌNH)\s*\*\*$")]
    private static partial Regex KindLine();

    [GeneratedRegex(@"^\*\*\s*Điều\s+(?<number>\d+[a-z]?)\.?\s*(?<name>[^*]*)\*\*\s*(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex ArticleOpening();

    [GeneratedRegex(@"^(?<label>(?:Chương|CHƯƠNG|Mục|MỤC)\s+[IVXLC\d]+|PHỤ LỤC(?:\s+[IVXLC\d]+)?|Phụ lục(?:\s+[IVXLC\d]+)?)\.?\s*(?<rest>.*)$")]
    private static partial Regex ChapterOrAnnex();

    [GeneratedRegex(@"^(?:(?<roman>[IVXLC]{1,6})|\d{1,2})\.\s")]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"(?<body>ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)\s+(?<unit>TỈNH|THÀNH PHỐ)\s+(?<name>[A-ZÀ-ỸĐ][A-ZÀ-ỸĐ ]*[A-ZÀ-ỸĐ])")]
    private static partial Regex IssuerProvince();

    [GeneratedRegex(@"(?:^|/)(?:19|20)\d\d(?:/|$)")]
    private static partial Regex YearInNumber();

    [GeneratedRegex(@"có hiệu lực(?: thi hành)?(?: kể)? từ ngày (?:(?<signing>ký)|(?<day>\d{1,2}) tháng (?<month>\d{1,2}) năm (?<year>\d{4})|(?<date>\d{1,2}/\d{1,2}/\d{4}))")]
    private static partial Regex EffectiveClause();

    [GeneratedRegex(@"^[IVXLC]{1,6}[.,:]?$")]
    private static partial Regex RomanNumeral();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordPattern();
}
