using System.Text.Json;
using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// Writes documents and their analysed chunks into segments, in one pass over the chunks: a document's chunks are
/// written together with its record and content digest, and a new segment is started at a document boundary once
/// the open one holds <see cref="PostingsPerSegment"/> postings, so a build of any size holds at most one segment's
/// postings in memory. Documents without chunks go into the last segment. Reading the chunks (which may analyse them
/// as they are read), packing their records and computing their share of the digest run on every core, a batch
/// ahead of the one thread that fills the postings.
/// </summary>
internal static class SegmentBuild
{
    /// <summary>
    /// Postings (chunk-term pairs) per segment: about 700 MB of build memory, some 170,000 chunks of this corpus'
    /// length; fewer, larger segments search faster, more, smaller ones build in less memory.
    /// </summary>
    public const long PostingsPerSegment = 80_000_000;

    // Chunks prepared ahead of the postings thread, a few per core. Every batch in flight survives the collections
    // made while it waits, so a larger one is promoted and collected later at a cost: at 100,000 chunks on two cores
    // batches of 256 built in 34 s, of 32 in 29–30 s, of 8 in 24–26 s (eval/reports/scale.md).
    private static readonly int Batch = 4 * Environment.ProcessorCount;

    private static readonly byte[] NoDocument = JsonSerializer.SerializeToUtf8Bytes<CorpusDocument?>(null);

    /// <summary>Writes the segments and opens them; <paramref name="open"/> makes the sink of segment number n.</summary>
    /// <exception cref="ArgumentException">A document's chunks are not contiguous, or a vector does not fit the model.</exception>
    public static async Task<List<Segment>> WriteAsync(
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
        var group = new List<PreparedChunk>();
        var documentBatch = new DocumentBatch(documents, cancellationToken);
        SegmentSink? sink = null;
        SegmentWriter? writer = null;

        Task<PreparedChunk[]> Prepare(int start) => Map(Math.Min(Batch, chunks.Count - start), k =>
        {
            var chunk = chunks[start + k];
            DenseVectorCheck.Validate([chunk], dense);
            return new PreparedChunk(chunk, SegmentFormat.Pack(chunk.Chunk), ContentDigest.ChunkPart(new StoredChunk(chunk.Chunk, chunk.Terms.Frequencies, chunk.Terms.Length, chunk.Vector)));
        }, cancellationToken);

        void Flush()
        {
            writer!.Finish();
            writer.Dispose();
            segments.Add(sink!.Commit());
            sink.Dispose();
            (writer, sink) = (null, null);
        }

        void Write(string id, PreparedDocument? document, IReadOnlyList<PreparedChunk> parts)
        {
            if (writer is null)
            {
                sink = open(segments.Count);
                writer = new SegmentWriter(sink.Stream, dense?.Dimensions ?? 0);
            }

            var digest = ContentDigest.Document(document?.Json ?? NoDocument, parts.Select(p => p.DigestPart));
            writer.AddDocument(id, document?.Record, parts.Select(p => (p.Chunk, p.Record)).ToList(), digest);
        }

        async Task WriteGroupAsync()
        {
            var id = group[0].Chunk.Chunk.DocumentId;
            if (!written.Add(id))
            {
                throw new ArgumentException($"The chunks of document '{id}' are not contiguous; the index writes a document's chunks together.", nameof(chunks));
            }

            // Documents usually come in the order of their chunks; otherwise they are looked up by id.
            var document = await documentBatch.TakeIfNextAsync(id).ConfigureAwait(false);
            if (document is not null)
            {
                used[documentBatch.Taken] = true;
            }
            else
            {
                positions ??= Enumerable.Range(0, documents.Count).GroupBy(i => documents[i].Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
                if (positions.TryGetValue(id, out var position))
                {
                    document = PreparedDocument.Of(documents[position]);
                    used[position] = true;
                }
            }

            Write(id, document, group);
            group.Clear();
            if (writer!.PostingCount >= postingsPerSegment)
            {
                Flush();
            }
        }

        try
        {
            var pending = chunks.Count > 0 ? Prepare(0) : null;
            for (var start = 0; start < chunks.Count; start += Batch)
            {
                var batch = await pending!.ConfigureAwait(false);
                pending = start + Batch < chunks.Count ? Prepare(start + Batch) : null;
                foreach (var chunk in batch)
                {
                    if (group.Count > 0 && group[0].Chunk.Chunk.DocumentId != chunk.Chunk.Chunk.DocumentId)
                    {
                        await WriteGroupAsync().ConfigureAwait(false);
                    }

                    group.Add(chunk);
                }
            }

            if (group.Count > 0)
            {
                await WriteGroupAsync().ConfigureAwait(false);
            }

            // A later document with the id of an earlier one replaces it, as a dictionary of documents would.
            var chunkless = Enumerable.Range(0, documents.Count).Where(i => !used[i]).Select(i => documents[i])
                .Where(d => !written.Contains(d.Id))
                .GroupBy(d => d.Id, StringComparer.Ordinal).Select(g => g.Last())
                .ToList();
            foreach (var document in chunkless)
            {
                Write(document.Id, PreparedDocument.Of(document), []);
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

    // Items 0..count-1 made on every core, in order; the first failure is thrown as itself.
    private static Task<T[]> Map<T>(int count, Func<int, T> make, CancellationToken cancellationToken) => Task.Run(
        () =>
        {
            var items = new T[count];
            try
            {
                Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, k => items[k] = make(k));
            }
            catch (AggregateException ex)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
            }

            return items;
        },
        cancellationToken);

    /// <summary>A chunk with its packed record and its part of the document's digest.</summary>
    private sealed record PreparedChunk(IndexedChunk Chunk, byte[] Record, byte[] DigestPart);

    /// <summary>A document with its packed record and its JSON for the digest.</summary>
    private sealed record PreparedDocument(CorpusDocument Document, byte[] Record, byte[] Json)
    {
        public static PreparedDocument Of(CorpusDocument document) => new(document, SegmentFormat.Pack(document), JsonSerializer.SerializeToUtf8Bytes<CorpusDocument?>(document));
    }

    /// <summary>The documents in order, read and packed a batch ahead on every core.</summary>
    private sealed class DocumentBatch(IReadOnlyList<CorpusDocument> documents, CancellationToken cancellationToken)
    {
        private PreparedDocument[] _current = [];
        private int _first;
        private Task<PreparedDocument[]>? _pending;

        /// <summary>The position of the document the last successful <see cref="TakeIfNextAsync"/> returned.</summary>
        public int Taken { get; private set; } = -1;

        /// <summary>The next document in order when its id is <paramref name="id"/>; otherwise null, and the order is kept.</summary>
        public async Task<PreparedDocument?> TakeIfNextAsync(string id)
        {
            var next = Taken + 1;
            if (next >= documents.Count)
            {
                return null;
            }

            if (next >= _first + _current.Length)
            {
                _current = await (_pending ?? Load(next)).ConfigureAwait(false);
                _first = next;
                _pending = next + _current.Length < documents.Count ? Load(next + _current.Length) : null;
            }

            var document = _current[next - _first];
            if (document.Document.Id != id)
            {
                return null;
            }

            Taken = next;
            return document;
        }

        private Task<PreparedDocument[]> Load(int start) =>
            Map(Math.Min(Batch, documents.Count - start), k => PreparedDocument.Of(documents[start + k]), cancellationToken);
    }
}
