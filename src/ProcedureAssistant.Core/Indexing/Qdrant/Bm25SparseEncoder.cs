using System.Text;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Indexing.Qdrant;

/// <summary>
/// Turns analysed terms into Qdrant sparse vectors that reproduce <see cref="Bm25Index"/>'s scores. A document's
/// value for a term is BM25's saturated term frequency tf·(k1+1)/(tf + k1·(1 − b + b·len/avgLen)), with avgLen
/// taken over the whole snapshot; a query's value is the term's weight. The collection's <c>modifier: "idf"</c>
/// multiplies each query value by ln(1 + (N − df + 0.5)/(df + 0.5)) at query time, the IDF <see cref="Bm25Index"/>
/// uses, so the dot product is the BM25 score.
/// </summary>
/// <remarks>
/// A term's dimension is the 32-bit FNV-1a hash of its UTF-8 bytes: stable across processes and versions, with no
/// vocabulary to store. Two different terms can share a dimension. Then their frequencies add up in a chunk and
/// their document frequencies merge, so both get a slightly lower IDF and a chunk holding one of them also matches
/// the other. With V distinct terms about V²/2³³ pairs collide: about 0.01 for 10,000 terms and about 1 for 100,000
/// (this corpus has tens of thousands, counting bigrams and folded forms). Such a collision nudges a few scores; it
/// never drops a term. Should the corpus grow to millions of terms, store a vocabulary instead of hashing.
/// </remarks>
internal sealed class Bm25SparseEncoder(Bm25Parameters parameters, double averageLength)
{
    private const uint FnvOffsetBasis = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>Mean chunk length in syllables over the snapshot (1 when every chunk is empty, to avoid 0/0).</summary>
    public double AverageLength { get; } = averageLength > 0 ? averageLength : 1;

    /// <summary>An encoder for the chunks of one snapshot.</summary>
    public static Bm25SparseEncoder For(IReadOnlyList<IndexedChunk> chunks, Bm25Parameters parameters)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        return new Bm25SparseEncoder(parameters, chunks.Count == 0 ? 0 : chunks.Average(c => (double)c.Terms.Length));
    }

    /// <summary>The dimension of a term: FNV-1a (32-bit) of its UTF-8 bytes.</summary>
    public static uint Index(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var hash = FnvOffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(term))
        {
            hash = unchecked((hash ^ b) * FnvPrime);
        }

        return hash;
    }

    /// <summary>The chunk's saturated term frequencies.</summary>
    public SparseTermVector Document(TermBag terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var (k1, b) = (parameters.K1, parameters.B);
        var norm = k1 * (1 - b + (b * terms.Length / AverageLength));
        return Build(terms.Frequencies.Select(t => (t.Key, (double)t.Value * (k1 + 1) / (t.Value + norm))));
    }

    /// <summary>The question's term weights (terms of weight 0 add nothing and are left out).</summary>
    public static SparseTermVector Query(QueryTerms query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Build(query.Weights.Where(w => w.Value > 0).Select(w => (w.Key, (double)w.Value)));
    }

    private static SparseTermVector Build(IEnumerable<(string Term, double Value)> terms)
    {
        // Colliding terms share their dimension: Qdrant requires unique indices, and adding keeps the dot product.
        var values = new SortedDictionary<uint, double>();
        foreach (var (term, value) in terms)
        {
            var index = Index(term);
            values[index] = values.GetValueOrDefault(index) + value;
        }

        return new SparseTermVector(values.Keys.ToList(), values.Values.Select(v => (float)v).ToList());
    }
}
