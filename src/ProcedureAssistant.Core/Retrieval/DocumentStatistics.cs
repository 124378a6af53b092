using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Retrieval;

/// <summary>
/// One build of <see cref="DocumentCatalog"/>: per document its folded syllables and syllable pairs and its names,
/// and how many documents hold each term.
/// </summary>
public sealed class DocumentStatistics
{
    private readonly Dictionary<string, HashSet<string>> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<HashSet<string>>> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<HashSet<string>>> _titles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<HashSet<string>>> _citations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly double _maxIdf;

    internal DocumentStatistics(long version, string contentHash, IReadOnlyList<CorpusDocument> documents, TextAnalyzer analyzer, SyllableVocabulary? vocabulary = null)
    {
        Version = version;
        ContentHash = contentHash;
        foreach (var document in documents)
        {
            var names = Names(document);
            var terms = TopicTerms.All(IndexVocabulary.Text(document));
            _terms[document.Id] = terms;
            foreach (var term in terms)
            {
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
            }

            // A name's topic terms, without the question words the analyser drops ("những", "có"...).
            _names[document.Id] = names.Select(name => TopicTerms.Of(analyzer, name)).Where(t => t.Count > 0).ToList();
            _titles[document.Id] = new[] { document.Title, ShortName(document.Title, document.Number) }.OfType<string>()
                .Select(name => TopicTerms.Of(analyzer, name)).Where(t => t.Count > 0).ToList();
            _citations[document.Id] = ShortCitations(document.Title, document.Number).Select(name => TopicTerms.Of(analyzer, name)).Where(t => t.Count > 0).ToList();
        }

        Vocabulary = vocabulary ?? new SyllableVocabulary(documents.Select(IndexVocabulary.Text));
        DocumentCount = documents.Count;
        _maxIdf = Math.Log(1 + ((DocumentCount + 0.5) / 0.5));
    }

    /// <summary>The index version the statistics were built from (0 when prepared ahead of a switch, before the version had a number).</summary>
    public long Version { get; }

    /// <summary>The index content hash the statistics were built from (empty when prepared ahead of a switch).</summary>
    public string ContentHash { get; }

    /// <summary>The syllables the documents are written in, for correcting misspelt questions (shared with retrieval, see <see cref="IndexVocabulary"/>).</summary>
    public SyllableVocabulary Vocabulary { get; }

    /// <summary>Documents in the index.</summary>
    public int DocumentCount { get; }

    /// <summary>
    /// Rarity of a folded term across documents, in the BM25 form; a term no document holds gets the highest value.
    /// </summary>
    public double Idf(string term)
    {
        var df = _documentFrequency.GetValueOrDefault(term);
        return df == 0 ? _maxIdf : Math.Log(1 + ((DocumentCount - df + 0.5) / (df + 0.5)));
    }

    /// <summary>
    /// The documents the question cites by kind and number as they are said ("NĐ 129", "Nghị quyết 332"; see
    /// <see cref="ShortCitations"/>): it holds every term of one of their short citations.
    /// </summary>
    public IReadOnlyList<string> CitedBy(IReadOnlySet<string> questionTerms) =>
        [.. _citations.Where(c => c.Value.Any(citation => citation.All(questionTerms.Contains))).Select(c => c.Key)];

    /// <summary>True when some document holds the folded term.</summary>
    public bool IsKnown(string term) => _documentFrequency.ContainsKey(term);

    /// <summary>True when the document holds the folded term.</summary>
    public bool Contains(string documentId, string term) => _terms.TryGetValue(documentId, out var terms) && terms.Contains(term);

    /// <summary>
    /// How fully the question names the document: over each of its names (title, number, code, aliases), the
    /// rarity-weighted share of the name's terms that the question contains; the best name counts.
    /// </summary>
    public double NameMatch(string documentId, IReadOnlySet<string> questionTerms) => BestMatch(_names, documentId, questionTerms);

    /// <summary>
    /// Like <see cref="NameMatch"/>, over the document's own names only: its title and the title without the
    /// number ("Luật Tổ chức Chính phủ"). Aliases are often a few common words ("UBND huyện", "VNeID") that a
    /// question holds without being about the document; a title held in full is the document named.
    /// </summary>
    public double TitleMatch(string documentId, IReadOnlySet<string> questionTerms) => BestMatch(_titles, documentId, questionTerms);

