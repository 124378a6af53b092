using System.Numerics.Tensors;
using System.Text;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// BM25 top-k over an index version's segments with MaxScore (Turtle and Flood, 1995): the question's terms are
/// ordered by the most each can add to a chunk's score; once the k-th best score so far exceeds what the weakest
/// terms together could add, chunks holding only those terms cannot enter the top k, so the search walks the
/// postings of the other ("essential") terms only and looks the weak ones up, skipping whole blocks, just for the
/// chunks it is scoring. A term's bound is the best score any of its postings blocks allows (greatest frequency,
/// shortest chunk), so a common syllable whose chunks are all long is bounded low. The result is
/// <see cref="Bm25Index.Search"/>'s on the same chunks: the same scores (summed in another order, so equal up to
/// rounding), the same order, ties to the chunk indexed first.
/// </summary>
internal static class MaxScoreSearch
{
    // Chunks scored together: the essential terms' postings of one window are summed into an array this long.
    private const int Window = 2048;

    /// <summary>One result: the chunk, its BM25 score and its coverage of the question (see <see cref="Bm25Index.Search"/>).</summary>
    public readonly record struct Match(ChunkReference Chunk, double Score, double Coverage);

    public static IReadOnlyList<Match> Search(IndexVersion version, QueryTerms query, int limit, Bm25Parameters parameters, SearchFilter? filter)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (limit <= 0 || version.ChunkCount == 0)
        {
            return [];
        }

        var terms = Plan(version, query);
        var heap = new PriorityQueue<ChunkReference, (double Score, int NegSegment, int NegChunk)>();
        var threshold = double.NegativeInfinity;
        for (var s = 0; s < version.Segments.Count; s++)
        {
            threshold = SearchSegment(version, s, terms, limit, parameters, filter, heap, threshold);
        }

        var best = new List<(ChunkReference Chunk, double Score)>(heap.Count);
        while (heap.TryDequeue(out var chunk, out var key))
        {
            best.Add((chunk, key.Score));
        }

