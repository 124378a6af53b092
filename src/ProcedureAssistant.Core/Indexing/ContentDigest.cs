using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing.Embedded;

namespace ProcedureAssistant.Core.Indexing;

/// <summary>
/// <see cref="IndexInfo.ContentHash"/>, the same on every backend and whether the index was built at once or updated
/// document by document. Each document id has a digest (its record and its chunks' records, with their dense vectors
/// when the index has them); the documents are spread over <see cref="Buckets"/> buckets by a stable hash of their id;
/// a bucket's digest is SHA-256 over its documents' lines <c>id\tdigest\n</c> in id order, and the content hash is
/// SHA-256 over the analyser version, the dense model and the bucket digests in bucket order (<see cref="Combine"/>).
/// An update recomputes only the buckets of the documents it touched, reading the stored digests of the others.
/// </summary>
internal static class ContentDigest
{
    /// <summary>The digest of every document id of a set of documents and chunks (chunks without a document count too).</summary>
    public static Dictionary<string, string> PerDocument(IEnumerable<CorpusDocument> documents, IEnumerable<StoredChunk> chunks)
    {
        var byId = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var groups = chunks.GroupBy(c => c.Chunk.DocumentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return byId.Keys.Union(groups.Keys, StringComparer.Ordinal).ToDictionary(
            id => id,
            id => Document(byId.GetValueOrDefault(id), groups.GetValueOrDefault(id) ?? []),
            StringComparer.Ordinal);
    }

    /// <summary>The digest of one document (null for chunks without one) and its chunks in order.</summary>
    public static string Document(CorpusDocument? document, IEnumerable<StoredChunk> chunks) =>
        Document(JsonSerializer.SerializeToUtf8Bytes(document), chunks.Select(ChunkPart));

    /// <summary>
    /// The digest of one document from its record as JSON and its chunks' parts (<see cref="ChunkPart"/>), which a
    /// build may compute on several threads.
    /// </summary>
    public static string Document(byte[] documentJson, IEnumerable<byte[]> chunkParts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(documentJson);
        foreach (var part in chunkParts)
        {
            hash.AppendData(part);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// What one chunk adds to its document's digest: its record and its vector. Not its terms: they are a function of
    /// the chunk's record, its document's aliases (in the document's part) and the analyser, whose version the hash
    /// holds (<see cref="Text.TextAnalyzer.Version"/>, bumped whenever the terms for the same text change). Sorting and
    /// writing ~470 terms a chunk was a fifth of an embedded build (eval/reports/scale.md).
    /// </summary>
    public static byte[] ChunkPart(StoredChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var buffer = new ArrayBufferWriter<byte>(1 << 12);
        buffer.Write(JsonSerializer.SerializeToUtf8Bytes(chunk.Chunk));
        if (chunk.Vector is { } vector)
        {
            buffer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Documents are grouped into this many buckets by <see cref="Bucket(string)"/>, and the content hash is made of
    /// the buckets' digests, so that an update rehashes only the buckets its documents fall in (at a million documents
    /// some 250 lines each) instead of one line per document. 4,096 keeps the stored bucket digests small (128 KB per
    /// version) while an update of a few documents still hashes a few thousandths of the index. Changing it changes
    /// every content hash.
    /// </summary>
    public const int Buckets = 4096;

    /// <summary>The bytes of one bucket digest, and of the digest of a bucket without documents (SHA-256 of nothing).</summary>
    public const int BucketDigestBytes = 32;

    private static readonly byte[] EmptyBucket = SHA256.HashData(Array.Empty<byte>());

    /// <summary>
    /// The bucket of a document id: FNV-1a (32 bits) over its UTF-8 bytes, modulo <see cref="Buckets"/>. Stable across
    /// processes and machines, unlike <see cref="string.GetHashCode()"/>.
    /// </summary>
    public static int Bucket(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Span<byte> small = stackalloc byte[256];
        var length = Encoding.UTF8.GetByteCount(id);
        var bytes = length <= small.Length ? small[..length] : new byte[length];
        Encoding.UTF8.GetBytes(id, bytes);
        return Bucket(bytes);
    }

    /// <summary>The bucket of a document id given as UTF-8.</summary>
    public static int Bucket(ReadOnlySpan<byte> utf8Id)
    {
        var hash = 2166136261u;
        foreach (var b in utf8Id)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % Buckets);
    }

    /// <summary>
    /// The index's content hash from its analyser version, its dense model (null when it has none) and its
    /// per-document digests: SHA-256 over the analyser, the model and the <see cref="Buckets"/> bucket digests in bucket
    /// order, each bucket's digest SHA-256 over the lines <c>id\tdigest\n</c> of its documents in ordinal id order.
    /// </summary>
    public static string Combine(string analyzerVersion, string? denseModel, IEnumerable<KeyValuePair<string, string>> digests) =>
        FromBuckets(analyzerVersion, denseModel, BucketDigests(digests));

    /// <summary>The <see cref="Buckets"/> bucket digests (each <see cref="BucketDigestBytes"/> long, in bucket order) of per-document digests.</summary>
    public static byte[] BucketDigests(IEnumerable<KeyValuePair<string, string>> digests)
    {
        ArgumentNullException.ThrowIfNull(digests);
        var buckets = new List<KeyValuePair<string, string>>?[Buckets];
        foreach (var entry in digests)
        {
            (buckets[Bucket(entry.Key)] ??= []).Add(entry);
        }

        var result = new byte[Buckets * BucketDigestBytes];
        for (var b = 0; b < Buckets; b++)
        {
            var target = result.AsSpan(b * BucketDigestBytes, BucketDigestBytes);
            if (buckets[b] is not { } entries)
            {
                EmptyBucket.CopyTo(target);
                continue;
            }

            var text = new StringBuilder();
            foreach (var (id, digest) in entries.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                text.Append(id).Append('\t').Append(digest).Append('\n');
            }

            SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), target);
        }

        return result;
    }

    /// <summary>The content hash from the analyser version, the dense model and the bucket digests (<see cref="BucketDigests"/>).</summary>
    public static string FromBuckets(string analyzerVersion, string? denseModel, ReadOnlySpan<byte> bucketDigests)
    {
        ArgumentNullException.ThrowIfNull(analyzerVersion);
        if (bucketDigests.Length != Buckets * BucketDigestBytes)
        {
            throw new ArgumentException($"Expected {Buckets} bucket digests of {BucketDigestBytes} bytes.", nameof(bucketDigests));
        }

        var head = new StringBuilder(analyzerVersion).Append('\n');
        if (denseModel is not null)
        {
            head.Append("dense\t").Append(denseModel).Append('\n');
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(head.ToString()));
        hash.AppendData(bucketDigests);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
