using System.Text;
using System.Text.RegularExpressions;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Documents.Catalogue;

/// <summary>
/// Reads the tables of a national catalogue record back from the flattened text the crawl kept: the crawl joined
/// each table's cells without separators ("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến3 Ngày làm
/// việcMiễn phí…"), so rows are found again from what each column can hold. The rules below were read off the
/// 2,642 records of the national catalogue; each says which column value ends a row.
/// </summary>
internal static partial class CatalogueTables
{
    /// <summary>What the portal writes in a cell it has nothing for.</summary>
    public const string NoInformation = "Không có thông tin";

    private const string ChannelHeader = "Hình thức nộpThời gianPhí, lệ phíMô tả";
    private const string DocumentHeader = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";
    private const string LegalBasisHeader = "Tên văn bản pháp lýMã văn bản";

    // A form the portal attaches is named at the end of the document's cell; a longer "name" is the document's own text.
    private const int MaxFormNameLength = 60;

    /// <summary>
    /// The filing channels of "cách thức thực hiện". A row starts where a channel's name is directly followed by
    /// its time limit (a number, or the portal's "Không …"), which free text in the description column never is.
    /// </summary>
    public static IReadOnlyList<FilingChannel> Channels(string? text)
    {
        var body = Strip(text, ChannelHeader);
        if (body is null)
        {
            return [];
        }

        var starts = ChannelRowStart().Matches(body);
        var rows = new List<FilingChannel>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].Index : body.Length;
            var channel = starts[i].Groups["channel"].Value;
            rows.Add(Channel(channel, body[(starts[i].Index + channel.Length)..end]));
        }

        return rows;
    }

    /// <summary>
    /// The documents of "thành phần hồ sơ", table by table. A row ends with its count ("1 bản chính", "0 bản
    /// chính,1 bản sao": one digit each, glued to the next row); text before a table's header is its caption.
    /// </summary>
    /// <returns>The rows, or null when the field holds no document table (the crawl put other text there).</returns>
    public static IReadOnlyList<RequiredDocument>? Documents(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !text.Contains(DocumentHeader, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = text.Split(DocumentHeader);
        var rows = new List<RequiredDocument>();
        var caption = Caption(segments[0]);
        for (var s = 1; s < segments.Length; s++)
        {
            var segment = segments[s];
            var position = 0;
            foreach (Match count in DocumentCount().Matches(segment))
            {
                var cell = segment[position..count.Index];
                position = count.Index + count.Length;
                var (name, form) = SplitForm(Clean(cell).TrimStart('-', '+', '*', ' '));
                if (name.Length == 0)
                {
                    continue;
                }

                var copies = count.Groups["copies"].Success ? count.Groups["copies"].Value[0] - '0' : 0;
                rows.Add(new RequiredDocument(caption, name, form, count.Groups["originals"].Value[0] - '0', copies));
            }

            // What follows the last row is the next table's caption (or a closing note of the last table).
            var rest = Clean(segment[position..]);
            if (s + 1 < segments.Length)
            {
                caption = Caption(rest);
            }
            else if (rest.Trim('-', ' ').Length > 0)
            {
                rows.Add(new RequiredDocument(caption, rest.Trim('-', ' '), null, 0, 0));
            }
        }

        return rows;
    }

    /// <summary>
    /// The texts of "căn cứ pháp lý", each as number and title. A row ends with the text's number ("51/2019/QH14")
    /// glued to the next row's title; a number ends a row only where what follows can begin a title (a
    /// Vietnamese syllable, or the same number written twice: a title that is itself a number).
    /// </summary>
    public static IReadOnlyList<LegalReference> LegalBasis(string? text)
    {
        var body = Strip(text, LegalBasisHeader);
        if (body is null)
        {
            return [];
        }

        var references = new List<LegalReference>();
        var rowStart = 0;
        while (rowStart < body.Length)
        {
            var end = NextRowEnd(body, rowStart);
            var row = body[rowStart..end];
            rowStart = end;
            var number = RowNumber(row);
            var title = Clean(number is null ? row : row[..^number.Length]).Trim(' ', ';', ',', '.');
            references.Add(new LegalReference(number, title.Length == 0 ? null : title));
        }

        return references.Where(r => r.Number is not null || r.Title is not null).ToList();
    }

    /// <summary>The results of "kết quả xử lý": the names before each "Mã: KQ…" code, up to the page's search widgets.</summary>
    public static IReadOnlyList<string> Results(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var keywords = text.IndexOf("Từ khóa", StringComparison.Ordinal);
        var body = keywords < 0 ? text : text[..keywords];
        return ResultCode().Split(body)
            .Select(Clean)
            .Where(name => name.Length > 0 && name != NoInformation)
            .ToList();
    }

    /// <summary>Trims a cell and gives null for an empty one or the portal's "Không có thông tin".</summary>
    public static string? Value(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var value = Clean(text);
        return value.Length == 0 || value == NoInformation ? null : value;
    }

    /// <summary>Collapses runs of spaces and tabs; keeps line breaks (steps and conditions are written in lines).</summary>
    public static string Clean(string text) =>
        string.Join('\n', text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n')
            .Select(line => Spaces().Replace(line, " ").Trim())
            .Where(line => line.Length > 0));

    private static FilingChannel Channel(string channel, string cells)
    {
        var time = TimeCell().Match(cells);
        var timeLimit = time.Groups["none"].Success ? time.Groups["none"].Value.Trim() : time.Value.Trim();
        var rest = cells[time.Length..];
        if (time.Groups["amount"].Success && !time.Groups["unit"].Success && FeeAmountAhead().IsMatch(rest))
        {
            // The time has no unit and the fee is an amount: their digits ran together ("Trực tuyến120,000 VNĐ").
            // The portal's unitless times are single digits (1, 5) in nine rows out of ten, so the first digit is
            // the time and the rest is the fee.
            timeLimit = time.Value[..1];
            rest = cells[1..];
        }

        var fee = FeeCell().Match(rest);
        string feeText;
        if (fee.Success)
        {
            feeText = fee.Value;
            rest = rest[fee.Length..];
        }
        else
        {
            feeText = NoInformation;
        }

        string? note = null;
        if (fee.Success && rest.StartsWith('('))
        {
            var close = ClosingBracket(rest);
            note = Note(rest[1..Math.Max(1, close)]);
            rest = close < rest.Length ? rest[(close + 1)..] : string.Empty;
        }

        if (timeLimit.Length > 0 && timeLimit.All(c => char.IsDigit(c) || c is '.' or ','))
        {
            timeLimit += " (bản ghi không ghi đơn vị)";
        }

        return new FilingChannel(channel, timeLimit.Length == 0 ? NoInformation : timeLimit, feeText, note, Value(rest));
    }

    // The note without a bracket pair around all of it, and without spaces before its closing brackets.
    private static string? Note(string text)
    {
        var note = Value(text);
        if (note is null)
        {
            return null;
        }

        if (note.Length > 1 && note[0] == '(' && ClosingBracket(note) == note.Length - 1)
        {
            note = note[1..^1].Trim();
        }

        note = SpaceBeforeBracket().Replace(note, ")");
        return note.Length == 0 ? null : note;
    }

    // The index of the bracket that closes the one at 0, or the length when it is never closed.
    private static int ClosingBracket(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch
            {
                '(' => 1,
                ')' => -1,
                _ => 0,
            };
            if (depth == 0)
            {
                return i;
            }
        }

        return text.Length;
    }

    private static string? Caption(string text)
    {
        var caption = Clean(text).Trim('-', '*', '+', ' ', ':');
        return caption.Length == 0 ? null : caption;
    }

    // The attached form's file name closes the cell, glued to the document's name: it starts after the last
    // separator (";", ":", ".") or at the last capital glued to the word before it ("Mẫu số 18Mẫu số 18.docx").
    private static (string Name, string? Form) SplitForm(string cell)
    {
        var extension = FormExtension().Match(cell);
        if (!extension.Success)
        {
            return (cell, null);
        }

        for (var i = extension.Index - 1; i > 0 && extension.Index + extension.Length - i <= MaxFormNameLength; i--)
        {
            var glued = char.IsUpper(cell[i]) && !char.IsWhiteSpace(cell[i - 1]) && cell[i - 1] != '(' && i + 1 < cell.Length && char.IsLower(cell[i + 1]);
            if (glued || cell[i - 1] is ';' or ':' or '.')
            {
                var name = cell[..i].TrimEnd(' ', ';', ',', ':', '.').Trim();
                return name.Length == 0 ? (cell, null) : (name, cell[i..].Trim());
            }
        }

        return (cell, null);
    }

    private static int NextRowEnd(string body, int from)
    {
        foreach (Match number in NumberCandidate().Matches(body, from))
        {
            // The greedy match may have taken the next title's first capital ("NĐ-CPNghị"): try each end.
            int? lowerStart = null;
            for (var end = number.Index + number.Groups["min"].Length; end <= number.Index + number.Length; end++)
            {
                switch (TitleStartAt(body, end))
                {
                    case TitleStart.End:
                    case TitleStart.Capital:
                    case TitleStart.RepeatedNumber:
                        return end;
                    case TitleStart.Lower:
                        lowerStart ??= end;
                        break;
                }
            }

            if (lowerStart is { } lower)
            {
                return lower;
            }
        }

        return body.Length;
    }

    private static TitleStart TitleStartAt(string body, int position)
    {
        if (position >= body.Length)
        {
            return TitleStart.End;
        }

        var next = body[position];
        if (char.IsDigit(next))
        {
            // A title that is itself a number shows as the number written twice ("14/2025/TT-BNNMT14/2025/TT-BNNMT");
            // a title may also open with its number ("1040/QĐ-BHXH ban hành mẫu …").
            var twice = RepeatedNumber().Match(body, position);
            var opening = NumberOpensTitle().Match(body, position);
            return (twice.Success && twice.Index == position) || (opening.Success && opening.Index == position) ? TitleStart.RepeatedNumber : TitleStart.None;
        }

        var wordEnd = position;
        while (wordEnd < body.Length && char.IsLetter(body[wordEnd]) && (wordEnd == position || !char.IsUpper(body[wordEnd]) || char.IsUpper(body[position + 1 < body.Length ? position + 1 : position])))
        {
            wordEnd++;
        }

        if (!char.IsLetter(next) || !Syllable().IsMatch(VietnameseText.Fold(body[position..wordEnd]).ToLowerInvariant()))
        {
            return TitleStart.None;
        }

        if (!char.IsUpper(next))
        {
            // A citation goes on after its number with the number's date or issuer ("53/2025/TT-BCAngày 01/7/2025").
            return CitationGoesOn().IsMatch(body.AsSpan(position)) ? TitleStart.None : TitleStart.Lower;
        }

        // Capitals run on from a number's issuer ("TT-BCA"), so a title may start inside a run of capitals only as a
        // word in a capitalised title ("NĐ-CPQUY ĐỊNH VIỆC …") or as the capital of a word ("NĐ-CPNghị định").
        var run = position;
        while (run < body.Length && char.IsUpper(body[run]))
        {
            run++;
        }

        if (run - position == 1)
        {
            return run < body.Length && char.IsLower(body[run]) ? TitleStart.Capital : TitleStart.None;
        }

        if (run < body.Length && char.IsLower(body[run]))
        {
            return TitleStart.None;
        }

        var nextWord = run;
        while (nextWord < body.Length && body[nextWord] == ' ')
        {
            nextWord++;
        }

        var word = VietnameseText.Fold(body[position..run]).ToLowerInvariant();
        var capitalisedTitle = nextWord > run && nextWord + 1 < body.Length && char.IsUpper(body[nextWord]) && !char.IsLower(body[nextWord + 1]);
        return capitalisedTitle && Syllable().IsMatch(word) ? TitleStart.Capital : TitleStart.None;
    }

    /// <summary>The number at the end of a row: a number written twice is a title and a number; otherwise the longest that the title does not run into.</summary>
    private static string? RowNumber(string row)
    {
        var twice = RowEndsWithRepeatedNumber().Match(row);
        if (twice.Success)
        {
            return twice.Groups["number"].Value;
        }

        string? afterYear = null;
        for (var start = 0; start < row.Length; start++)
        {
            if (!char.IsDigit(row[start]) || !WholeNumber().IsMatch(row[start..]))
            {
                continue;
            }

            if (start == 0 || !char.IsDigit(row[start - 1]) && row[start - 1] != '/')
            {
                return row[start..];
            }

            // "Luật Khiếu nại năm 201102/2011/QH13": the title ends with a year.
            if (afterYear is null && start >= 4 && YearBefore().IsMatch(row[..start]))
            {
                afterYear = row[start..];
            }
        }

        return afterYear;
    }

    private static string? Strip(string? text, string header)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var body = text.Trim();
        if (body.StartsWith(header, StringComparison.Ordinal))
        {
            body = body[header.Length..];
        }

        return body.Length == 0 || body == NoInformation ? null : body;
    }

    private enum TitleStart
    {
        None,
        End,
        Capital,
        Lower,
        RepeatedNumber,
    }

    [GeneratedRegex("(?<channel>Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\\d|Không)")]
    private static partial Regex ChannelRowStart();

    [GeneratedRegex("^(?:(?<none>Không phải trả kết quả cho người nộp thuế|Không có thông tin|Không quy định|Không ?)|(?<amount>\\d+(?:[.,]\\d+)*)(?: ?(?<unit>Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Tuần|Phút))?)")]
    private static partial Regex TimeCell();

    [GeneratedRegex("^ ?(?:Việt Nam Đồng|VNĐ|USD|EUR|Đồng|đồng)")]
    private static partial Regex FeeAmountAhead();

    [GeneratedRegex("^(?:Miễn phí|Không có thông tin|\\d[\\d.,]* ?(?:Việt Nam Đồng|VNĐ|USD|EUR|Đồng|đồng))")]
    private static partial Regex FeeCell();

    [GeneratedRegex("(?<originals>\\d) bản chính(?:,(?<copies>\\d) bản sao)?(?=$|[^\\s),;.])")]
    private static partial Regex DocumentCount();

    [GeneratedRegex("\\.(?:docx|doc|pdf|xlsx|xls|zip|rar|odt)$", RegexOptions.IgnoreCase)]
    private static partial Regex FormExtension();

    // A text's number: "51/2019/QH14", "601/QĐ-BTC", "09/2015/TTLT-BCA-BYT-BTC", "53/2013/QĐ-TTg", "73-CP", "42/2020".
    // 'min' is the shortest form the number can take, so that the caller can try each end up to the greedy one.
    [GeneratedRegex("(?<min>\\d{1,4}(?:\\.\\d{1,2})?(?:/\\d{4})?(?:/[A-ZĐ]|-[A-ZĐ])|\\d{1,4}/\\d{4})(?:[A-ZĐ0-9]|-(?=[A-ZĐ])|/(?=[A-ZĐ])|(?<=T)g)*")]
    private static partial Regex NumberCandidate();

    [GeneratedRegex("^(?:\\d{1,4}(?:\\.\\d{1,2})?(?:/\\d{4})?(?:/|-)[A-ZĐ](?:[A-ZĐ0-9]|-(?=[A-ZĐ])|/(?=[A-ZĐ])|(?<=T)g)*|\\d{1,4}/\\d{4})$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex("(?<number>\\d{1,4}(?:/\\d{4})?(?:/|-)[A-ZĐ](?:[A-ZĐ0-9]|-(?=[A-ZĐ])|/(?=[A-ZĐ])|(?<=T)g)*)\\k<number>")]
    private static partial Regex RepeatedNumber();

    [GeneratedRegex("\\G\\d{1,4}(?:/\\d{4})?/[A-ZĐ](?:[A-ZĐ0-9]|-(?=[A-ZĐ])|/(?=[A-ZĐ])|(?<=T)g)* \\p{Ll}")]
    private static partial Regex NumberOpensTitle();

    [GeneratedRegex("(?<number>\\d{1,4}(?:/\\d{4})?(?:/|-)[A-ZĐ](?:[A-ZĐ0-9]|-(?=[A-ZĐ])|/(?=[A-ZĐ])|(?<=T)g)*)\\k<number>$")]
    private static partial Regex RowEndsWithRepeatedNumber();

    [GeneratedRegex("(?:^|\\D)(?:19|20)\\d\\d$")]
    private static partial Regex YearBefore();

    // A whole Vietnamese syllable (folded): "quy", "luat", "dinh"; not "caquy".
    [GeneratedRegex("^(?:ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|nh|ng|[cmnpt])?$")]
    private static partial Regex Syllable();

    [GeneratedRegex("^(?:ngày|của|về|và|năm|tháng)\\b")]
    private static partial Regex CitationGoesOn();

    [GeneratedRegex("Mã: ?KQ\\.[A-Z0-9]+\\.\\d+")]
    private static partial Regex ResultCode();

    [GeneratedRegex("\\s+\\)")]
    private static partial Regex SpaceBeforeBracket();

    [GeneratedRegex("[ \\t\\u00A0]+")]
    private static partial Regex Spaces();
}
