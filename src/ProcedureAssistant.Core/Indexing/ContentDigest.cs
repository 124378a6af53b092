using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing.Embedded;

namespace ProcedureAssistant.Core.Indexing;

/// <summary>
/// <see cref="IndexInfo.ContentHash"/>, the same on every backend and whether the index was built at once or updated
/// document by document: SHA-256 over the analyser version and, in document-id order, one digest per document id
/// (its record and its analysed chunks, with their dense vectors when the index has them). An update recomputes it from the digests of the documents it touched and
/// the recorded digests of the others, without reading their chunks back.
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

    /// <summary>What one chunk adds to its document's digest: its record, its terms and length, its vector.</summary>
    public static byte[] ChunkPart(StoredChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var buffer = new ArrayBufferWriter<byte>(1 << 14);
        buffer.Write(JsonSerializer.SerializeToUtf8Bytes(chunk.Chunk));

        // Terms in ordinal order, so that the digest does not depend on the order a dictionary was filled in;
        // written as length-prefixed bytes rather than JSON, which made the digest the slowest step of a build.
        var terms = chunk.Terms.Keys.ToArray();
        Array.Sort(terms, StringComparer.Ordinal);
        foreach (var term in terms)
        {
            var length = Encoding.UTF8.GetByteCount(term);
            BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), length);
            buffer.Advance(4);
            buffer.Advance(Encoding.UTF8.GetBytes(term, buffer.GetSpan(length)));
            BinaryPrimitives.WriteSingleLittleEndian(buffer.GetSpan(4), chunk.Terms[term]);
            buffer.Advance(4);
        }

        BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), chunk.Length);
        buffer.Advance(4);
        if (chunk.Vector is { } vector)
        {
            buffer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The index's content hash from its analyser version, its dense model (null when it has none, which leaves the
    /// hash of a sparse-only index as it was) and its per-document digests.
    /// </summary>
    public static string Combine(string analyzerVersion, string? denseModel, IEnumerable<KeyValuePair<string, string>> digests)
    {
        var text = new StringBuilder(analyzerVersion).Append('\n');
        if (denseModel is not null)
        {
            text.Append("dense\t").Append(denseModel).Append('\n');
        }

        foreach (var (id, digest) in digests.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            text.Append(id).Append('\t').Append(digest).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
