namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// A segment's documents grouped by content-hash bucket (<see cref="ContentDigest.Bucket(string)"/>): the places of
/// <see cref="Segment.DocumentsById"/> bucket by bucket, in id order within a bucket, and where each bucket starts.
/// </summary>
internal static class SegmentBuckets
{
    /// <summary>Groups places 0..n-1 by their bucket (a counting sort, so each bucket keeps the places in order).</summary>
    public static (int[] Starts, int[] ByBucket) Group(ReadOnlySpan<int> bucketOfPlace)
    {
        var starts = new int[ContentDigest.Buckets + 1];
        foreach (var bucket in bucketOfPlace)
        {
            starts[bucket + 1]++;
        }

        for (var b = 0; b < ContentDigest.Buckets; b++)
        {
            starts[b + 1] += starts[b];
        }

        var next = starts[..^1];
        var byBucket = new int[bucketOfPlace.Length];
        for (var place = 0; place < bucketOfPlace.Length; place++)
        {
            byBucket[next[bucketOfPlace[place]]++] = place;
        }

        return (starts, byBucket);
    }
}
