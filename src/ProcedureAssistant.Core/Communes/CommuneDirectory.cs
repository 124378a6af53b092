using System.Text.RegularExpressions;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Communes;

/// <summary>
/// The communes, wards and special zones before and after the 2025 merger (10,047 old, 3,321 new, 34 provinces),
/// from the data file derived from the dvhcvn mapping (<c>Communes/Data/communes.tsv</c>, MIT): which new
/// commune each old one went into, what each new one was made of, and the resolution and article that did it.
/// Names are matched without their kind word ("xã", "phường", "thị trấn", "đặc khu") unless the query gives one,
/// with or without diacritics (a query with diacritics must match them), and every candidate is returned: a
/// name several old communes shared ("Hòa Thắng" in old Phú Yên and old Đắk Lắk) gives each, with its province.
/// Thread-safe; load it once.
/// </summary>
public sealed partial class CommuneDirectory
{
    private const string ResourceName = "ProcedureAssistant.Core.Communes.Data.communes.tsv";

    // How many words a commune or province name has at most (after its kind word).
    private const int MaxNameWords = 5;

    private static readonly (string[] Words, string Kind)[] KindWords =
    [
        (["xa"], "xã"),
        (["phuong"], "phường"),
        (["thi", "tran"], "thị trấn"),
        (["dac", "khu"], "đặc khu"),
    ];

