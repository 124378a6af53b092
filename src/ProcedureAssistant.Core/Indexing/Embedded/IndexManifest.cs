namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// One version of the embedded index as written to disk: what <see cref="IndexInfo"/> reports, the dense model, the
/// segments that hold its documents, each with the documents that later versions replaced or removed, and the digests
/// of the content hash's buckets (<see cref="ContentDigest.Buckets"/> × 32 bytes), from which an update recomputes the
/// hash by rehashing only the buckets it touches. A manifest written before buckets has none (null): its content hash
/// is of the earlier, one-level definition, and the next version computes every bucket, so the hash changes once.
/// </summary>
internal sealed record IndexManifest(
    int Format,
    long Version,
    string AnalyzerVersion,
    DateTimeOffset BuiltAt,
    string ContentHash,
    int DocumentCount,
    int ChunkCount,
    IReadOnlyList<SegmentReference> Segments,
    DenseModel? Dense = null,
    byte[]? BucketDigests = null)
{
    /// <summary>Format 3: segments. Formats 1 and 2 (one file holding everything) are read once and rewritten as segments.</summary>
    public const int CurrentFormat = 3;
}

/// <summary>A segment of a version, and the numbers of its documents that no longer count (ascending).</summary>
internal sealed record SegmentReference(string Name, IReadOnlyList<int> DeletedDocuments);
