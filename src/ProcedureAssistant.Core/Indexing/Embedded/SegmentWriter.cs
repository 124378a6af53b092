using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// Writes one segment (<see cref="SegmentFormat"/>): documents arrive one at a time with their chunks, the stored
/// records go to the stream at once, and the postings are kept in memory until <see cref="Finish"/> writes the term
/// dictionary and postings. The caller decides when a
/// segment is full (<see cref="PostingCount"/>), which bounds the memory a build takes whatever the corpus' size.
/// </summary>
internal sealed class SegmentWriter : IDisposable
{
    private readonly int _dimensions;
    private readonly Stream _stream;
    private readonly BinaryWriter _writer;
    private readonly Dictionary<string, int> _termNumbers = new(StringComparer.Ordinal);
    private readonly PostingPool _postings = new();
    private readonly List<long> _chunkOffsets = [];
    private readonly List<int> _lengths = [];
    private readonly List<int> _chunkDocuments = [];
    private readonly List<ushort> _chunkProvinces = [];
    private readonly List<byte> _chunkLevels = [];
    private readonly List<long> _documentOffsets = [];
    private readonly List<int> _documentRecordLengths = [];
    private readonly List<int> _firstChunks = [];
    private readonly List<int> _chunkCounts = [];
    private readonly List<byte> _hasRecord = [];
    private readonly List<byte[]> _digests = [];
    private readonly List<string> _documentIds = [];
    private readonly List<float> _vectors = [];
    private readonly Dictionary<string, ushort> _provinces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte> _levels = new(StringComparer.Ordinal);
    /// <summary>A writer into <paramref name="stream"/>, which it leaves open.</summary>
    public SegmentWriter(Stream stream, int dimensions)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The embedded index's segment files are little-endian.");
        }

        _dimensions = dimensions;
        _stream = stream;
        _writer = new BinaryWriter(_stream, Encoding.UTF8, leaveOpen: true);
        _writer.Write(SegmentFormat.Magic);
    }

    /// <summary>Postings held in memory so far.</summary>
    public long PostingCount { get; private set; }

    /// <summary>Chunks written so far.</summary>
    public int ChunkCount => _lengths.Count;

    /// <summary>Documents written so far.</summary>
    public int DocumentCount => _documentIds.Count;

    /// <summary>
    /// Adds one document (null for chunks whose document is not in the index, which <see cref="IChunkIndex.GetChunksAsync"/>
    /// still serves) with its chunks, in order, and its content digest (see <see cref="ContentDigest"/>).
    /// </summary>
    public void AddDocument(string id, CorpusDocument? document, IReadOnlyList<IndexedChunk> chunks, string digest) =>
        AddDocument(id, document is null ? null : SegmentFormat.Pack(document), chunks.Select(c => (c, SegmentFormat.Pack(c.Chunk))).ToList(), digest);

    /// <summary>Adds one document whose record and chunks' records are packed already (<see cref="SegmentFormat.Pack"/>); null: chunks without a document.</summary>
    public void AddDocument(string id, byte[]? document, IReadOnlyList<(IndexedChunk Chunk, byte[] Record)> chunks, string digest)
    {
        var number = _documentIds.Count;
        _documentIds.Add(id);
        _firstChunks.Add(_lengths.Count);
        _chunkCounts.Add(chunks.Count);
        _hasRecord.Add(document is null ? (byte)0 : (byte)1);
        _digests.Add(Convert.FromHexString(digest));
        _documentOffsets.Add(_stream.Position);
        var record = document ?? [];
        _writer.Write(record);
        _documentRecordLengths.Add(record.Length);

        foreach (var (chunk, packed) in chunks)
        {
            AddChunk(chunk, packed, number);
        }
    }

    /// <summary>Writes the dictionary, postings, tables and directory; the caller flushes the stream.</summary>
    public void Finish()
    {
        _chunkOffsets.Add(_stream.Position);
        var chunkOffsets = WriteArray(CollectionsMarshal.AsSpan(_chunkOffsets));
        var lengths = WriteArray(CollectionsMarshal.AsSpan(_lengths));
        var chunkDocuments = WriteArray(CollectionsMarshal.AsSpan(_chunkDocuments));
        var chunkProvinces = WriteArray(CollectionsMarshal.AsSpan(_chunkProvinces));
        var chunkLevels = WriteArray(CollectionsMarshal.AsSpan(_chunkLevels));
        var documentOffsets = WriteArray(CollectionsMarshal.AsSpan(_documentOffsets));
        var documentRecordLengths = WriteArray(CollectionsMarshal.AsSpan(_documentRecordLengths));
        var firstChunks = WriteArray(CollectionsMarshal.AsSpan(_firstChunks));
        var chunkCounts = WriteArray(CollectionsMarshal.AsSpan(_chunkCounts));
        var hasRecord = WriteArray(CollectionsMarshal.AsSpan(_hasRecord));
        var digests = Align();
        foreach (var digest in _digests)
        {
            _writer.Write(digest);
        }

        var (idOffsets, byId, positions, lineOffsets, sortsAsUtf16, bucketStarts, byBucket) = WriteDocumentIds();
        var (keyOffsets, entries) = WritePostings();
        var vectors = WriteArray(CollectionsMarshal.AsSpan(_vectors));

        var directory = new SegmentFormat.Directory
        {
            Chunks = _lengths.Count,
            Documents = _documentIds.Count,
            Terms = _termNumbers.Count,
            Dimensions = _dimensions,
            TotalLength = _lengths.Sum(l => (long)l),
            DocumentsWithRecord = _hasRecord.Count(h => h != 0),
            IdsSortAsUtf16 = sortsAsUtf16,
            Provinces = _provinces.OrderBy(p => p.Value).Select(p => p.Key).ToList(),
            Levels = _levels.OrderBy(p => p.Value).Select(p => p.Key).ToList(),
            ChunkOffsets = chunkOffsets,
            ChunkLengths = lengths,
            ChunkDocuments = chunkDocuments,
            ChunkProvinces = chunkProvinces,
            ChunkLevels = chunkLevels,
            DocumentOffsets = documentOffsets,
            DocumentRecordLengths = documentRecordLengths,
            DocumentFirstChunks = firstChunks,
            DocumentChunkCounts = chunkCounts,
            DocumentHasRecord = hasRecord,
            DocumentDigests = digests,
            DocumentIdOffsets = idOffsets,
            DocumentsById = byId,
            ByIdPositions = positions,
            DigestLineOffsets = lineOffsets,
            BucketStarts = bucketStarts,
            ByBucket = byBucket,
            TermKeyOffsets = keyOffsets,
            TermEntries = entries,
            Vectors = vectors,
        };
        var directoryOffset = _stream.Position;
        var json = JsonSerializer.SerializeToUtf8Bytes(directory, SegmentFormat.Json);
        _writer.Write(json);
        _writer.Write(directoryOffset);
        _writer.Write(json.Length);
        _writer.Write(SegmentFormat.Magic);
        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();

    private void AddChunk(IndexedChunk indexed, byte[] record, int document)
    {
        var chunk = indexed.Chunk;
        var number = _lengths.Count;
        _chunkOffsets.Add(_stream.Position);
        _writer.Write(record);
        _lengths.Add(indexed.Terms.Length);
        _chunkDocuments.Add(document);
        _chunkProvinces.Add(chunk.Province is null ? (ushort)0 : Code(_provinces, chunk.Province, ushort.MaxValue - 1, c => (ushort)(c + 1)));
        byte levels = 0;
        foreach (var level in chunk.Levels)
        {
            levels |= (byte)(1 << Code(_levels, level, 7, c => (byte)c));
        }

        _chunkLevels.Add(levels);
        if (_dimensions > 0)
        {
            _vectors.AddRange(indexed.Vector ?? throw new ArgumentException($"Chunk '{chunk.Id}' has no dense vector.", nameof(indexed)));
        }

        foreach (var (term, frequency) in indexed.Terms.Frequencies)
        {
            ref var termNumber = ref CollectionsMarshal.GetValueRefOrAddDefault(_termNumbers, term, out var known);
            if (!known)
            {
                termNumber = _postings.AddTerm();
            }

            _postings.Add(termNumber, number, frequency);
        }

        PostingCount += indexed.Terms.Frequencies.Count;
    }

    private static T Code<T>(Dictionary<string, T> codes, string value, int max, Func<int, T> make)
        where T : struct
    {
        if (!codes.TryGetValue(value, out var code))
        {
            if (codes.Count >= max)
            {
                throw new InvalidOperationException($"A segment holds at most {max} distinct values of a filter field; '{value}' is one too many.");
            }

            code = make(codes.Count);
            codes.Add(value, code);
        }

        return code;
    }

    private (long Offsets, long ById, long Positions, long LineOffsets, bool SortsAsUtf16, long BucketStarts, long ByBucket) WriteDocumentIds()
    {
        var keys = _documentIds.Select(Encoding.UTF8.GetBytes).ToArray();
        var offsets = new long[keys.Length + 1];
        var blob = _stream.Position;
        for (var i = 0; i < keys.Length; i++)
        {
            offsets[i] = _stream.Position - blob;
            _writer.Write(keys[i]);
        }

        offsets[^1] = _stream.Position - blob;
        var byId = Enumerable.Range(0, keys.Length).ToArray();
        Array.Sort(byId, (x, y) => keys[x].AsSpan().SequenceCompareTo(keys[y]));
        var positions = new int[keys.Length];
        for (var i = 0; i < byId.Length; i++)
        {
            positions[byId[i]] = i;
        }

        for (var i = 0; i < offsets.Length; i++)
        {
            offsets[i] += blob;
        }

        // The lines of ContentDigest.Combine, in id order, so that a version's content hash streams them.
        var lineOffsets = new long[keys.Length + 1];
        var hex = new char[SegmentFormat.DigestBytes * 2];
        foreach (var (document, i) in byId.Select((d, i) => (d, i)))
        {
            lineOffsets[i] = _stream.Position;
            _writer.Write(keys[document]);
            _writer.Write((byte)'\t');
            Convert.TryToHexStringLower(_digests[document], hex, out _);
            _writer.Write(Encoding.ASCII.GetBytes(hex));
            _writer.Write((byte)'\n');
        }

        _writer.Flush();
        lineOffsets[^1] = _stream.Position;
        var sortsAsUtf16 = _documentIds.All(id => id.All(c => c < '\ud800'));

        // The places in id order grouped by content-hash bucket, so that an update rehashes a bucket from its own
        // documents' lines (VersionDigest).
        var (bucketStarts, byBucket) = SegmentBuckets.Group(byId.Select(d => ContentDigest.Bucket(keys[d])).ToArray());
        return (WriteArray<long>(offsets), WriteArray<int>(byId), WriteArray<int>(positions), WriteArray<long>(lineOffsets), sortsAsUtf16,
            WriteArray<int>(bucketStarts), WriteArray<int>(byBucket));
    }

    private (long KeyOffsets, long Entries) WritePostings()
    {
        var terms = _termNumbers.Select(t => (Key: Encoding.UTF8.GetBytes(t.Key), Number: t.Value)).ToArray();
        Array.Sort(terms, (x, y) => x.Key.AsSpan().SequenceCompareTo(y.Key));

        var keyOffsets = new long[terms.Length + 1];
        for (var i = 0; i < terms.Length; i++)
        {
            keyOffsets[i] = _stream.Position;
            _writer.Write(terms[i].Key);
        }

        keyOffsets[^1] = _stream.Position;
        var entries = new byte[(long)terms.Length * SegmentFormat.TermEntryBytes];
        var payload = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        var headers = new System.Buffers.ArrayBufferWriter<byte>(1 << 12);
        var chunks = new int[SegmentFormat.BlockSize];
        var frequencies = new float[SegmentFormat.BlockSize];
        Align();
        for (var t = 0; t < terms.Length; t++)
        {
            var term = terms[t].Number;
            var count = _postings.Count(term);
            var fractional = _postings.Fractional(term);
            if (count > chunks.Length)
            {
                chunks = new int[Math.Max(count, chunks.Length * 2)];
                frequencies = new float[chunks.Length];
            }

            _postings.Read(term, chunks, frequencies);
            var blocks = (count + SegmentFormat.BlockSize - 1) / SegmentFormat.BlockSize;
            payload.ResetWrittenCount();
            headers.ResetWrittenCount();
            var maxFrequency = 0f;
            var minLength = int.MaxValue;
            var previous = -1;
            for (var b = 0; b < blocks; b++)
            {
                var blockStart = payload.WrittenCount;
                var from = b * SegmentFormat.BlockSize;
                var to = Math.Min(count, from + SegmentFormat.BlockSize);
                var blockMaxFrequency = 0f;
                var blockMinLength = int.MaxValue;
                for (var i = from; i < to; i++)
                {
                    var document = chunks[i];
                    payload.Advance(Varint.Write(payload.GetSpan(5), (uint)(document - previous)));
                    previous = document;
                    var frequency = frequencies[i];
                    if (fractional)
                    {
                        BitConverter.TryWriteBytes(payload.GetSpan(4), frequency);
                        payload.Advance(4);
                    }
                    else
                    {
                        payload.Advance(Varint.Write(payload.GetSpan(5), (uint)frequency));
                    }

                    blockMaxFrequency = Math.Max(blockMaxFrequency, frequency);
                    blockMinLength = Math.Min(blockMinLength, _lengths[document]);
                }

                // Headers come first, so that a cursor skips blocks by reading headers only.
                var header = headers.GetSpan(SegmentFormat.BlockHeaderBytes);
                BitConverter.TryWriteBytes(header[..4], previous);
                BitConverter.TryWriteBytes(header.Slice(4, 4), blockStart);
                BitConverter.TryWriteBytes(header.Slice(8, 4), blockMaxFrequency);
                BitConverter.TryWriteBytes(header.Slice(12, 4), blockMinLength);
                headers.Advance(SegmentFormat.BlockHeaderBytes);
                maxFrequency = Math.Max(maxFrequency, blockMaxFrequency);
                minLength = Math.Min(minLength, blockMinLength);
            }

            var start = _stream.Position;
            _stream.Write(headers.WrittenSpan);
            _stream.Write(payload.WrittenSpan);
            var entry = entries.AsSpan(t * SegmentFormat.TermEntryBytes, SegmentFormat.TermEntryBytes);
            BitConverter.TryWriteBytes(entry[..8], start);
            BitConverter.TryWriteBytes(entry.Slice(8, 4), count);
            BitConverter.TryWriteBytes(entry.Slice(12, 4), blocks);
            BitConverter.TryWriteBytes(entry.Slice(16, 4), fractional ? SegmentFormat.FlagFractional : 0);
            BitConverter.TryWriteBytes(entry.Slice(20, 4), maxFrequency);
            BitConverter.TryWriteBytes(entry.Slice(24, 4), minLength);
            BitConverter.TryWriteBytes(entry.Slice(28, 4), payload.WrittenCount);
        }

        var keys = WriteArray<long>(keyOffsets);
        var entryStart = Align();
        _stream.Write(entries);
        return (keys, entryStart);
    }

    private long WriteArray<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var start = Align();
        _writer.Flush();
        _stream.Write(MemoryMarshal.AsBytes(values));
        return start;
    }

    private long Align()
    {
        _writer.Flush();
        while (_stream.Position % 8 != 0)
        {
            _stream.WriteByte(0);
        }

        return _stream.Position;
    }
}
