using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using ProcedureAssistant.Core.Diagnostics;

namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// Keeps embedded index versions in a folder and switches between them atomically. A version is written to a
/// temporary file, flushed to disk, read back (its length and SHA-256 must be those of the serialized version) and
/// renamed; only then is the <c>CURRENT</c> pointer replaced (again by rename). A crash at any point leaves the
/// previous version readable, and a damaged file (checked by SHA-256) is skipped in favour of the newest intact one.
/// </summary>
internal sealed class EmbeddedIndexStore(string folder, ILogger logger)
{
    private const string PointerFile = "CURRENT";
    private const string Extension = ".paidx";
    private const int VersionsKept = 2;
    private static readonly byte[] Magic = "PAIDX\0\0\x01"u8.ToArray();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string Folder { get; } = folder;

    /// <summary>The newest intact version, preferring the one CURRENT names; null when there is none.</summary>
    public async Task<StoredIndex?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return null;
        }

        var candidates = new List<string>();
        var pointer = Path.Combine(Folder, PointerFile);
        if (File.Exists(pointer))
        {
            var named = (await File.ReadAllTextAsync(pointer, cancellationToken).ConfigureAwait(false)).Trim();
            if (named.Length > 0)
            {
                candidates.Add(Path.Combine(Folder, Path.GetFileName(named)));
            }
        }

        candidates.AddRange(VersionFiles().Select(v => v.Path).Reverse());
        foreach (var path in candidates.Distinct(StringComparer.Ordinal))
        {
            try
            {
                return await ReadAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException)
            {
                Log.IndexVersionUnreadable(logger, path, ex.Message);
            }
        }

        return null;
    }

    /// <summary>Writes the index as the next version and makes it current. Returns the version number.</summary>
    public async Task<long> SaveAsync(Func<long, StoredIndex> build, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var version = (VersionFiles().LastOrDefault().Version) + 1;
        var index = build(version);
        var name = $"index-{version:D6}{Extension}";
        var finalPath = Path.Combine(Folder, name);
        var temporary = finalPath + ".tmp";

        var payload = Serialize(index);
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            await stream.WriteAsync(Magic, cancellationToken).ConfigureAwait(false);
            var header = new byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(header, payload.Length);
            await stream.WriteAsync(header, cancellationToken).ConfigureAwait(false);
            await stream.WriteAsync(SHA256.HashData(payload), cancellationToken).ConfigureAwait(false);
            await stream.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }

        await VerifyAsync(temporary, payload, index.Version, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, finalPath, overwrite: true);
        var pointerTemporary = Path.Combine(Folder, PointerFile + ".tmp");
        await using (var pointer = new FileStream(pointerTemporary, FileMode.Create, FileAccess.Write))
        {
            await pointer.WriteAsync(System.Text.Encoding.UTF8.GetBytes(name), cancellationToken).ConfigureAwait(false);
            pointer.Flush(flushToDisk: true);
        }

        File.Move(pointerTemporary, Path.Combine(Folder, PointerFile), overwrite: true);
        PruneOldVersions();
        return version;
    }

    // What the pointer will name must read back whole and unchanged. (The serialized payload is the index with its
    // document and chunk counts; comparing bytes instead of deserializing keeps the check cheap.)
    private static async Task VerifyAsync(string path, byte[] payload, long version, CancellationToken cancellationToken)
    {
        var written = await ReadPayloadAsync(path, cancellationToken).ConfigureAwait(false);
        if (!written.Span.SequenceEqual(payload))
        {
            File.Delete(path);
            throw new InvalidDataException($"Index version {version} read back different from what was written; the live version was not switched.");
        }
    }

    private static byte[] Serialize(StoredIndex index)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, index, Json);
        }

        return buffer.ToArray();
    }

    private static async Task<StoredIndex> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var payload = await ReadPayloadAsync(path, cancellationToken).ConfigureAwait(false);
        using var gzip = new GZipStream(new MemoryStream(payload.ToArray()), CompressionMode.Decompress);
        var index = await JsonSerializer.DeserializeAsync<StoredIndex>(gzip, Json, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException("empty index");
        return StoredIndex.IsReadable(index.Format)
            ? index
            : throw new InvalidDataException($"format {index.Format} is not supported (expected {StoredIndex.CurrentFormat})");
    }

    /// <summary>The compressed payload of a version file, after checking its header, length and checksum.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadPayloadAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        const int headerLength = 8 + 8 + 32;
        if (bytes.Length < headerLength || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
        {
            throw new InvalidDataException("not an index file");
        }

        var length = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8, 8));
        if (length != bytes.Length - headerLength)
        {
            throw new InvalidDataException($"truncated: {bytes.Length - headerLength} of {length} bytes");
        }

        var payload = bytes.AsMemory(headerLength);
        if (!SHA256.HashData(payload.Span).AsSpan().SequenceEqual(bytes.AsSpan(16, 32)))
        {
            throw new InvalidDataException("checksum mismatch");
        }

        return payload;
    }

    private List<(long Version, string Path)> VersionFiles()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(Folder, "index-*" + Extension)
            .Select(path => (Name: Path.GetFileNameWithoutExtension(path), Path: path))
            .Where(f => long.TryParse(f.Name.AsSpan("index-".Length), out _))
            .Select(f => (long.Parse(f.Name.AsSpan("index-".Length), System.Globalization.CultureInfo.InvariantCulture), f.Path))
            .OrderBy(f => f.Item1)
            .ToList();
    }

    private void PruneOldVersions()
    {
        var versions = VersionFiles();
        foreach (var (_, path) in versions.Take(Math.Max(0, versions.Count - VersionsKept)))
        {
            File.Delete(path);
        }

        foreach (var leftover in Directory.EnumerateFiles(Folder, "*.tmp"))
        {
            File.Delete(leftover);
        }
    }
}
