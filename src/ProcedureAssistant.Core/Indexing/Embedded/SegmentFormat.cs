using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// The layout of a segment file, shared by <see cref="SegmentWriter"/> and <see cref="Segment"/>. A segment holds some
/// documents and all their chunks: each chunk's stored record (JSON, Brotli-compressed), length in syllables,
/// document, province and levels; each document's record, id and content digest; a term dictionary sorted by the
/// terms' UTF-8 bytes; per term, postings in blocks of <see cref="BlockSize"/> (chunk number deltas and term
/// frequencies as varints, or as floats when a frequency is fractional) behind a table of block headers, each with
/// the block's last chunk, its greatest frequency and shortest chunk, from which a search bounds the block's score
/// without reading it; and the dense vectors, when the index has them. A small JSON directory at the end (found from
/// the fixed-size trailer) says where each section starts.
/// </summary>
internal static class SegmentFormat
{
    public const int BlockSize = 128;
    public const int DigestBytes = 32;
    public const int TermEntryBytes = 32;
    public const int BlockHeaderBytes = 16;
    public const int TrailerBytes = 8 + 4 + 8;
    public const int FlagFractional = 1;

    public static readonly byte[] Magic = "PASEG\0\0\x01"u8.ToArray();

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Serialises a record and compresses it, prefixed with its uncompressed length.</summary>
    public static byte[] Pack<T>(T value)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, Json);
        var packed = new byte[4 + BrotliEncoder.GetMaxCompressedLength(json.Length)];
        BinaryPrimitives.WriteInt32LittleEndian(packed, json.Length);
        if (!BrotliEncoder.TryCompress(json, packed.AsSpan(4), out var written, quality: 1, window: 22))
        {
            throw new InvalidOperationException("Brotli could not compress a stored record.");
        }

        return packed[..(4 + written)];
    }

    /// <summary>The record <see cref="Pack"/> wrote.</summary>
    public static T Unpack<T>(ReadOnlySpan<byte> packed)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(packed);
        var json = new byte[length];
        if (!BrotliDecoder.TryDecompress(packed[4..], json, out var written) || written != length)
        {
            throw new InvalidDataException("A stored record of the index segment is damaged.");
        }

        return JsonSerializer.Deserialize<T>(json, Json) ?? throw new InvalidDataException("A stored record of the index segment is empty.");
    }

    /// <summary>Where each section of a segment starts, and its counts.</summary>
    internal sealed record Directory
    {
        public int Chunks { get; init; }

        public int Documents { get; init; }

        public int Terms { get; init; }

        public int Dimensions { get; init; }

        public long TotalLength { get; init; }

        public int DocumentsWithRecord { get; init; }

        /// <summary>Whether the ids sort alike by UTF-8 bytes and by UTF-16 code units (no character at or above U+E000).</summary>
        public bool IdsSortAsUtf16 { get; init; }

        public IReadOnlyList<string> Provinces { get; init; } = [];

        public IReadOnlyList<string> Levels { get; init; } = [];

        public long ChunkOffsets { get; init; }

        public long ChunkLengths { get; init; }

        public long ChunkDocuments { get; init; }

        public long ChunkProvinces { get; init; }

        public long ChunkLevels { get; init; }

        public long DocumentOffsets { get; init; }

        public long DocumentRecordLengths { get; init; }

        public long DocumentFirstChunks { get; init; }

        public long DocumentChunkCounts { get; init; }

        public long DocumentHasRecord { get; init; }

        public long DocumentDigests { get; init; }

        public long DocumentIdOffsets { get; init; }

        public long DocumentsById { get; init; }

        /// <summary>Each document's place in <see cref="DocumentsById"/>.</summary>
        public long ByIdPositions { get; init; }

        /// <summary>Offsets (in id order, one more than the documents) of the lines <c>id\tdigest\n</c> the content hash is made of.</summary>
        public long DigestLineOffsets { get; init; }

        /// <summary>
        /// Where each content-hash bucket's documents start in <see cref="ByBucket"/> (<see cref="ContentDigest.Buckets"/>
        /// + 1 ints); 0 in a segment written before buckets, whose table is then made when first needed.
        /// </summary>
        public long BucketStarts { get; init; }

        /// <summary>Places in <see cref="DocumentsById"/> grouped by bucket, in id order within each bucket; 0 when absent.</summary>
        public long ByBucket { get; init; }

        public long TermKeyOffsets { get; init; }

        public long TermEntries { get; init; }

        public long Vectors { get; init; }
    }
}
