using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Indexing.Qdrant;

/// <summary>
/// What <see cref="ChunkHit.Coverage"/> needs and Qdrant does not expose: the number of chunks of one collection
/// version and the document frequency of every single-syllable term in it. Stored once per build on the
/// collection's metadata point and cached by version.
/// </summary>
internal sealed record TermStatistics(long Version, int ChunkCount, IReadOnlyDictionary<string, int> UnigramDocumentFrequencies)
{
    /// <summary>Counts, for every term without a space, how many chunks contain it.</summary>
    public static Dictionary<string, int> CountUnigrams(IEnumerable<IndexedChunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in chunks)
        {
            foreach (var term in chunk.Terms.Frequencies.Keys.Where(IsUnigram))
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }
        }

        return counts;
    }

    /// <summary>Whether a term is a single syllable (bigrams hold a space).</summary>
    public static bool IsUnigram(string term) => !term.Contains(' ', StringComparison.Ordinal);

    /// <summary>
    /// The IDF-weighted share of the question's single-syllable terms the chunk contains, as <see cref="Bm25Index.Search"/>
    /// computes it: a term no chunk has counts in the whole with the highest possible IDF.
    /// </summary>
    public double Coverage(QueryTerms query, IReadOnlySet<string> chunkUnigrams)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(chunkUnigrams);
        var maxIdf = Math.Log(1 + ((ChunkCount + 0.5) / 0.5));
        var total = 0.0;
        var covered = 0.0;
        foreach (var (term, searchWeight) in query.Weights)
        {
            if (!IsUnigram(term))
            {
                continue;
            }

            var weight = query.CoverageWeight(term, searchWeight);
            var df = UnigramDocumentFrequencies.GetValueOrDefault(term);
            if (df == 0)
            {
                total += maxIdf * weight;
                continue;
            }

            var idf = Math.Log(1 + ((ChunkCount - df + 0.5) / (df + 0.5))) * weight;
            total += idf;
            covered += chunkUnigrams.Contains(term) ? idf : 0;
        }

        return total == 0 ? 0 : covered / total;
    }
}
