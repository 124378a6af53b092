using System.Security.Cryptography;
using System.Text;

namespace ProcedureAssistant.Core.Indexing.Qdrant;

/// <summary>
/// Name-based UUIDs, version 5 (RFC 4122 §4.3): SHA-1 over the namespace's bytes in network order followed by the
/// name's UTF-8 bytes, truncated to 16 bytes, with the version and variant bits set. The same name always gives
/// the same id, which makes point writes idempotent: re-ingesting a chunk overwrites its point.
/// </summary>
internal static class UuidV5
{
    public static Guid Create(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

        // SHA-1 is what RFC 4122 prescribes for version 5; it names points here, it protects nothing.
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha1.AppendData(input);
        var hash = sha1.GetHashAndReset();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
