using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Core.Retrieval;

/// <summary>
/// A document-level prior: a question about adoption is most likely answered by an article of the adoption law,
/// even when that article's own wording differs from the question's. Each candidate's score (as a share of the
/// best) gets <c>weight</c> times its document's mass: the summed shares of all candidates from the same
/// document (law), as a share of the heaviest document's. Works on any backend's hits.
/// </summary>
internal static class DocumentPrior
{
    public static IReadOnlyList<ChunkHit> Apply(IReadOnlyList<ChunkHit> candidates, double weight, int top)
    {
        if (candidates.Count == 0 || weight <= 0 || candidates[0].Score <= 0)
        {
            return candidates.Take(top).ToList();
        }

        var best = candidates[0].Score;
        var mass = candidates.GroupBy(h => h.Chunk.LawKey(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(h => h.Score / best), StringComparer.Ordinal);
        var heaviest = mass.Values.Max();
        return candidates
            .Select((hit, rank) => (Hit: hit, Rank: rank, Score: (hit.Score / best) + (weight * mass[hit.Chunk.LawKey()] / heaviest)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Rank)
            .Take(top)
            .Select(x => x.Hit with { Score = x.Score * best })
            .ToList();
    }
}
