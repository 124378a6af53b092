using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Indexing;

/// <summary>
/// An in-memory inverted index scored with Okapi BM25. IDF is ln(1 + (N − df + 0.5) / (df + 0.5)), the form
/// Lucene and Qdrant's IDF modifier use, so the embedded and Qdrant backends rank alike. Immutable once built.
/// </summary>
public sealed class Bm25Index
{
    private readonly Dictionary<string, Posting[]> _postings;
    private readonly float[] _lengths;
    private readonly double _averageLength;
    private readonly Bm25Parameters _parameters;

    /// <summary>Builds the index over term bags; a bag's position is its document number in results.</summary>
    public Bm25Index(IReadOnlyList<TermBag> bags, Bm25Parameters parameters)
    {
        ArgumentNullException.ThrowIfNull(bags);
        _parameters = parameters;
        _lengths = new float[bags.Count];
        var postings = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        for (var i = 0; i < bags.Count; i++)
        {
            _lengths[i] = bags[i].Length;
            foreach (var (term, frequency) in bags[i].Frequencies)
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    list = [];
                    postings.Add(term, list);
                }

                list.Add(new Posting(i, frequency));
            }
        }

        _postings = postings.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _averageLength = bags.Count == 0 ? 0 : _lengths.Average(l => (double)l);
    }

    /// <summary>Number of documents.</summary>
    public int Count => _lengths.Length;

    /// <summary>Mean document length in syllables.</summary>
    public double AverageLength => _averageLength;

    /// <summary>Number of documents that hold the term.</summary>
    public int DocumentFrequency(string term) => _postings.TryGetValue(term, out var list) ? list.Length : 0;

    /// <summary>Inverse document frequency of a term (0 when no document has it).</summary>
    public double Idf(string term)
    {
        var df = DocumentFrequency(term);
        return df == 0 ? 0 : Math.Log(1 + ((Count - df + 0.5) / (df + 0.5)));
    }

    /// <summary>
    /// The <paramref name="limit"/> best documents for the query, best first; ties keep document order.
    /// Coverage is the IDF-weighted share of the query's single-syllable terms that the document contains
    /// (a term no document has counts with the highest IDF): a score-free measure of how much of the question
    /// the document speaks to.
    /// </summary>
    public IReadOnlyList<Bm25Match> Search(QueryTerms query, int limit, Func<int, bool>? accepts = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (limit <= 0 || Count == 0)
        {
            return [];
        }

        var maxIdf = Math.Log(1 + ((Count + 0.5) / 0.5));
        var totalCoverage = 0.0;
        var coverage = new double[Count];
        var scores = new double[Count];
        var seen = new bool[Count];
        var touched = new List<int>();
        var (k1, b) = (_parameters.K1, _parameters.B);
        foreach (var (term, weight) in query.Weights)
        {
            var isUnigram = !term.Contains(' ', StringComparison.Ordinal);
            var coverageWeight = query.CoverageWeight(term, weight);
            if (!_postings.TryGetValue(term, out var list))
            {
                totalCoverage += isUnigram ? maxIdf * coverageWeight : 0;
                continue;
            }

            var idf = Idf(term) * weight;
            var coverageIdf = Idf(term) * coverageWeight;
            totalCoverage += isUnigram ? coverageIdf : 0;
            foreach (var posting in list)
            {
                var norm = k1 * (1 - b + (b * _lengths[posting.Document] / _averageLength));
                var tf = posting.Frequency;
                // Marked apart from the score: a term of weight 0 adds nothing, and must not list its chunk twice.
                if (!seen[posting.Document])
                {
                    seen[posting.Document] = true;
                    touched.Add(posting.Document);
                }

                scores[posting.Document] += idf * (tf * (k1 + 1) / (tf + norm));
                coverage[posting.Document] += isUnigram ? coverageIdf : 0;
            }
        }

        // Keep the best 'limit' with a min-heap; ties break towards the earlier document for stable results.
        var heap = new PriorityQueue<int, (double Score, int NegDocument)>();
        foreach (var document in touched)
        {
            if (accepts is not null && !accepts(document))
            {
                continue;
            }

            var key = (scores[document], -document);
            if (heap.Count < limit)
            {
                heap.Enqueue(document, key);
            }
            else if (heap.TryPeek(out _, out var worst) && key.CompareTo(worst) > 0)
            {
                heap.DequeueEnqueue(document, key);
            }
        }

        var results = new List<Bm25Match>(heap.Count);
        while (heap.TryDequeue(out var document, out var key))
        {
            results.Add(new Bm25Match(document, key.Score, totalCoverage == 0 ? 0 : coverage[document] / totalCoverage));
        }

        results.Reverse();
        return results;
    }

    /// <summary>
    /// The coverage <see cref="Search"/> would give one document: for a document a dense search found that BM25
    /// did not rank (0 when it holds none of the question's syllables).
    /// </summary>
    public double Coverage(QueryTerms query, int document)
    {
        ArgumentNullException.ThrowIfNull(query);
        var maxIdf = Math.Log(1 + ((Count + 0.5) / 0.5));
        var total = 0.0;
        var covered = 0.0;
        foreach (var (term, weight) in query.Weights)
        {
            if (term.Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }

            var coverageWeight = query.CoverageWeight(term, weight);
            if (!_postings.TryGetValue(term, out var list))
            {
                total += maxIdf * coverageWeight;
                continue;
            }

            var idf = Idf(term) * coverageWeight;
            total += idf;
            covered += Holds(list, document) ? idf : 0;
        }

        return total == 0 ? 0 : covered / total;
    }

    // Postings are in document order (built in one pass over the bags).
    private static bool Holds(Posting[] list, int document)
    {
        var (low, high) = (0, list.Length - 1);
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var found = list[middle].Document;
            if (found == document)
            {
                return true;
            }

            (low, high) = found < document ? (middle + 1, high) : (low, middle - 1);
        }

        return false;
    }

    /// <summary>One result: the document's position, its BM25 score and its coverage of the question (0–1).</summary>
    public readonly record struct Bm25Match(int Document, double Score, double Coverage);

    private readonly record struct Posting(int Document, float Frequency);
}
