using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing.Embedded;

namespace ProcedureAssistant.Core.Indexing;

/// <summary>
/// <see cref="IndexInfo.ContentHash"/>, the same on every backend and whether the index was built at once or updated
/// document by document: SHA-256 over the analyser version and, in document-id order, one digest per document id
/// (its record and its analysed chunks). An update recomputes it from the digests of the documents it touched and
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
    public static string Document(CorpusDocument? document, IEnumerable<StoredChunk> chunks)
    {
        // Terms are sorted so that the digest does not depend on the order a dictionary was filled in.
        var content = new
        {
            document,
            chunks = chunks.Select(c => new { c.Chunk, terms = new SortedDictionary<string, float>(c.Terms.ToDictionary(), StringComparer.Ordinal), c.Length }),
        };
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(content)));
    }

    /// <summary>The index's content hash from its analyser version and its per-document digests.</summary>
    public static string Combine(string analyzerVersion, IEnumerable<KeyValuePair<string, string>> digests)
    {
        var text = new StringBuilder(analyzerVersion).Append('\n');
        foreach (var (id, digest) in digests.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            text.Append(id).Append('\t').Append(digest).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
