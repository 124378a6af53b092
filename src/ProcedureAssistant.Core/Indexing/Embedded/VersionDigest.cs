using System.Security.Cryptography;
using System.Text;

namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// The content hash of an index version (<see cref="ContentDigest.Combine"/>: SHA-256 over the analyser, the dense
/// model and one line <c>id\tdigest\n</c> per document in id order) from the lines its segments store in id order, so
/// that an update reads no chunk of the documents it leaves alone, and hashes the largest segment's lines in long runs:
/// the other segments' lines (an update's few documents) are merged in by binary search, and its deleted documents
/// cut the runs. The cost is hashing some 100 bytes per document, about 50 ms for a million on one core.
/// </summary>
internal static class VersionDigest
{
    public static string ContentHash(string analyzerVersion, DenseModel? dense, IReadOnlyList<Segment> segments, IReadOnlyList<SegmentReference> references)
    {
        if (segments.Count == 0)
        {
            return ContentDigest.Combine(analyzerVersion, dense?.Name, []);
        }

        if (segments.Any(s => !s.IdsSortAsUtf16))
        {
            return Slow(analyzerVersion, dense, segments, references);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new StringBuilder(analyzerVersion).Append('\n');
        if (dense is not null)
        {
            head.Append("dense\t").Append(dense.Name).Append('\n');
        }

        hash.AppendData(Encoding.UTF8.GetBytes(head.ToString()));

        var largest = Enumerable.Range(0, segments.Count).MaxBy(s => segments[s].DocumentCount);
        var main = segments[largest];

        // The other segments' live lines, in id order.
        var others = new List<(byte[] Id, byte[] Line)>();
        for (var s = 0; s < segments.Count; s++)
        {
            if (s == largest)
            {
                continue;
            }

            var deleted = references[s].DeletedDocuments.ToHashSet();
            var byId = segments[s].DocumentsById.ToArray();
            for (var p = 0; p < byId.Length; p++)
            {
                if (!deleted.Contains(byId[p]))
                {
                    others.Add((segments[s].IdAt(p).ToArray(), segments[s].DigestLines(p, p + 1).ToArray()));
                }
            }
        }

        others.Sort((x, y) => x.Id.AsSpan().SequenceCompareTo(y.Id));
        var cuts = references[largest].DeletedDocuments.Select(main.ByIdPosition).Order().ToArray();
        var position = 0;
        var cut = 0;
        void HashMainUpTo(int end)
        {
            while (position < end)
            {
                while (cut < cuts.Length && cuts[cut] < position)
                {
                    cut++;
                }

                if (cut < cuts.Length && cuts[cut] == position)
                {
                    position++;
                    continue;
                }

                var stop = cut < cuts.Length ? Math.Min(cuts[cut], end) : end;
                hash.AppendData(main.DigestLines(position, stop));
                position = stop;
            }
        }

        foreach (var (id, line) in others)
        {
            HashMainUpTo(main.LowerBound(id));
            hash.AppendData(line);
        }

        HashMainUpTo(main.DocumentCount);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Slow(string analyzerVersion, DenseModel? dense, IReadOnlyList<Segment> segments, IReadOnlyList<SegmentReference> references)
    {
        var lines = new List<KeyValuePair<string, string>>();
        for (var s = 0; s < segments.Count; s++)
        {
            var deleted = references[s].DeletedDocuments.ToHashSet();
            for (var d = 0; d < segments[s].DocumentCount; d++)
            {
                if (!deleted.Contains(d))
                {
                    lines.Add(KeyValuePair.Create(segments[s].DocumentId(d), segments[s].Digest(d)));
                }
            }
        }

        return ContentDigest.Combine(analyzerVersion, dense?.Name, lines);
    }
}
