using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using ProcedureAssistant.Core.Diagnostics;

namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// Keeps the embedded index's versions in a folder and switches between them atomically. A version is a small
/// manifest file (<see cref="IndexManifest"/>) naming its segment files. Segments are written first, each under a
/// temporary name, flushed to disk and renamed; then the manifest is written to a temporary file, flushed, read back
/// (its length and SHA-256 must be those written) and renamed; only then is the <c>CURRENT</c> pointer replaced (again
/// by rename). A crash at any point leaves the previous version readable, and a damaged manifest (checked by
/// SHA-256) or one whose segments do not open is skipped in favour of the newest intact one. The last two versions
/// and the segments they name are kept. A folder written by an earlier release (one file per version, formats 1
/// and 2) is read once and rewritten as segments.
/// </summary>
internal sealed class EmbeddedIndexStore(string folder, ILogger logger)
{
    private const string PointerFile = "CURRENT";
    private const string Extension = ".paidx";
    private const string SegmentExtension = ".pseg";
    private const int VersionsKept = 2;
    private static readonly byte[] Magic = "PAIDX\0\0\x01"u8.ToArray();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string Folder { get; } = folder;

    /// <summary>
    /// The newest intact version with its segments opened, preferring the one CURRENT names, or a version of an
    /// earlier format for the caller to rewrite; both null when there is none.
    /// </summary>
    public async Task<(IndexManifest? Manifest, IReadOnlyList<Segment> Segments, StoredIndex? Legacy)> LoadAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return (null, [], null);
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
                var payload = await ReadPayloadAsync(path, cancellationToken).ConfigureAwait(false);
                if (payload.Length > 1 && payload.Span[0] == 0x1f && payload.Span[1] == 0x8b)
                {
                    return (null, [], await ReadLegacyAsync(payload, cancellationToken).ConfigureAwait(false));
                }

                var manifest = JsonSerializer.Deserialize<IndexManifest>(payload.Span, Json) ?? throw new InvalidDataException("empty manifest");
                if (manifest.Format != IndexManifest.CurrentFormat)
                {
                    throw new InvalidDataException($"format {manifest.Format} is not supported (expected {IndexManifest.CurrentFormat})");
                }

                return (manifest, OpenSegments(manifest), null);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException or UnauthorizedAccessException)
            {
                Log.IndexVersionUnreadable(logger, path, ex.Message);
            }
        }

        return (null, [], null);
    }

    /// <summary>The number the next version will have (segments are named after it before its manifest is written).</summary>
    public long NextVersion() => VersionFiles().LastOrDefault().Version + 1;

    /// <summary>Where segment <paramref name="part"/> of version <paramref name="version"/> is written.</summary>
    public SegmentSink CreateSegment(long version, int part)
    {
        Directory.CreateDirectory(Folder);
        return SegmentSink.ToFile(Folder, $"seg-{version:D6}-{part:D4}{SegmentExtension}");
    }

    /// <summary>Writes the manifest as its version and makes it current, then removes what no kept version names.</summary>
    public async Task SaveAsync(IndexManifest manifest, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = $"index-{manifest.Version:D6}{Extension}";
        var finalPath = Path.Combine(Folder, name);
        var temporary = finalPath + ".tmp";

        var payload = JsonSerializer.SerializeToUtf8Bytes(manifest, Json);
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

        var written = await ReadPayloadAsync(temporary, cancellationToken).ConfigureAwait(false);
        if (!written.Span.SequenceEqual(payload))
        {
            File.Delete(temporary);
            throw new InvalidDataException($"Index version {manifest.Version} read back different from what was written; the live version was not switched.");
        }

        File.Move(temporary, finalPath, overwrite: true);
        var pointerTemporary = Path.Combine(Folder, PointerFile + ".tmp");
        await using (var pointer = new FileStream(pointerTemporary, FileMode.Create, FileAccess.Write))
        {
            await pointer.WriteAsync(System.Text.Encoding.UTF8.GetBytes(name), cancellationToken).ConfigureAwait(false);
            pointer.Flush(flushToDisk: true);
        }

        File.Move(pointerTemporary, Path.Combine(Folder, PointerFile), overwrite: true);
        await PruneAsync(cancellationToken).ConfigureAwait(false);
    }

    private List<Segment> OpenSegments(IndexManifest manifest)
    {
        var segments = new List<Segment>();
        try
        {
            foreach (var reference in manifest.Segments)
            {
                segments.Add(Segment.Open(Path.Combine(Folder, Path.GetFileName(reference.Name))));
            }

            return segments;
        }
        catch
        {
            segments.ForEach(s => s.Dispose());
            throw;
        }
    }

    private static async Task<StoredIndex> ReadLegacyAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        using var gzip = new GZipStream(new MemoryStream(payload.ToArray()), CompressionMode.Decompress);
        var index = await JsonSerializer.DeserializeAsync<StoredIndex>(gzip, Json, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException("empty index");
        return StoredIndex.IsReadable(index.Format)
            ? index
            : throw new InvalidDataException($"format {index.Format} is not supported (expected {StoredIndex.CurrentFormat})");
    }

    /// <summary>The payload of a version file, after checking its header, length and checksum.</summary>
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

    // Keeps the last versions and every segment one of them names; a segment no kept manifest can be read for is
    // kept too (better a stray file than a deleted segment of a version that might still be loaded).
    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        var versions = VersionFiles();
        foreach (var (_, path) in versions.Take(Math.Max(0, versions.Count - VersionsKept)))
        {
            File.Delete(path);
        }

        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, path) in versions.Skip(Math.Max(0, versions.Count - VersionsKept)))
        {
            try
            {
                var payload = await ReadPayloadAsync(path, cancellationToken).ConfigureAwait(false);
                if (payload.Length > 0 && payload.Span[0] == (byte)'{')
                {
                    var manifest = JsonSerializer.Deserialize<IndexManifest>(payload.Span, Json);
                    named.UnionWith(manifest?.Segments.Select(s => s.Name) ?? []);
                }
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException)
            {
                return;
            }
        }

        foreach (var segment in Directory.EnumerateFiles(Folder, "*" + SegmentExtension))
        {
            if (!named.Contains(Path.GetFileName(segment)))
            {
                File.Delete(segment);
            }
        }

        foreach (var leftover in Directory.EnumerateFiles(Folder, "*.tmp"))
        {
            File.Delete(leftover);
        }
    }
}