    private double BestMatch(Dictionary<string, List<HashSet<string>>> names, string documentId, IReadOnlySet<string> questionTerms)
    {
        ArgumentNullException.ThrowIfNull(questionTerms);
        var best = 0.0;
        foreach (var name in names.GetValueOrDefault(documentId) ?? [])
        {
            var total = name.Sum(Idf);
            var found = name.Where(questionTerms.Contains).Sum(Idf);
            best = Math.Max(best, total == 0 ? 0 : found / total);
        }

        return best;
    }

    /// <summary>
    /// True when the terms name some document (<see cref="NameMatch"/> at least <paramref name="share"/> of one of its
    /// names, held by a pair of the name's words or in full): a follow-up that names a procedure or a text of its own
    /// ("thế còn đăng ký kết hôn?") changes the conversation's topic.
    /// </summary>
    public bool NamesADocument(IReadOnlySet<string> terms, double share)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return _names.Values.Any(names => names.Any(IsNamedBy));

        // A name held by single syllables only, and not in full, is not named: "giấy vẫn còn nguyên" holds "còn" of the
        // alias "huyện không còn", which weighs half of it.
        bool IsNamedBy(HashSet<string> name)
        {
            var held = name.Where(terms.Contains).ToList();
            var total = name.Sum(Idf);
            return total > 0 && held.Sum(Idf) / total >= share && (held.Count == name.Count || held.Any(t => t.Contains(' ', StringComparison.Ordinal)));
        }
    }

    /// <summary>The terms of all the document's names (title, number, code, aliases) that <paramref name="terms"/> holds.</summary>
    public HashSet<string> NamedBy(string documentId, IReadOnlySet<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return [.. (_names.GetValueOrDefault(documentId) ?? []).SelectMany(n => n).Where(terms.Contains)];
    }

    /// <summary>The document whose names the terms hold the largest share of (<see cref="NameMatch"/>), with that share; null when they hold none.</summary>
    public (string DocumentId, double Share)? MostNamed(IReadOnlySet<string> terms)
    {
        var best = _names.Keys.Select(id => (DocumentId: id, Share: NameMatch(id, terms))).MaxBy(n => n.Share);
        return best.Share > 0 ? best : null;
    }

    /// <summary>
    /// The rarity-weighted share of the known <paramref name="terms"/> that the document's title holds: how much of
    /// what the question says the title says, where <see cref="TitleMatch"/> measures how much of the title the
    /// question says. 0 when no term is known.
    /// </summary>
    public double TitleHolds(string documentId, IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var known = terms.Where(IsKnown).ToList();
        var total = known.Sum(Idf);
        if (total == 0)
        {
            return 0;
        }

        var title = TitleTerms(documentId).ToHashSet(StringComparer.Ordinal);
        return known.Where(title.Contains).Sum(Idf) / total;
    }

    /// <summary>The terms of the document's own names: its title and the title without the number.</summary>
    public IEnumerable<string> TitleTerms(string documentId) => (_titles.GetValueOrDefault(documentId) ?? []).SelectMany(n => n);

    /// <summary>The terms of all the document's names (title, number, code, aliases).</summary>
    public IEnumerable<string> NameTerms(string documentId) => (_names.GetValueOrDefault(documentId) ?? []).SelectMany(n => n);

    /// <summary>
    /// How well the document matches the question's topic: the rarity-weighted share of the question's topic
    /// terms, syllables and syllable pairs, that the document holds, where a term no document holds counts at the
    /// highest rarity. Pairs carry the topic ("hộ chiếu" is neither "hộ" nor "chiếu"), and once shorthand is
    /// expanded and typos corrected, a phrase the corpus never writes ("tàu cá", "bằng lái") is mostly what the
    /// corpus does not cover, so unlike <see cref="Support"/> it counts against the match.
    /// </summary>
    public double TopicMatch(string documentId, IEnumerable<string> questionTerms)
    {
        ArgumentNullException.ThrowIfNull(questionTerms);
        var terms = questionTerms.ToList();
        var total = terms.Sum(Idf);
        return total == 0 ? 1 : terms.Where(t => Contains(documentId, t)).Sum(Idf) / total;
    }

    /// <summary>
    /// As <see cref="TopicMatch"/>, but a pair of two known syllables that no document writes side by side is left
    /// out: it is the seam between two words of the asker's sentence ("còn việc", "việc duyệt" of "thế còn việc duyệt
    /// phương án dùng đất lúa thì sao"), which no text is expected to hold, and being the rarest of terms it would
    /// otherwise outweigh the words themselves. A syllable no document holds, and a pair with one ("hộ chiếu" where
    /// no text says "chiếu"), still counts against the match.
    /// </summary>
    public double TopicMatchWithoutSeams(string documentId, IEnumerable<string> questionTerms)
    {
        ArgumentNullException.ThrowIfNull(questionTerms);
        return TopicMatch(documentId, questionTerms.Where(t => !IsSeam(t)));
    }

    private bool IsSeam(string term) =>
        term.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 && !IsKnown(term) && IsKnown(term[..space]) && IsKnown(term[(space + 1)..]);

    /// <summary>
    /// The rarity-weighted share of the question's known terms that the document holds. Terms no document
    /// holds (typos, chat shorthand such as "ko", "đc") say nothing about which document fits and are left out;
    /// with no known term left there is nothing the document fails to hold, and the support is 1.
    /// </summary>
    public double Support(string documentId, IEnumerable<string> questionTerms)
    {
        ArgumentNullException.ThrowIfNull(questionTerms);
        var known = questionTerms.Where(IsKnown).ToList();
        var total = known.Sum(Idf);
        return total == 0 ? 1 : known.Where(t => Contains(documentId, t)).Sum(Idf) / total;
    }

    private static List<string> Names(CorpusDocument document) =>
        new[] { document.Title, ShortName(document.Title, document.Number), document.Number, document.Code }.Concat(ShortCitations(document.Title, document.Number)).Concat(document.Aliases).OfType<string>().ToList();

    /// <summary>
    /// How a text is cited in speech: its kind and the first part of its number, without year or issuer ("Nghị định
    /// 129" of "Nghị định 129/2025/NĐ-CP …", "Luật 72" of "Luật Tổ chức chính quyền địa phương số 72/2025/QH15"), and
    /// the kind by its initials as officials type it ("NĐ 129", "NQ 332", "QĐ 1589"). None when the title gives a name
    /// before its number other than a law's ("Hướng dẫn … 118/2025/NĐ-CP"), or no number.
    /// </summary>
    internal static IEnumerable<string> ShortCitations(string title, string? number)
    {
        var before = BeforeNumber(title, number);
        var kind = before is { Count: 1 or 2 } ? before
            : before is { Count: > 2 } && VietnameseText.Fold(before[0]).Equals("luat", StringComparison.OrdinalIgnoreCase) ? before[..1]
            : null;
        if (kind is null)
        {
            yield break;
        }

        var first = number!.Split('/')[0];
        yield return $"{string.Join(' ', kind)} {first}";
        if (kind.Count == 2)
        {
            yield return $"{string.Concat(kind.Select(s => s[0]))} {first}";
        }
    }

    // The title's syllables before its number, without a last "số" ("Luật Tổ chức Chính phủ số 63/2025/QH15"); null
    // when the title does not hold the number after some words.
    private static List<string>? BeforeNumber(string title, string? number)
    {
        ArgumentNullException.ThrowIfNull(title);
        var at = string.IsNullOrEmpty(number) ? -1 : title.IndexOf(number, StringComparison.OrdinalIgnoreCase);
        if (at <= 0)
        {
            return null;
        }

        var syllables = TextAnalyzer.Syllables(title[..at]).ToList();
        if (syllables.Count > 0 && VietnameseText.Fold(syllables[^1]) == "so")
        {
            syllables.RemoveAt(syllables.Count - 1);
        }

        return syllables;
    }

    /// <summary>
    /// The name a text goes by without its number, when the title gives one before the number: "Luật Tổ chức
    /// Chính phủ" of "Luật Tổ chức Chính phủ số 63/2025/QH15". A question names a law by that name ("Luật Tổ chức
    /// Chính phủ năm 2025 có số hiệu là gì"); the number's rare terms would otherwise outweigh it. A title that
    /// gives only the kind of text before the number ("Nghị định 118/2025/NĐ-CP về …"; two syllables are a kind:
    /// "Quyết định", "Công điện") has no such name.
    /// </summary>
    internal static string? ShortName(string title, string? number) =>
        BeforeNumber(title, number) is { Count: > 2 } syllables ? string.Join(' ', syllables) : null;
}