        best.Reverse();
        var coverage = Coverage(version, terms, best.Select(b => b.Chunk).ToList());
        return best.Select((b, i) => new Match(b.Chunk, b.Score, coverage[i])).ToList();
    }

    /// <summary>The coverage <see cref="Search"/> would give each chunk, in order.</summary>
    public static double[] Coverage(IndexVersion version, QueryTerms query, IReadOnlyList<ChunkReference> chunks) =>
        Coverage(version, Plan(version, query), chunks);

    /// <summary>The chunks with the largest dot product with the query vector, best first; ties to the chunk indexed first.</summary>
    public static IReadOnlyList<ChunkReference> Nearest(IndexVersion version, ReadOnlySpan<float> query, int limit, SearchFilter? filter)
    {
        var heap = new PriorityQueue<ChunkReference, (float Score, int NegSegment, int NegChunk)>();
        for (var s = 0; s < version.Segments.Count; s++)
        {
            var segment = version.Segments[s];
            if (segment.Dimensions != query.Length || limit <= 0)
            {
                continue;
            }

            var accepts = ChunkFilter.For(segment, filter);
            for (var c = 0; c < segment.ChunkCount; c++)
            {
                if (version.IsDeleted(s, c) || (accepts is not null && !accepts.Accepts(c)))
                {
                    continue;
                }

                var key = (TensorPrimitives.Dot(query, segment.Vector(c)), -s, -c);
                if (heap.Count < limit)
                {
                    heap.Enqueue(new ChunkReference(s, c), key);
                }
                else if (heap.TryPeek(out _, out var worst) && key.CompareTo(worst) > 0)
                {
                    heap.DequeueEnqueue(new ChunkReference(s, c), key);
                }
            }
        }

        var result = new ChunkReference[heap.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            result[i] = heap.Dequeue();
        }

        return result;
    }

    private static double SearchSegment(
        IndexVersion version,
        int s,
        QueryPlan plan,
        int limit,
        Bm25Parameters parameters,
        SearchFilter? filter,
        PriorityQueue<ChunkReference, (double Score, int NegSegment, int NegChunk)> heap,
        double threshold)
    {
        var segment = version.Segments[s];
        var (k1, b) = (parameters.K1, parameters.B);
        var average = version.AverageLength;

        // The segment's cursors, ordered by bound, weakest first; prefix[i] = the most terms 0..i can add together.
        var cursors = new List<(PostingCursor Cursor, double Weight, double Bound)>();
        foreach (var term in plan.Terms)
        {
            if (term.Weight == 0 && heap.Count >= limit)
            {
                continue;
            }

            if (segment.Find(term.Key) is { } entry)
            {
                var bound = 0.0;
                foreach (var header in segment.Headers(entry))
                {
                    bound = Math.Max(bound, Saturation(header.MaxFrequency, header.MinLength, k1, b, average));
                }

                // A hair above the exact bound: the scores are sums in another order, and must never exceed it.
                cursors.Add((new PostingCursor(segment, entry), term.Weight, term.Weight * bound * (1 + 1e-9)));
            }
        }

        if (cursors.Count == 0)
        {
            return threshold;
        }

        cursors.Sort((x, y) => x.Bound.CompareTo(y.Bound));
        var count = cursors.Count;
        var postings = new PostingCursor[count];
        var weights = new double[count];
        var prefix = new double[count];
        for (var i = 0; i < count; i++)
        {
            postings[i] = cursors[i].Cursor;
            weights[i] = cursors[i].Weight;
            prefix[i] = cursors[i].Bound + (i > 0 ? prefix[i - 1] : 0);
        }

        var accepts = ChunkFilter.For(segment, filter);
        var norms = version.Norms(s, k1, b);
        var essential = 0;
        var scores = new double[Window];
        var touched = new ulong[Window / 64];

        // Window by window: the essential terms' postings are added into an array (no per-chunk merge of cursors),
        // then each chunk they reached is completed from the weaker terms, strongest first, until it either cannot
        // reach the top k or is scored in full. Chunks are taken in order, so ties still go to the earlier one.
        for (var start = 0; start < segment.ChunkCount; start += Window)
        {
            while (essential < count && prefix[essential] <= threshold)
            {
                essential++;
            }

            if (essential == count)
            {
                break;
            }

            var end = Math.Min(start + Window, segment.ChunkCount);
            for (var i = essential; i < count; i++)
            {
                var cursor = postings[i];
                cursor.Advance(start);
                while (cursor.Document < end)
                {
                    var chunk = cursor.Document;
                    var tf = cursor.Frequency;
                    var at = chunk - start;
                    scores[at] += weights[i] * (tf * (k1 + 1) / (tf + norms[chunk]));
                    touched[at >> 6] |= 1UL << (at & 63);
                    cursor.Next();
                }
            }

            for (var word = 0; word < touched.Length; word++)
            {
                var bits = touched[word];
                touched[word] = 0;
                while (bits != 0)
                {
                    var at = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    var chunk = start + at;
                    var score = scores[at];
                    scores[at] = 0;
                    if (version.IsDeleted(s, chunk) || (accepts is not null && !accepts.Accepts(chunk)))
                    {
                        continue;
                    }

                    var full = heap.Count >= limit;
                    var pruned = false;
                    var norm = norms[chunk];
                    for (var i = essential - 1; i >= 0; i--)
                    {
                        if (full && score + prefix[i] <= threshold)
                        {
                            pruned = true;
                            break;
                        }

                        var cursor = postings[i];
                        cursor.Advance(chunk);
                        if (cursor.Document == chunk)
                        {
                            var tf = cursor.Frequency;
                            score += weights[i] * (tf * (k1 + 1) / (tf + norm));
                        }
                    }

                    if (pruned)
                    {
                        continue;
                    }

                    var key = (score, -s, -chunk);
                    if (!full)
                    {
                        heap.Enqueue(new ChunkReference(s, chunk), key);
                    }
                    else if (score > threshold)
                    {
                        heap.DequeueEnqueue(new ChunkReference(s, chunk), key);
                    }
                    else
                    {
                        continue;
                    }

                    if (heap.Count >= limit)
                    {
                        heap.TryPeek(out _, out var worst);
                        threshold = worst.Score;
                    }
                }
            }
        }

        return threshold;
    }

    private static double Saturation(float frequency, int length, double k1, double b, double average) =>
        frequency * (k1 + 1) / (frequency + (k1 * (1 - b + (b * length / average))));

    private static double[] Coverage(IndexVersion version, QueryPlan plan, IReadOnlyList<ChunkReference> chunks)
    {
        var covered = new double[chunks.Count];
        if (plan.TotalCoverage == 0)
        {
            return covered;
        }

        var unigrams = plan.Terms.Where(t => t.IsUnigram && t.CoverageIdf != 0).ToList();
        foreach (var group in Enumerable.Range(0, chunks.Count).GroupBy(i => chunks[i].Segment))
        {
            var segment = version.Segments[group.Key];
            var inOrder = group.OrderBy(i => chunks[i].Number).ToList();
            foreach (var term in unigrams)
            {
                if (segment.Find(term.Key) is not { } entry)
                {
                    continue;
                }

                var cursor = new PostingCursor(segment, entry);
                foreach (var i in inOrder)
                {
                    cursor.Advance(chunks[i].Number);
                    covered[i] += cursor.Document == chunks[i].Number ? term.CoverageIdf : 0;
                }
            }
        }

        for (var i = 0; i < covered.Length; i++)
        {
            covered[i] /= plan.TotalCoverage;
        }

        return covered;
    }

    // The question's terms with their IDF over the whole version, as Bm25Index weighs them.
    private static QueryPlan Plan(IndexVersion version, QueryTerms query)
    {
        var count = version.ChunkCount;
        var maxIdf = Math.Log(1 + ((count + 0.5) / 0.5));
        var total = 0.0;
        var terms = new List<PlannedTerm>(query.Weights.Count);
        foreach (var (term, weight) in query.Weights)
        {
            var isUnigram = !term.Contains(' ', StringComparison.Ordinal);
            var coverageWeight = query.CoverageWeight(term, weight);
            var df = version.DocumentFrequency(term);
            if (df == 0)
            {
                total += isUnigram ? maxIdf * coverageWeight : 0;
                continue;
            }

            var idf = Math.Log(1 + ((count - df + 0.5) / (df + 0.5)));
            total += isUnigram ? idf * coverageWeight : 0;
            terms.Add(new PlannedTerm(Encoding.UTF8.GetBytes(term), idf * weight, isUnigram, idf * coverageWeight));
        }

        return new QueryPlan(terms, total);
    }

    private sealed record QueryPlan(IReadOnlyList<PlannedTerm> Terms, double TotalCoverage);

    private sealed record PlannedTerm(byte[] Key, double Weight, bool IsUnigram, double CoverageIdf);
}
