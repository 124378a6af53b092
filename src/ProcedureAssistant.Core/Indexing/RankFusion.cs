namespace ProcedureAssistant.Core.Indexing;

/// <summary>
/// Reciprocal-rank fusion exactly as Qdrant's query API computes it, so both backends rank alike: an item scores
/// Σ 1/(k + rank) over the rankings it appears in, with rank counted from 0 (Qdrant's default k = 2 gives a top-1 hit
/// in two lists 1/2 + 1/2 = 1). Ties go to the item seen first, list by list.
/// </summary>
public static class RankFusion
{
    /// <summary>The best <paramref name="limit"/> items of the fused rankings with their scores, best first.</summary>
    public static IReadOnlyList<(T Item, double Score)> Reciprocal<T>(IReadOnlyList<IReadOnlyList<T>> rankings, int k, int limit)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(rankings);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var scores = new Dictionary<T, (double Score, int FirstSeen)>();
        foreach (var ranking in rankings)
        {
            for (var rank = 0; rank < ranking.Count; rank++)
            {
                var item = ranking[rank];
                var (score, first) = scores.TryGetValue(item, out var found) ? found : (0.0, scores.Count);
                scores[item] = (score + (1.0 / (k + rank)), first);
            }
        }

        return scores.OrderByDescending(s => s.Value.Score).ThenBy(s => s.Value.FirstSeen)
            .Take(Math.Max(limit, 0))
            .Select(s => (s.Key, s.Value.Score))
            .ToList();
    }
}
