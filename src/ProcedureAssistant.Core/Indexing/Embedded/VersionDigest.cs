namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// The content hash of an index version (<see cref="ContentDigest.Combine"/>) from the per-document digests its
/// segments store, so that an update re-reads no chunk of the documents it leaves alone.
/// </summary>
internal static class VersionDigest
{
    public static string ContentHash(IndexVersion version) =>
        ContentDigest.Combine(
            version.Manifest.AnalyzerVersion,
            version.Manifest.Dense?.Name,
            version.LiveDocuments().Select(d => KeyValuePair.Create(version.Segments[d.Segment].DocumentId(d.Number), version.Segments[d.Segment].Digest(d.Number))));
}
