using System.Security.Cryptography;
using System.Text;

namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// The content hash of an index version (<see cref="ContentDigest"/>): the digests of its
/// <see cref="ContentDigest.Buckets"/> buckets, each SHA-256 over the lines <c>id\tdigest\n</c> its segments store
/// for the bucket's live documents, merged across segments in id order. A full build computes every bucket; an update
/// recomputes only the buckets of the documents it touched and takes the others from the previous version, so it
/// hashes a few hundred lines, not one per document of the index.
/// </summary>
internal static class VersionDigest
{
    /// <summary>The content hash from the bucket digests (<see cref="Buckets"/>).</summary>
    public static string ContentHash(string analyzerVersion, DenseModel? dense, ReadOnlySpan<byte> bucketDigests) =>
        ContentDigest.FromBuckets(analyzerVersion, dense?.Name, bucketDigests);

    /// <summary>
    /// The bucket digests of a version: those of <paramref name="touched"/> document ids recomputed from the segments,
    /// the others copied from <paramref name="previous"/>; every bucket recomputed when either is null.
    /// </summary>
    public static byte[] Buckets(
        IReadOnlyList<Segment> segments, IReadOnlyList<SegmentReference> references, byte[]? previous = null, IEnumerable<string>? touched = null)
    {
        var digests = new byte[ContentDigest.Buckets * ContentDigest.BucketDigestBytes];
        IEnumerable<int> buckets;
        if (previous is not null && touched is not null && previous.Length == digests.Length)
        {
            previous.CopyTo(digests, 0);
            buckets = touched.Select(ContentDigest.Bucket).Distinct();
        }
        else
        {
            buckets = Enumerable.Range(0, ContentDigest.Buckets);
        }

        var deleted = new HashSet<int>?[segments.Count];
        var byUtf8 = segments.All(s => s.IdsSortAsUtf16);
        var places = new List<(int Segment, int Place)>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var bucket in buckets)
        {
            places.Clear();
            for (var s = 0; s < segments.Count; s++)
            {
                var inBucket = segments[s].BucketPlaces(bucket);
                if (inBucket.IsEmpty)
                {
                    continue;
                }

                deleted[s] ??= [.. references[s].DeletedDocuments];
                var byId = segments[s].DocumentsById;
                foreach (var place in inBucket)
                {
                    if (!deleted[s]!.Contains(byId[place]))
                    {
                        places.Add((s, place));
                    }
                }
            }

            if (byUtf8)
            {
                places.Sort((x, y) => segments[x.Segment].IdAt(x.Place).SequenceCompareTo(segments[y.Segment].IdAt(y.Place)));
            }
            else
            {
                // Ids with characters beyond U+D7FF sort differently as UTF-8 bytes than as UTF-16 (the order of
                // ContentDigest.Combine): compare them as strings.
                var ids = places.ToDictionary(p => p, p => Encoding.UTF8.GetString(segments[p.Segment].IdAt(p.Place)));
                places.Sort((x, y) => string.CompareOrdinal(ids[x], ids[y]));
            }

            foreach (var (s, place) in places)
            {
                hash.AppendData(segments[s].DigestLines(place, place + 1));
            }

            hash.GetHashAndReset(digests.AsSpan(bucket * ContentDigest.BucketDigestBytes, ContentDigest.BucketDigestBytes));
        }

        return digests;
    }
}
