namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// One version of the embedded index as written to disk: what <see cref="IndexInfo"/> reports, the dense model, and
/// the segments that hold its documents, each with the documents that later versions replaced or removed.
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
    DenseModel? Dense = null)
{
    /// <summary>Format 3: segments. Formats 1 and 2 (one file holding everything) are read once and rewritten as segments.</summary>
    public const int CurrentFormat = 3;
}

/// <summary>A segment of a version, and the numbers of its documents that no longer count (ascending).</summary>
internal sealed record SegmentReference(string Name, IReadOnlyList<int> DeletedDocuments);