    private readonly Dictionary<string, NewUnit> _new = new(StringComparer.Ordinal);
    private readonly List<OldUnit> _old = [];
    private readonly Dictionary<string, (string Name, string? Resolution)> _newProvinces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Name, string NewProvince)> _oldProvinces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Article, string Text)> _summaries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Unit>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Name, bool IsOld)>> _provincesByName = new(StringComparer.Ordinal);

    private CommuneDirectory()
    {
    }

    /// <summary>Communes before the merger.</summary>
    public int OldCount => _old.Count;

    /// <summary>Communes after the merger.</summary>
    public int NewCount => _new.Count;

    /// <summary>Loads the data file shipped with the service.</summary>
    public static CommuneDirectory LoadDefault()
    {
        using var stream = typeof(CommuneDirectory).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The commune data '{ResourceName}' is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return Read(reader);
    }

    /// <summary>Reads a data file in the format <see cref="CommuneMappingImporter"/> writes.</summary>
    /// <exception cref="InvalidDataException">A line is not in that format.</exception>
    public static CommuneDirectory Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var directory = new CommuneDirectory();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            switch (cells[0])
            {
                // An empty last cell (no resolution, no article) may have lost its tab to an editor.
                case "P" when cells.Length is 3 or 4:
                    directory._newProvinces[cells[1]] = (cells[2], cells.Length == 4 ? Blank(cells[3]) : null);
                    break;
                case "S" when cells.Length == 4:
                    directory._summaries[cells[1]] = (cells[2], cells[3]);
                    break;
                case "N" when cells.Length is 4 or 5:
                    directory._new[cells[1]] = new NewUnit(cells[1], cells[2], cells[3], cells.Length == 5 ? Blank(cells[4]) : null);
                    break;
                case "Q" when cells.Length == 4:
                    directory._oldProvinces[cells[1]] = (cells[2], cells[3]);
                    break;
                case "O" when cells.Length is 5 or 6:
                    var targets = cells[4].Split(',', StringSplitOptions.RemoveEmptyEntries)
                        .Select(t => (Code: t.TrimEnd('*'), Partial: t.EndsWith('*')))
                        .ToList();
                    directory._old.Add(new OldUnit(cells[1], cells[2], cells[3], targets, cells.Length == 6 ? Blank(cells[5]) : null));
                    break;
                default:
                    throw new InvalidDataException($"Commune data line {lineNumber} is not a P, S, N, Q or O row of the expected width: '{line}'.");
            }
        }

        directory.Index();
        return directory;
    }

    /// <summary>
    /// Every commune, old or new, whose name matches <paramref name="name"/> ("Hòa Phú", "xa hoa phu", "phường
    /// 9"), within <paramref name="province"/> when given (matched against the old province of an old commune and
    /// the province now of either). New communes come first, then old ones, each by province.
    /// </summary>
    public IReadOnlyList<CommuneMatch> Find(string name, string? province = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = Words(name);
        var kind = KindAt(words, 0);
        var nameWords = words.Skip(kind?.Length ?? 0).ToList();
        while (nameWords.Count > 1 && OldMarkerAt(nameWords.Select(w => w.Folded).ToList(), nameWords.Count - 1) is not null)
        {
            nameWords.RemoveAt(nameWords.Count - 1);
        }

        var provinceKey = Documents.ProvinceKey.Of(province);
        return Lookup(nameWords, kind?.Kind)
            .Where(unit => provinceKey is null || unit.Provinces(this).Any(p => Documents.ProvinceKey.Of(p) == provinceKey))
            .OrderBy(unit => unit is OldUnit)
            .ThenBy(unit => unit.ProvinceName(this), StringComparer.Ordinal)
            .ThenBy(unit => unit.Name, StringComparer.Ordinal)
            .Select(ToMatch)
            .ToList();
    }

    /// <summary>
    /// What the resolution that arranged a province's communes says of them after the merger ("Sau khi sắp xếp, tỉnh
    /// Đắk Lắk có 102 đơn vị hành chính cấp xã, gồm 88 xã và 14 phường; …"), for a province now
    /// (<paramref name="province"/> as a name or key); null when the province or its sentence is unknown.
    /// </summary>
    public ProvinceSummary? SummaryOf(string? province)
    {
        var key = Documents.ProvinceKey.Of(province);
        foreach (var (code, (name, resolution)) in _newProvinces)
        {
            if (key is not null && Documents.ProvinceKey.Of(name) == key && resolution is not null && _summaries.TryGetValue(code, out var summary))
            {
                return new ProvinceSummary(name, resolution, summary.Article, summary.Text);
            }
        }

        return null;
    }

    /// <summary>
    /// A former province's communes, wards and townships before the merger, and how many units now hold some of them
    /// (<paramref name="oldProvince"/>: "Tỉnh Phú Yên": 106 and 34), counted in the mapping.
    /// </summary>
    public FormerProvinceShare ShareOf(string oldProvince)
    {
        var codes = _oldProvinces.Where(p => p.Value.Name == oldProvince).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var old = _old.Where(o => codes.Contains(o.Province)).ToList();
        return new FormerProvinceShare(old.Count, old.SelectMany(o => o.Targets).Select(t => t.Code).Where(_new.ContainsKey).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>
    /// The former provinces that make up a province now (<paramref name="province"/> as named: "Tỉnh Đắk Lắk" is
    /// "Tỉnh Đắk Lắk" and "Tỉnh Phú Yên"), the one whose name it kept first; one for a province the merger left as it was.
    /// </summary>
    public IReadOnlyList<string> FormerProvincesOf(string province)
    {
        var key = Documents.ProvinceKey.Of(province);
        return [.. _oldProvinces.Values.Where(p => Documents.ProvinceKey.Of(_newProvinces[p.NewProvince].Name) == key).Select(p => p.Name).Distinct(StringComparer.Ordinal)
            .OrderByDescending(name => Documents.ProvinceKey.Of(name) == key)];
    }

    /// <summary>
    /// The communes and provinces a free question names: "xã Hòa Phú cũ giờ thuộc xã nào?" names the old commune
    /// Hòa Phú; "tôi ở Phú Yên cũ thì nộp hồ sơ ở đâu?" names the old province Phú Yên, now part of Đắk Lắk. A
    /// commune counts only with its kind word before it (a bare name is too often an ordinary word); a province
    /// counts by a name of two words or more, after "tỉnh" / "thành phố", or capitalised inside the question ("ở Huế").
    /// </summary>
    public QuestionPlaces FindInQuestion(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var words = Words(question);
        var folded = words.Select(w => w.Folded).ToList();
        var communes = new List<CommuneMention>();
        var provinces = new List<ProvinceMention>();
        for (var i = 0; i < words.Count;)
        {
            if (KindAt(words, i) is { } kind && LongestName(words, i + kind.Length, key => _byName.ContainsKey(key)) is { } length)
            {
                var nameWords = words.GetRange(i + kind.Length, length);
                var candidates = Lookup(nameWords, kind.Kind).Select(ToMatch).ToList();
                if (candidates.Count > 0)
                {
                    var end = i + kind.Length + length;

                    // A commune named with its former district ("xã Hòa An, huyện Krông Pắc", "Thạnh Lộc bên Giồng
                    // Riềng") is the namesake its resolution places there.
                    var inDistrict = candidates.Where(c => c.District is { } district && NamesOutside(folded, DistrictWords(district), i, end)).ToList();
                    if (inDistrict.Count > 0)
                    {
                        candidates = inDistrict;
                    }

                    var marker = OldMarkerAt(folded, end);
                    communes.Add(new CommuneMention(Span(question, words[i], words[end - 1]), marker is not null, candidates));
                    i = end + (marker ?? 0);
                    continue;
                }
            }

            // An island district that became a special zone ("huyện Côn Đảo", "huyện đảo Lý Sơn": each of the 13
            // special zones was formed from one) is named as the zone, and is necessarily a former unit.
            var island = IslandDistrictAt(words, i);
            if (island > 0 && LongestName(words, i + island, key => _byName.TryGetValue(key, out var units) && units.Any(u => u.Kind == SpecialZone)) is { } zoneLength)
            {
                var zones = Lookup(words.GetRange(i + island, zoneLength), SpecialZone).Select(ToMatch).ToList();
                if (zones.Count > 0)
                {
                    var end = i + island + zoneLength;
                    communes.Add(new CommuneMention(Span(question, words[i], words[end - 1]), MarkedOld: true, zones));
                    i = end + (OldMarkerAt(folded, end) ?? 0);
                    continue;
                }
            }

            var unit = ProvinceUnitAt(folded, i);
            if (LongestName(words, i + unit, key => _provincesByName.ContainsKey(key)) is { } provinceLength &&
                (unit > 0 || provinceLength >= 2 || (i > 0 && char.IsUpper(question[words[i].Start]))))
            {
                var nameWords = words.GetRange(i + unit, provinceLength);
                if (ProvinceMentionOf(question, words[i], nameWords) is { } mention)
                {
                    var end = i + unit + provinceLength;
                    var marker = OldMarkerAt(folded, end);
                    provinces.Add(mention with { MarkedOld = marker is not null });
                    i = end + (marker ?? 0);
                    continue;
                }
            }

            i++;
        }

        return new QuestionPlaces(communes, provinces);
    }

    private ProvinceMention? ProvinceMentionOf(string question, Word first, List<Word> nameWords)
    {
        var named = _provincesByName[FoldedKey(nameWords)].Where(p => AccentsAgree(nameWords, ProvinceUnit().Replace(p.Name, string.Empty))).ToList();
        if (named.Count == 0)
        {
            return null;
        }

        var old = named.FirstOrDefault(p => p.IsOld).Name;
        var current = named.FirstOrDefault(p => !p.IsOld).Name
            ?? _oldProvinces.Values.Where(p => p.Name == old).Select(p => _newProvinces[p.NewProvince].Name).First();
        return new ProvinceMention(Span(question, first, nameWords[^1]), false, old, current);
    }

    private IEnumerable<Unit> Lookup(List<Word> nameWords, string? kind)
    {
        if (nameWords.Count == 0 || !_byName.TryGetValue(FoldedKey(nameWords), out var units))
        {
            return [];
        }

        return units.Where(u => (kind is null || u.Kind == kind) && AccentsAgree(nameWords, u.BareName));
    }

    private CommuneMatch ToMatch(Unit unit) => unit switch
    {
        OldUnit old => new CommuneMatch(
            old.Code,
            old.Name,
            IsOld: true,
            OldProvince: _oldProvinces.TryGetValue(old.Province, out var province) ? province.Name : null,
            Province: null,
            NewCommunes: old.Targets.Where(t => _new.ContainsKey(t.Code)).Select(t => Destination(_new[t.Code], t.Partial)).ToList(),
            OldCommunes: [],
            Resolution: null,
            Article: null) { District = old.District },
        NewUnit current => new CommuneMatch(
            current.Code,
            current.Name,
            IsOld: false,
            OldProvince: null,
            Province: _newProvinces[current.Province].Name,
            NewCommunes: [],
            OldCommunes: current.Sources.Select(s => s.Partial ? $"{s.Unit.Name} (một phần)" : s.Unit.Name).ToList(),
            Resolution: _newProvinces[current.Province].Resolution,
            Article: current.Article),
        _ => throw new InvalidOperationException("A commune is old or new."),
    };

    private CommuneDestination Destination(NewUnit unit, bool partial) =>
        new(unit.Code, unit.Name, _newProvinces[unit.Province].Name, _newProvinces[unit.Province].Resolution, unit.Article, partial);

    private void Index()
    {
        foreach (var old in _old)
        {
            foreach (var (code, partial) in old.Targets)
            {
                if (_new.TryGetValue(code, out var target))
                {
                    target.Sources.Add((old, partial));
                }
            }
        }

        foreach (var unit in _new.Values.Cast<Unit>().Concat(_old))
        {
            var key = FoldedKey(Words(unit.BareName));
            if (!_byName.TryGetValue(key, out var list))
            {
                _byName[key] = list = [];
            }

            list.Add(unit);
        }

        foreach (var (name, isOld) in _newProvinces.Values.Select(p => (p.Name, false)).Concat(_oldProvinces.Values.Select(p => (p.Name, true))))
        {
            var key = FoldedKey(Words(ProvinceUnit().Replace(name, string.Empty)));
            if (!_provincesByName.TryGetValue(key, out var list))
            {
                _provincesByName[key] = list = [];
            }

            list.Add((name, isOld));
        }
    }

    // The longest run of 1..MaxNameWords words from 'start' whose folded key the index holds.
    private static int? LongestName(List<Word> words, int start, Func<string, bool> known)
    {
        for (var length = Math.Min(MaxNameWords, words.Count - start); length >= 1; length--)
        {
            if (known(FoldedKey(words.GetRange(start, length))))
            {
                return length;
            }
        }

        return null;
    }

    private static (int Length, string Kind)? KindAt(List<Word> words, int i)
    {
        // "thị xã Ninh Hòa" is a town of the abolished district level, not a commune named "Ninh Hòa".
        if (i > 0 && words[i - 1].Folded == "thi" && words[i].Folded == "xa")
        {
            return null;
        }

        foreach (var (kindWords, kind) in KindWords)
        {
            if (i + kindWords.Length <= words.Count && kindWords.Select((w, k) => words[i + k].Folded == w).All(x => x)
                && (kindWords.Length > 1 || words[i].Text is "xã" or "phường" or "xa" or "phuong"))
            {
                return (kindWords.Length, kind);
            }
        }

        return null;
    }

    // A district's name without its unit word, folded ("huyện Krông Pắc" → "krong pac").
    private static List<string> DistrictWords(string district) =>
        [.. Words(DistrictUnit().Replace(district, string.Empty)).Select(w => w.Folded)];

    // Whether the folded words hold the name as a run that lies outside [start, end) (the commune's own words).
    private static bool NamesOutside(List<string> folded, List<string> name, int start, int end)
    {
        for (var i = 0; name.Count > 0 && i + name.Count <= folded.Count; i++)
        {
            if ((i + name.Count <= start || i >= end) && name.Select((w, k) => folded[i + k] == w).All(x => x))
            {
                return true;
            }
        }

        return false;
    }

    private const string SpecialZone = "đặc khu";

    // "huyện" or "huyện đảo" before an island district's name: how many words, or 0.
    private static int IslandDistrictAt(List<Word> words, int i) =>
        i + 1 < words.Count && words[i].Folded == "huyen" ? (words[i + 1].Folded == "dao" && i + 2 < words.Count ? 2 : 1) : 0;

    // "tỉnh" or "thành phố" before a province's name.
    private static int ProvinceUnitAt(List<string> folded, int i) =>
        i < folded.Count && folded[i] == "tinh" ? 1
        : i + 1 < folded.Count && folded[i] == "thanh" && folded[i + 1] == "pho" ? 2
        : 0;

    // "cũ", "trước đây", "trước sáp nhập", "trước khi sáp nhập" after a name: how many words, or null.
    private static int? OldMarkerAt(List<string> folded, int i)
    {
        string[][] markers = [["cu"], ["truoc", "day"], ["truoc", "sap", "nhap"], ["truoc", "khi", "sap", "nhap"]];
        foreach (var marker in markers)
        {
            if (i + marker.Length <= folded.Count && marker.Select((w, k) => folded[i + k] == w).All(x => x))
            {
                return marker.Length;
            }
        }

        return null;
    }

    // A query typed with diacritics must match them (canonical tone placement); one typed without matches any.
    private static bool AccentsAgree(List<Word> nameWords, string name)
    {
        if (!nameWords.Any(w => w.Text != w.Folded))
        {
            return true;
        }

        return string.Join(' ', nameWords.Select(w => w.Text)) == string.Join(' ', Words(name).Select(w => w.Text));
    }

    private static string FoldedKey(List<Word> words) => string.Join(' ', words.Select(w => w.Folded));

    private static string Span(string text, Word first, Word last) => text[first.Start..(last.Start + last.Length)];

    // Words in canonical form (lower case, canonical tone placement), numbers without leading zeros ("Phường 01" = "Phường 1").
    private static List<Word> Words(string text)
    {
        var words = new List<Word>();
        foreach (Match match in WordPattern().Matches(text))
        {
            var canonical = VietnameseText.Normalize(match.Value);
            if (canonical.All(char.IsDigit))
            {
                canonical = canonical.TrimStart('0') is { Length: > 0 } number ? number : "0";
            }

            words.Add(new Word(canonical, VietnameseText.Fold(canonical), match.Index, match.Length));
        }

        return words;
    }

    private static string? Blank(string text) => text.Length == 0 ? null : text;

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}']+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^(?:Tỉnh|Thành phố)\s+")]
    private static partial Regex ProvinceUnit();

    [GeneratedRegex(@"^(?:huyện|thị xã|thành phố|quận)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex DistrictUnit();

    // The source writes a few townships "Thị Trấn …": the kind is matched in any case.
    [GeneratedRegex(@"^(?:Xã|Phường|Thị trấn|Đặc khu)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex KindPrefix();

    private sealed record Word(string Text, string Folded, int Start, int Length);

    private abstract class Unit(string code, string name)
    {
        public string Code { get; } = code;

        // "Thị Trấn Phú Hoà" as the source writes a few townships is shown "Thị trấn Phú Hoà", as every other is.
        public string Name { get; } = KindPrefix().Replace(name, kind => char.ToUpperInvariant(kind.Value[0]) + kind.Value[1..].ToLowerInvariant());

        public string Kind { get; } = KindPrefix().Match(name) is { Success: true } kind ? kind.Value.Trim().ToLowerInvariant() : string.Empty;

        public string BareName { get; } = KindPrefix().Replace(name, string.Empty);

        public abstract IEnumerable<string> Provinces(CommuneDirectory directory);

        public abstract string ProvinceName(CommuneDirectory directory);
    }

    private sealed class NewUnit(string code, string name, string province, string? article) : Unit(code, name)
    {
        public string Province { get; } = province;

        public string? Article { get; } = article;

        public List<(OldUnit Unit, bool Partial)> Sources { get; } = [];

        public override IEnumerable<string> Provinces(CommuneDirectory directory) => [directory._newProvinces[Province].Name];

        public override string ProvinceName(CommuneDirectory directory) => directory._newProvinces[Province].Name;
    }

    private sealed class OldUnit(string code, string name, string province, List<(string Code, bool Partial)> targets, string? district) : Unit(code, name)
    {
        public string Province { get; } = province;

        public string? District { get; } = district;

        public List<(string Code, bool Partial)> Targets { get; } = targets;

        public override IEnumerable<string> Provinces(CommuneDirectory directory) =>
            [directory._oldProvinces[Province].Name, .. Targets.Where(t => directory._new.ContainsKey(t.Code)).Select(t => directory._newProvinces[directory._new[t.Code].Province].Name)];

        public override string ProvinceName(CommuneDirectory directory) => directory._oldProvinces[Province].Name;
    }
}
