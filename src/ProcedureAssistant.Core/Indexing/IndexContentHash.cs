using System.Security.Cryptography;
using System.Text.Json;

namespace ProcedureAssistant.Core.Indexing;

/// <summary>
/// SHA-256 of what a snapshot indexes, the same on every backend: the analyser version, the documents, each chunk
/// with its terms and length and, only when there are dense vectors, the model's name and every vector.
/// </summary>
internal static class IndexContentHash
{
    public static string Compute(IndexSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var analyzerVersion = snapshot.AnalyzerVersion;
        var documents = snapshot.Documents;
        var chunks = snapshot.Chunks.Select(c => new { c.Chunk, Terms = c.Terms.Frequencies, c.Terms.Length });
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(new { analyzerVersion, documents, chunks }));
        if (snapshot.Dense is { } dense)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(dense.Name));
            foreach (var chunk in snapshot.Chunks)
            {
                hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes((chunk.Vector ?? []).AsSpan()));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
