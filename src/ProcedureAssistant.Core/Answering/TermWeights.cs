using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// The question's topic terms weighted for choosing lines within one document: by rarity across documents, and
/// without the terms of the document's own names (title and aliases: "làm giấy khai sinh"), which every line of it shares ("đăng ký khai sinh" says nothing
/// about which line of the birth-registration record answers "ông bà đi thay có cần giấy ủy quyền không").
/// </summary>
internal sealed class TermWeights
{
    // A line outside the asked items is worth showing when it holds this share of the question's remaining weight that
    // the document holds.
    private const double RelatedShare = 0.3;

    // The rarity of a word held by about a third of all documents (BM25's idf: ln(1 + 2)).
    internal static readonly double CommonWordIdf = Math.Log(3);

    private readonly Dictionary<string, double> _weights;

    // The summed weight of the question's terms that the document holds somewhere.
    private readonly double _inDocument;

    // Whether one of those is rarer than a common word.
    private readonly bool _distinctive;

    public TermWeights(TextAnalyzer analyzer, IEnumerable<string> questionTerms, CorpusDocument? document, DocumentStatistics? statistics)
    {
        var terms = questionTerms.ToHashSet(StringComparer.Ordinal);
        if (document is not null)
        {
            var names = new[] { document.Title }.Concat(document.Aliases).SelectMany(name => TopicTerms.Of(analyzer, name)).ToHashSet(StringComparer.Ordinal);
            terms.ExceptWith(NameTerms(terms, names));
        }

        // Words no document holds ("ko", "80", a typo) can match no line and would only raise the bar for those that do.
        _weights = terms.Where(t => statistics?.IsKnown(t) ?? true).ToDictionary(t => t, t => statistics?.Idf(t) ?? 1.0, StringComparer.Ordinal);

        // Words of the asker's story that the document does not hold anywhere ("nhà tôi sống trên ghe") can match none
        // of its lines either: the bar for a line worth showing is a share of what the document could speak to.
        var inDocument = document is null || statistics is null ? [.. _weights] : _weights.Where(w => statistics.Contains(document.Id, w.Key)).ToList();
        _inDocument = inDocument.Sum(w => w.Value);

        // Words that a third of all documents hold or more ("người", "đi", "mọi") tell no line from another: a question
        // with nothing rarer beyond the document's name ("… có mất phí ko mn") has no line outside the asked items.
        _distinctive = inDocument.Any(w => w.Value >= CommonWordIdf);

        // The question's rarest word that the document holds: what this question asks of the document beyond its name.
        Rarest = inDocument.Where(w => w.Value >= CommonWordIdf).OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Select(w => w.Key).FirstOrDefault();
    }

    /// <summary>The question's rarest term that the document holds, when it is rarer than a common word.</summary>
    public string? Rarest { get; }

    /// <summary>True when the text holds <see cref="Rarest"/>.</summary>
    public bool HoldsTheRarest(string text) => Rarest is { } term && TopicTerms.All(text).Contains(term);

    // The question's terms that name the document: the pairs it shares with one of the document's names, and the
    // syllables of those pairs. "xã" asked in "bao nhiêu xã, phường" is not the "xã" of a title's "cấp xã": the question
    // does not share that pair.
    private static HashSet<string> NameTerms(HashSet<string> question, HashSet<string> names)
    {
        var shared = question.Where(t => t.Contains(' ', StringComparison.Ordinal) && names.Contains(t)).ToHashSet(StringComparer.Ordinal);
        shared.UnionWith(shared.SelectMany(p => p.Split(' ')).ToList());
        return shared;
    }

    /// <summary>The summed weight of every term.</summary>
    public double Total => _weights.Values.Sum();

    /// <summary>The least score of a line that speaks to the question beyond naming the document.</summary>
    public double RelatedLineThreshold => _distinctive ? Math.Max(double.Epsilon, RelatedShare * _inDocument) : double.PositiveInfinity;

    /// <summary>The summed weight of the question's terms that the text holds.</summary>
    public double Score(string text) => TopicTerms.All(text).Sum(t => _weights.GetValueOrDefault(t));

    /// <summary>The question's weighed terms that the text holds.</summary>
    public IReadOnlySet<string> Found(string text) => TopicTerms.All(text).Where(_weights.ContainsKey).ToHashSet(StringComparer.Ordinal);

    /// <summary>The weight of a term (0 for a term not weighed).</summary>
    public double Weight(string term) => _weights.GetValueOrDefault(term);

    /// <summary>True when the term is one of the question's weighed terms.</summary>
    public bool Contains(string term) => _weights.ContainsKey(term);
}
