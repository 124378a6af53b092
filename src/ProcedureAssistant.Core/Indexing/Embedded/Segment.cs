using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// One segment file opened for reading (<see cref="SegmentFormat"/>), memory-mapped: opening it reads only its
/// trailer and directory, and a search touches only the dictionary entries and postings of the question's terms.
/// Immutable and thread-safe; a segment can serve several index versions at once (an update adds segments and marks
/// documents deleted, it never changes one).
/// </summary>
internal sealed class Segment : IDisposable
{
    private readonly MappedFile _file;
    private readonly SegmentFormat.Directory _directory;
    private readonly Lazy<(int[] Starts, int[] ByBucket)> _madeBuckets;

    private Segment(string name, MappedFile file, SegmentFormat.Directory directory)
    {
        Name = name;
        _file = file;
        _directory = directory;

        // A segment written before content-hash buckets: its table is made once, from the ids, when first needed.
        _madeBuckets = new(() =>
        {
            var buckets = new int[_directory.Documents];
            for (var place = 0; place < buckets.Length; place++)
            {
                buckets[place] = ContentDigest.Bucket(IdAt(place));
            }

            return SegmentBuckets.Group(buckets);
        });
    }

    /// <summary>The file's name in the index folder.</summary>
    public string Name { get; }

    /// <summary>Chunks in the segment (deleted ones included).</summary>
    public int ChunkCount => _directory.Chunks;

    /// <summary>Documents in the segment (deleted ones included).</summary>
    public int DocumentCount => _directory.Documents;

    /// <summary>The file's size in bytes.</summary>
    public long Bytes => _file.Length;

    /// <summary>Sum of the chunks' lengths.</summary>
    public long TotalLength => _directory.TotalLength;

    /// <summary>Documents with a record of their own.</summary>
    public int DocumentsWithRecord => _directory.DocumentsWithRecord;

    /// <summary>Whether the ids sort alike by UTF-8 bytes and by UTF-16 code units.</summary>
    public bool IdsSortAsUtf16 => _directory.IdsSortAsUtf16;

    /// <summary>Size of the dense vectors (0 when the segment has none).</summary>
    public int Dimensions => _directory.Dimensions;

    /// <summary>Every chunk's length in syllables.</summary>
    public ReadOnlySpan<int> Lengths => _file.Values<int>(_directory.ChunkLengths, _directory.Chunks);

    /// <summary>Every chunk's document number.</summary>
    public ReadOnlySpan<int> ChunkDocuments => _file.Values<int>(_directory.ChunkDocuments, _directory.Chunks);

    /// <summary>Every chunk's province code (0: none; else 1 + its place in <see cref="Provinces"/>).</summary>
    public ReadOnlySpan<ushort> ChunkProvinces => _file.Values<ushort>(_directory.ChunkProvinces, _directory.Chunks);

    /// <summary>Every chunk's levels, one bit per place in <see cref="Levels"/>.</summary>
    public ReadOnlySpan<byte> ChunkLevels => _file.Values<byte>(_directory.ChunkLevels, _directory.Chunks);

    /// <summary>The provinces the chunks' codes stand for.</summary>
    public IReadOnlyList<string> Provinces => _directory.Provinces;

    /// <summary>The levels the chunks' bits stand for.</summary>
    public IReadOnlyList<string> Levels => _directory.Levels;

    /// <summary>Opens a segment file, checking its trailer and directory.</summary>
    public static Segment Open(string path) => Open(Path.GetFileName(path), new MappedFile(path));

    /// <summary>A segment held in memory (an index never written to disk).</summary>
    public static Segment InMemory(string name, ReadOnlySpan<byte> bytes) => Open(name, new MappedFile(bytes));

