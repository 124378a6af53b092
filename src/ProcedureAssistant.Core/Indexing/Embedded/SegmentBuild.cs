using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// Writes documents and their analysed chunks into segments, in one pass over the chunks: a document's chunks are
/// written together with its record and content digest, and a new segment is started at a document boundary once
/// the open one holds <see cref="PostingsPerSegment"/> postings, so a build of any size holds at most one segment's
/// postings in memory. Documents without chunks go into the last segment.
/// </summary>
internal static class SegmentBuild
{
    /// <summary>
    /// Postings (chunk-term pairs) per segment: about 700 MB of build memory, and some 150,000 chunks of this
    /// corpus' length; fewer, larger segments search faster, more, smaller ones build in less memory.
    /// </summary>
    public const long PostingsPerSegment = 80_000_000;

    /// <summary>Writes the segments and opens them; <paramref name="open"/> makes the sink of segment number n.</summary>
    /// <exception cref="ArgumentException">A document's chunks are not contiguous, or a vector does not fit the model.</exception>
    public static List<Segment> Write(
        IReadOnlyList<CorpusDocument> documents,
        IReadOnlyList<IndexedChunk> chunks,
        DenseModel? dense,
        Func<int, SegmentSink> open,
        CancellationToken cancellationToken,
        long postingsPerSegment = PostingsPerSegment)
    {
        var segments = new List<Segment>();
        var used = new bool[documents.Count];
        var written = new HashSet<string>(StringComparer.Ordinal);
        Dictionary<string, int>? positions = null;
        var next = 0;
        var group = new List<IndexedChunk>();
        SegmentSink? sink = null;
        SegmentWriter? writer = null;
        try
        {
            void Start()
            {
                sink = open(segments.Count);
                writer = new SegmentWriter(sink.Stream, dense?.Dimensions ?? 0);
            }

            void Flush()
            {
                writer!.Finish();
                writer.Dispose();
                segments.Add(sink!.Commit());
                sink.Dispose();
                (writer, sink) = (null, null);
            }

            void WriteGroup()
            {
                var id = group[0].Chunk.DocumentId;
                if (!written.Add(id))
                {
                    throw new ArgumentException($"The chunks of document '{id}' are not contiguous; the index writes a document's chunks together.", nameof(chunks));
                }

                // Documents usually come in the order of their chunks; otherwise they are looked up by id.
                CorpusDocument? document = null;
                if (next < documents.Count && documents[next].Id == id)
                {
                    document = documents[next];
                    used[next++] = true;
                }
                else
                {
                    positions ??= Enumerable.Range(0, documents.Count).GroupBy(i => documents[i].Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
                    if (positions.TryGetValue(id, out var position))
                    {
                        document = documents[position];
                        used[position] = true;
                    }
                }

                if (writer is null)
                {
                    Start();
                }

                writer!.AddDocument(id, document, group, ContentDigest.Document(document, group.Select(Stored)));
                group.Clear();
                if (writer.PostingCount >= postingsPerSegment)
                {
                    Flush();
                }
            }

            for (var i = 0; i < chunks.Count; i++)
            {
                if ((i & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var chunk = chunks[i];
                DenseVectorCheck.Validate([chunk], dense);
                if (group.Count > 0 && group[0].Chunk.DocumentId != chunk.Chunk.DocumentId)
                {
                    WriteGroup();
                }

                group.Add(chunk);
            }

            if (group.Count > 0)
            {
                WriteGroup();
            }

            // A later document with the id of an earlier one replaces it, as a dictionary of documents would.
            var chunkless = Enumerable.Range(0, documents.Count).Where(i => !used[i]).Select(i => documents[i])
                .Where(d => !written.Contains(d.Id))
                .GroupBy(d => d.Id, StringComparer.Ordinal).Select(g => g.Last())
                .ToList();
            foreach (var document in chunkless)
            {
                if (writer is null)
                {
                    Start();
                }

                writer!.AddDocument(document.Id, document, [], ContentDigest.Document(document, []));
            }

            if (writer is not null)
            {
                Flush();
            }

            return segments;
        }
        catch
        {
            writer?.Dispose();
            sink?.Dispose();
            segments.ForEach(s => s.Dispose());
            throw;
        }
    }

    private static StoredChunk Stored(IndexedChunk chunk) => new(chunk.Chunk, chunk.Terms.Frequencies, chunk.Terms.Length, chunk.Vector);
}
