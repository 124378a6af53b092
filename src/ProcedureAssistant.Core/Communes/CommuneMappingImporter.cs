using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Communes;

/// <summary>
/// Builds the commune data file (<c>Communes/Data/communes.tsv</c>) from the dvhcvn 2025 mapping (MIT):
/// <c>mapping/splits.json</c> (old → new), <c>mapping/merges.json</c> (new → old, with full or partial), and the 34
/// resolutions under <c>input/docs/</c>. The mapping names no resolution or article, so both are read from the
/// resolutions' text: each resolution arranges one new province's communes, and clause N of its Article 1 names
/// the new commune it forms in bold ("… thành xã mới có tên gọi là **xã Hòa Phú**", "Đổi tên xã A thành **xã
/// B**"); the communes left as they were are listed in a clause of their own ("… không thực hiện sắp xếp là các
/// xã A, B"). The import checks every article it finds against the mapping: the old communes the mapping merges
/// into a new one should be named in that clause.
/// </summary>
public static partial class CommuneMappingImporter
{
    /// <summary>The file's format version, first on its first line.</summary>
    public const string FormatLine = "# communes.tsv v2";

    /// <summary>Reads the mapping folder (<c>../shared/realdata/communes</c>) and writes the data file's text.</summary>
    public static CommuneImport Import(string folder, string sourceCommit)
    {
        using var splits = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "mapping", "splits.json")));
        using var merges = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "mapping", "merges.json")));
        var resolutions = Directory.GetFiles(Path.Combine(folder, "input", "docs"), "*_NQ-UBTVQH15.md")
            .Select(path => Resolution.Read(path))
            .Where(r => r.ProvinceKey is not null)
            .GroupBy(r => r.ProvinceKey!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var text = new StringBuilder();
        text.Append(FormatLine).Append('\n');
        text.Append("# Derived from dvhcvn/20250701 @ ").Append(sourceCommit).Append(" (Copyright (c) 2025 dvhcvn, MIT licence: ../shared/realdata/communes/LICENSE): mapping/splits.json, mapping/merges.json and the resolutions 1654-1687/NQ-UBTVQH15 in input/docs/.\n");
        text.Append("# Regenerate: dotnet run --project src/ProcedureAssistant.Cli -- import-communes --from ../shared/realdata/communes\n");
        text.Append("# P new-province-code name resolution | S new-province-code article the resolution's sentence on the units after the merger | N new-commune-code name province-code article | Q old-province-code name new-province-code | O old-commune-code name old-province-code new-code[*partial],... [district, where the resolution names one]\n");

        var partial = new HashSet<(string New, string Old)>();

        // The district a resolution names beside an old commune, where it tells namesakes of one province apart
        // ("xã Hòa An (huyện Krông Pắc)"): by old commune code.
        var districts = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<string>();
        int total = 0, withArticle = 0, verified = 0;
        foreach (var province in merges.RootElement.GetProperty("data").EnumerateArray())
        {
            var code = province.GetProperty("level1_id").GetString()!;
            var name = province.GetProperty("name").GetString()!;
            resolutions.TryGetValue(ProvinceKey.Of(name) ?? string.Empty, out var resolution);
            Row(text, "P", code, name, resolution?.Number ?? string.Empty);
            if (resolution?.Summary is { } summary)
            {
                Row(text, "S", code, $"Điều 1, khoản {summary.Clause}", summary.Text);
            }

            foreach (var commune in province.GetProperty("level2s").EnumerateArray())
            {
                total++;
                var id = commune.GetProperty("level2_id").GetString()!;
                var communeName = commune.GetProperty("name").GetString()!;
                var olds = commune.GetProperty("merges").EnumerateArray().ToList();
                foreach (var old in olds.Where(o => o.GetProperty("type").GetString() == "partial"))
                {
                    partial.Add((id, old.GetProperty("old_id").GetString()!));
                }

                var clause = resolution?.ClauseOf(communeName);
                if (clause is not null)
                {
                    foreach (var old in olds)
                    {
                        if (resolution!.DistrictIn(clause.Value, old.GetProperty("name").GetString()!) is { } district)
                        {
                            districts.TryAdd(old.GetProperty("old_id").GetString()!, district);
                        }
                    }
                }

                if (clause is null)
                {
                    missing.Add($"{name}: {communeName}");
                }
                else
                {
                    withArticle++;
                    var clauseText = resolution!.Clauses[clause.Value];
                    if (olds.All(o => clauseText.Contains(Bare(o.GetProperty("name").GetString()!), StringComparison.Ordinal)))
                    {
                        verified++;
                    }
                }

                Row(text, "N", id, communeName, code, clause is null ? string.Empty : $"Điều 1, khoản {clause}");
            }
        }

        foreach (var province in splits.RootElement.GetProperty("data").EnumerateArray())
        {
            var code = province.GetProperty("level1_id").GetString()!;
            var newProvince = province.GetProperty("splits")[0].GetProperty("new_id").GetString()!;
            Row(text, "Q", code, province.GetProperty("name").GetString()!, newProvince);
            foreach (var commune in province.GetProperty("level3s").EnumerateArray())
            {
                var id = commune.GetProperty("level3_id").GetString()!;
                var targets = commune.GetProperty("splits").EnumerateArray()
                    .Select(s => s.GetProperty("new_id").GetString()!)
                    .Select(n => partial.Contains((n, id)) ? n + "*" : n);
                string[] cells = ["O", id, commune.GetProperty("name").GetString()!, code, string.Join(',', targets)];
                Row(text, districts.TryGetValue(id, out var district) ? [.. cells, district] : cells);
            }
        }

        return new CommuneImport(text.ToString(), total, withArticle, verified, missing);
    }

    private static void Row(StringBuilder text, params string[] cells) =>
        text.Append(string.Join('\t', cells.Select(c => c.Replace('\t', ' ').Replace('\n', ' ')))).Append('\n');

    // A commune's name without its kind, folded ("Xã Hòa Phú" → "hoa phu"), to look it up in a clause's folded text.
    private static string Bare(string name) => Key(KindWord().Replace(name, string.Empty));

    private static string Key(string text) =>
        Spaces().Replace(VietnameseText.Fold(VietnameseText.Normalize(text)), " ").Trim();

    /// <summary>One resolution: its number, its province, and the folded text of each clause of Article 1.</summary>
    private sealed class Resolution
    {
        private readonly Dictionary<string, int> _clauseByName = new(StringComparer.Ordinal);

        public required string Number { get; init; }

        public string? ProvinceKey { get; init; }

        public Dictionary<int, string> Clauses { get; } = [];

        // Each clause as written (whitespace folded), for the district names it gives.
        private readonly Dictionary<int, string> _written = [];

        /// <summary>The clause that counts the province's units after the merger ("Sau khi sắp xếp, tỉnh … có 102 đơn vị …"), as written.</summary>
        public (int Clause, string Text)? Summary { get; private set; }

        public static Resolution Read(string path)
        {
            var number = Path.GetFileNameWithoutExtension(path).Replace('_', '/');
            var text = File.ReadAllText(path).Normalize(NormalizationForm.FormC).Replace("\\", string.Empty, StringComparison.Ordinal);
            var flat = Spaces().Replace(text, " ");
            var province = ProvinceOf().Match(flat);
            var resolution = new Resolution
            {
                Number = number,
                ProvinceKey = province.Success ? Documents.ProvinceKey.Of(province.Groups["name"].Value) : null,
            };

            var start = ArticleStart().Match(flat, 0);
            if (!start.Success)
            {
                return resolution;
            }

            var end = flat.IndexOf("Điều 2.", start.Index, StringComparison.Ordinal);
            var article = end < 0 ? flat[start.Index..] : flat[start.Index..end];

            // Clauses are numbered 1, 2, 3 … in order: each is found after the one before, so numbers inside a
            // clause ("Phường 1", "khoản 66 Điều này") are not taken for clause openings. A few are written without
            // the space after the number ("9.Sắp xếp"): one found that way continues the count.
            var positions = new List<(int Number, int At)>();
            var from = 0;
            for (var n = 1; ; n++)
            {
                var next = new Regex($@"(?:^|[.:;*]\s){n}\.(?:\s|(?=\p{{Lu}}))", RegexOptions.CultureInvariant).Match(article, from);
                if (!next.Success)
                {
                    break;
                }

                positions.Add((n, next.Index));
                from = next.Index + next.Length;
            }

            for (var i = 0; i < positions.Count; i++)
            {
                var clause = article[positions[i].At..(i + 1 < positions.Count ? positions[i + 1].At : article.Length)];
                resolution.AddClause(positions[i].Number, clause);
            }

            return resolution;
        }

        public int? ClauseOf(string communeName) =>
            _clauseByName.TryGetValue(Key(communeName), out var clause) ? clause : null;

        /// <summary>
        /// The district the clause names right after an old commune ("Hòa An (huyện Krông Pắc)" gives "huyện Krông
        /// Pắc", "Châu Thành (huyện Châu Thành, tỉnh Bến Tre)" gives "huyện Châu Thành"), as written; null when it
        /// names none. Resolutions do so where one province had namesakes.
        /// </summary>
        public string? DistrictIn(int clause, string oldCommuneName)
        {
            if (!_written.TryGetValue(clause, out var written))
            {
                return null;
            }

            // Matched in canonical lower case (tone placement as elsewhere), taken from the text as written: the
            // two have the same length, letter for letter.
            var canonical = VietnameseText.Normalize(written);
            var name = Regex.Escape(VietnameseText.Normalize(KindWord().Replace(oldCommuneName, string.Empty).Trim()));
            var match = Regex.Match(canonical, $@"(?<![\p{{L}}\p{{M}}]){name}\s*\(\s*(?<district>(?:huyện|thị xã|thành phố|quận)\s+[^(),;]+?)\s*[),;]", RegexOptions.CultureInvariant);
            if (!match.Success)
            {
                return null;
            }

            var group = match.Groups["district"];
            return canonical.Length == written.Length ? written.Substring(group.Index, group.Length) : group.Value;
        }

        private void AddClause(int number, string clause)
        {
            Clauses[number] = Key(clause);
            _written[number] = Spaces().Replace(clause.Replace("**", string.Empty, StringComparison.Ordinal), " ");
            var summary = SummaryClause().Match(clause);
            if (summary.Success)
            {
                // The source runs a few numbers into their words ("gồm67 xã"): the space is put back.
                Summary = (number, Spaces().Replace(RunTogether().Replace(summary.Groups["text"].Value.Replace("**", string.Empty, StringComparison.Ordinal), "$1 $2"), " ").Trim());
            }

            foreach (Match named in NewName().Matches(clause))
            {
                _clauseByName.TryAdd(Key($"{named.Groups["kind"].Value} {named.Groups["name"].Value}"), number);
            }

            var unchanged = Unchanged().Match(clause);
            if (unchanged.Success)
            {
                var kind = unchanged.Groups["kind"].Success ? unchanged.Groups["kind"].Value : "xã";
                var names = unchanged.Groups["names"].Value;
                var sentenceEnd = names.IndexOf('.', StringComparison.Ordinal);
                foreach (var item in ListSeparator().Split((sentenceEnd < 0 ? names : names[..sentenceEnd]).Trim('*', ' ')))
                {
                    var named = KindPrefix().Match(item.Trim());
                    if (named.Groups["kind"].Success)
                    {
                        kind = named.Groups["kind"].Value;
                    }

                    var bare = named.Groups["name"].Value.Trim();
                    if (bare.Length > 0)
                    {
                        _clauseByName.TryAdd(Key($"{kind} {bare}"), number);
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"Điều 1\.\s*Sắp xếp các đơn vị hành chính cấp xã của (?:tỉnh|thành phố|Thành phố)\s+(?<name>[^*]+?)\s*\*\*")]
    private static partial Regex ProvinceOf();

    [GeneratedRegex(@"^[^\p{L}]*\d+\.\s*(?<text>Sau khi sắp xếp,.*?\.)\s*(?:\*\*)?\s*$")]
    private static partial Regex SummaryClause();

    [GeneratedRegex(@"(\p{Ll})(\d)")]
    private static partial Regex RunTogether();

    [GeneratedRegex(@"Điều 1\.\s*Sắp xếp")]
    private static partial Regex ArticleStart();

    // "… có tên gọi là **xã Hòa Phú**", "**là phường Ba Đình**", "**xãLý Bôn**", "Đổi tên xã A thành **xã B**", or
    // "… là xã **Chiềng Sung**", or without bold "… có tên gọi là xã Cờ Đỏ."
    [GeneratedRegex(@"tên gọi là\s+(?<kind>xã|phường|đặc khu)\s*\*\*\s*(?<name>[^*]+?)\s*\*\*|\*\*\s*(?:là\s+)?(?<kind>xã|phường|đặc khu|Xã|Phường|Đặc khu)\s*(?<name>[^*]+?)\s*\*\*|tên gọi là\s+(?<kind>xã|phường|đặc khu)\s+(?<name>[^.*;]+?)\s*(?:\.|;|$)")]
    private static partial Regex NewName();

    [GeneratedRegex(@"không thực hiện sắp xếp(?: là| gồm)?:?\s*(?:các\s+)?(?<kind>xã|phường|đặc khu)?\s*(?<names>.+)$")]
    private static partial Regex Unchanged();

    [GeneratedRegex(@",\s*|\s+và\s+")]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"^(?:(?:các\s+)?(?<kind>xã|phường|đặc khu)\s+)?(?<name>.*)$")]
    private static partial Regex KindPrefix();

    [GeneratedRegex(@"^(?:Xã|Phường|Thị trấn|Đặc khu)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex KindWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