    private static Segment Open(string name, MappedFile file)
    {
        try
        {
            if (file.Length < SegmentFormat.Magic.Length + SegmentFormat.TrailerBytes
                || !file.Bytes(0, SegmentFormat.Magic.Length).SequenceEqual(SegmentFormat.Magic)
                || !file.Bytes(file.Length - SegmentFormat.Magic.Length, SegmentFormat.Magic.Length).SequenceEqual(SegmentFormat.Magic))
            {
                throw new InvalidDataException($"{name} is not a whole index segment.");
            }

            var trailer = file.Length - SegmentFormat.TrailerBytes;
            var offset = file.Read<long>(trailer);
            var length = file.Read<int>(trailer + 8);
            var directory = JsonSerializer.Deserialize<SegmentFormat.Directory>(file.Bytes(offset, length), SegmentFormat.Json)
                ?? throw new InvalidDataException($"{name} has no directory.");
            return new Segment(name, file, directory);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The chunk's stored record.</summary>
    public Chunk Chunk(int chunk)
    {
        var offsets = _file.Values<long>(_directory.ChunkOffsets, _directory.Chunks + 1);
        return SegmentFormat.Unpack<Chunk>(_file.Bytes(offsets[chunk], (int)(offsets[chunk + 1] - offsets[chunk])));
    }

    /// <summary>The document's stored record, or null for chunks kept without their document.</summary>
    public CorpusDocument? Document(int document)
    {
        if (_file.Values<byte>(_directory.DocumentHasRecord, _directory.Documents)[document] == 0)
        {
            return null;
        }

        var start = _file.Values<long>(_directory.DocumentOffsets, _directory.Documents)[document];
        return SegmentFormat.Unpack<CorpusDocument>(_file.Bytes(start, _file.Values<int>(_directory.DocumentRecordLengths, _directory.Documents)[document]));
    }

    /// <summary>Whether the document has its own record (it is listed), not only chunks.</summary>
    public bool HasRecord(int document) => _file.Values<byte>(_directory.DocumentHasRecord, _directory.Documents)[document] != 0;

    /// <summary>The document's id.</summary>
    public string DocumentId(int document) => Encoding.UTF8.GetString(DocumentIdBytes(document));

    /// <summary>The document's content digest, as lower-case hex.</summary>
    public string Digest(int document) =>
        Convert.ToHexStringLower(_file.Bytes(_directory.DocumentDigests + ((long)document * SegmentFormat.DigestBytes), SegmentFormat.DigestBytes));

    /// <summary>The document's chunks: the first chunk number and how many.</summary>
    public (int First, int Count) ChunksOf(int document) =>
        (_file.Values<int>(_directory.DocumentFirstChunks, _directory.Documents)[document], _file.Values<int>(_directory.DocumentChunkCounts, _directory.Documents)[document]);

    /// <summary>Document numbers in ordinal order of their ids.</summary>
    public ReadOnlySpan<int> DocumentsById => _file.Values<int>(_directory.DocumentsById, _directory.Documents);

    /// <summary>The document's place in <see cref="DocumentsById"/>.</summary>
    public int ByIdPosition(int document) => _file.Values<int>(_directory.ByIdPositions, _directory.Documents)[document];

    /// <summary>The content-hash lines of the documents at places [<paramref name="from"/>, <paramref name="to"/>) of <see cref="DocumentsById"/>.</summary>
    public ReadOnlySpan<byte> DigestLines(int from, int to)
    {
        var offsets = _file.Values<long>(_directory.DigestLineOffsets, _directory.Documents + 1);
        return _file.Bytes(offsets[from], (int)(offsets[to] - offsets[from]));
    }

    /// <summary>
    /// The places in <see cref="DocumentsById"/> of the documents in content-hash bucket <paramref name="bucket"/>, in
    /// id order (<see cref="ContentDigest.Bucket(string)"/>).
    /// </summary>
    public ReadOnlySpan<int> BucketPlaces(int bucket)
    {
        if (_directory.BucketStarts == 0)
        {
            var (starts, byBucket) = _madeBuckets.Value;
            return byBucket.AsSpan(starts[bucket], starts[bucket + 1] - starts[bucket]);
        }

        var stored = _file.Values<int>(_directory.BucketStarts, ContentDigest.Buckets + 1);
        return _file.Values<int>(_directory.ByBucket + ((long)stored[bucket] * sizeof(int)), stored[bucket + 1] - stored[bucket]);
    }

    /// <summary>The id of the document at place <paramref name="position"/> of <see cref="DocumentsById"/>, as UTF-8.</summary>
    public ReadOnlySpan<byte> IdAt(int position) => DocumentIdBytes(DocumentsById[position]);

    /// <summary>The first place of <see cref="DocumentsById"/> whose id is not below <paramref name="id"/> (UTF-8).</summary>
    public int LowerBound(ReadOnlySpan<byte> id)
    {
        var byId = DocumentsById;
        var (low, high) = (0, byId.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            (low, high) = DocumentIdBytes(byId[middle]).SequenceCompareTo(id) < 0 ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    /// <summary>The document number with the id, or -1.</summary>
    public int FindDocument(string id)
    {
        var key = Encoding.UTF8.GetBytes(id);
        var byId = DocumentsById;
        var (low, high) = (0, byId.Length - 1);
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = DocumentIdBytes(byId[middle]).SequenceCompareTo(key);
            if (order == 0)
            {
                return byId[middle];
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return -1;
    }

    /// <summary>The term's dictionary entry, or null when no chunk of the segment has it.</summary>
    public TermEntry? Find(ReadOnlySpan<byte> term)
    {
        var offsets = _file.Values<long>(_directory.TermKeyOffsets, _directory.Terms + 1);
        var (low, high) = (0, _directory.Terms - 1);
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = _file.Bytes(offsets[middle], (int)(offsets[middle + 1] - offsets[middle])).SequenceCompareTo(term);
            if (order == 0)
            {
                var entry = _file.Bytes(_directory.TermEntries + ((long)middle * SegmentFormat.TermEntryBytes), SegmentFormat.TermEntryBytes);
                return new TermEntry(
                    BinaryPrimitives.ReadInt64LittleEndian(entry),
                    BinaryPrimitives.ReadInt32LittleEndian(entry[8..]),
                    BinaryPrimitives.ReadInt32LittleEndian(entry[12..]),
                    (BinaryPrimitives.ReadInt32LittleEndian(entry[16..]) & SegmentFormat.FlagFractional) != 0,
                    BinaryPrimitives.ReadSingleLittleEndian(entry[20..]),
                    BinaryPrimitives.ReadInt32LittleEndian(entry[24..]),
                    BinaryPrimitives.ReadInt32LittleEndian(entry[28..]));
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return null;
    }

    /// <summary>The block headers of a term's postings.</summary>
    public ReadOnlySpan<BlockHeader> Headers(TermEntry entry) => _file.Values<BlockHeader>(entry.Offset, entry.Blocks);

    /// <summary>A term's encoded postings, after its block headers.</summary>
    public ReadOnlySpan<byte> Payload(TermEntry entry) =>
        _file.Bytes(entry.Offset + ((long)entry.Blocks * SegmentFormat.BlockHeaderBytes), entry.PayloadBytes);

    /// <summary>The chunk's dense vector.</summary>
    public ReadOnlySpan<float> Vector(int chunk) => _file.Values<float>(_directory.Vectors + ((long)chunk * _directory.Dimensions * sizeof(float)), _directory.Dimensions);

    public void Dispose() => _file.Dispose();

    private ReadOnlySpan<byte> DocumentIdBytes(int document)
    {
        var offsets = _file.Values<long>(_directory.DocumentIdOffsets, _directory.Documents + 1);
        return _file.Bytes(offsets[document], (int)(offsets[document + 1] - offsets[document]));
    }
}

/// <summary>A term's entry in a segment's dictionary.</summary>
internal readonly record struct TermEntry(long Offset, int DocumentFrequency, int Blocks, bool Fractional, float MaxFrequency, int MinLength, int PayloadBytes);

/// <summary>A postings block's header: its last chunk, where it starts in the payload, its greatest frequency and shortest chunk.</summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Pack = 4)]
internal readonly record struct BlockHeader(int LastDocument, int Start, float MaxFrequency, int MinLength);
