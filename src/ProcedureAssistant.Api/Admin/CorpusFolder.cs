using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Documents.Uploads;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Ingestion;

namespace ProcedureAssistant.Api.Admin;

/// <summary>
/// The corpus folder as the admin API changes it. A new file is written beside its target under a temporary
/// name (which the corpus scan ignores), flushed to disk and renamed into place, so a reader (a running re-index)
/// sees the old file or the new one, never half of one. A file that leaves the corpus, withdrawn or replaced by a
/// new version, is kept under <c>{VectorStore:DataPath}/withdrawn/</c>, outside the corpus scan. Changes made
/// through this process are serialised; a document is found by the id its file parses to.
/// </summary>
internal sealed class CorpusFolder(
    IOptions<CorpusOptions> corpus,
    IOptions<VectorStoreOptions> store,
    CorpusReader reader,
    TimeProvider time) : IDisposable
{
    // Where files that leave the corpus go, below the data folder.
    private const string WithdrawnFolder = "withdrawn";

    private readonly SemaphoreSlim _gate = new(1, 1);

    private string Root => Path.GetFullPath(corpus.Value.Path);

    /// <summary>
    /// Whether an indexed document was read from one of the other sources (<c>Corpus:Sources</c>), which the admin
    /// API does not edit, rather than from this folder: its path starts with that source's name.
    /// </summary>
    public bool IsFromAnotherSource(string sourcePath) =>
        corpus.Value.Sources.Any(source => sourcePath.StartsWith(source.PathPrefix, StringComparison.Ordinal));

    /// <summary>Every document in the corpus folder and every file that fails to parse.</summary>
    /// <exception cref="CorpusUnavailableException">The folder is missing or cannot be read.</exception>
    public async Task<CorpusLoadResult> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(corpus.Value.Path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CorpusUnavailableException(
                Directory.Exists(Root)
                    ? $"The corpus folder '{Root}' cannot be read (Corpus:Path): {ex.Message}"
                    : $"The corpus folder '{Root}' does not exist (Corpus:Path); create it or point the setting at the corpus.",
                ex);
        }
    }

    /// <summary>Stores a new document in the folder of its type; refuses when its id or its file name is taken.</summary>
    public async Task<CorpusChange> AddAsync(ConvertedUpload upload, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (await FindAsync(upload.Document.Id, cancellationToken) is { } existing)
            {
                return new CorpusChange(CorpusChangeStatus.FileExists, existing);
            }

            var fileName = $"{TypeFolder(upload.Document.Type)}/{upload.FileName}";
            if (await InTheWayAsync(fileName, cancellationToken) is { } inTheWay)
            {
                return new CorpusChange(CorpusChangeStatus.FileExists, inTheWay);
            }

            await WriteAsync(fileName, upload.Content, overwrite: false, cancellationToken);
            return new CorpusChange(CorpusChangeStatus.Done, new CorpusFile(fileName, upload.Document.ContentHash));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Replaces the file of document <paramref name="id"/>: the new file takes the old one's name when the format
    /// is the same (one atomic rename), or its own name beside it, the old one being removed only once the new one
    /// is in place. The old version is kept in the withdrawn folder first.
    /// </summary>
    public async Task<CorpusChange> ReplaceAsync(string id, ConvertedUpload upload, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (await FindAsync(id, cancellationToken) is not { } existing)
            {
                return new CorpusChange(CorpusChangeStatus.UnknownId);
            }

            var sameFormat = string.Equals(Path.GetExtension(existing.FileName), Path.GetExtension(upload.FileName), StringComparison.OrdinalIgnoreCase);
            var folder = Path.GetDirectoryName(existing.FileName)!.Replace('\\', '/');
            var fileName = sameFormat ? existing.FileName : (folder.Length == 0 ? upload.FileName : $"{folder}/{upload.FileName}");
            if (!sameFormat && await InTheWayAsync(fileName, cancellationToken) is { } inTheWay)
            {
                return new CorpusChange(CorpusChangeStatus.FileExists, inTheWay);
            }

            var archived = Archive(existing.FileName, "replace", move: false);
            await WriteAsync(fileName, upload.Content, overwrite: sameFormat, cancellationToken);
            if (!sameFormat)
            {
                try
                {
                    File.Delete(Full(existing.FileName));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw CannotWrite(ex);
                }
            }

            return new CorpusChange(CorpusChangeStatus.Done, new CorpusFile(fileName, upload.Document.ContentHash), archived);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Moves the file of document <paramref name="id"/> out of the corpus into the withdrawn folder.</summary>
    public async Task<CorpusChange> WithdrawAsync(string id, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (await FindAsync(id, cancellationToken) is not { } existing)
            {
                return new CorpusChange(CorpusChangeStatus.UnknownId);
            }

            return new CorpusChange(CorpusChangeStatus.Done, existing, Archive(existing.FileName, "withdraw", move: true));
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// The file of document <paramref name="id"/>: the one that parses to that id or, failing that, a file that
    /// does not parse and is named after the id, so that a broken file can still be fixed with PUT or removed.
    /// </summary>
    private async Task<CorpusFile?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(cancellationToken);
        if (read.Documents.FirstOrDefault(d => d.Id == id) is { } document)
        {
            return new CorpusFile(document.SourcePath, document.ContentHash);
        }

        var failed = read.Failures.FirstOrDefault(f => Path.GetFileNameWithoutExtension(f.SourcePath) == id);
        return failed is null ? null : new CorpusFile(failed.SourcePath, await HashAsync(failed.SourcePath, cancellationToken));
    }

    private async Task<CorpusFile?> InTheWayAsync(string fileName, CancellationToken cancellationToken) =>
        File.Exists(Full(fileName)) ? new CorpusFile(fileName, await HashAsync(fileName, cancellationToken)) : null;

    private async Task WriteAsync(string fileName, byte[] content, bool overwrite, CancellationToken cancellationToken)
    {
        var target = Full(fileName);
        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellationToken);
                // On disk before the rename, so that a crash cannot leave the new name on an empty file.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(ex);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Copies or moves a corpus file to <c>withdrawn/{UTC time}-{action}/{its path}</c>; returns that path.</summary>
    private string Archive(string fileName, string action, bool move)
    {
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var folder = $"{WithdrawnFolder}/{stamp}-{action}";
        for (var n = 2; Directory.Exists(Path.Combine(store.Value.DataPath, folder)); n++)
        {
            folder = $"{WithdrawnFolder}/{stamp}-{action}-{n}";
        }

        var archived = $"{folder}/{fileName}";
        var target = Path.Combine(store.Value.DataPath, archived);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // A copy for a replacement (the corpus keeps a file throughout); a move for a withdrawal, which across
            // file systems .NET does as copy then delete, so the file is never in neither place.
            if (move)
            {
                File.Move(Full(fileName), target);
            }
            else
            {
                File.Copy(Full(fileName), target);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CorpusUnavailableException(
                $"'{fileName}' could not be kept as '{Path.GetFullPath(target)}' (Corpus:Path, VectorStore:DataPath), so the change was not made: {ex.Message}",
                ex);
        }

        return archived;
    }

    private CorpusUnavailableException CannotWrite(Exception ex) =>
        new($"The corpus folder '{Root}' cannot be written (Corpus:Path): {ex.Message}", ex);

    private async Task<string> HashAsync(string fileName, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(Full(fileName));
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private string Full(string fileName) => Path.Combine(Root, fileName);

    private static string TypeFolder(DocumentType type) => type switch
    {
        DocumentType.Regulation => "regulations",
        DocumentType.Procedure => "procedures",
        _ => "guides",
    };
}

/// <summary>A corpus file: its path relative to the corpus folder, with '/' separators, and the SHA-256 of its bytes.</summary>
internal sealed record CorpusFile(string FileName, string ContentHash);

/// <summary>What a change did.</summary>
/// <param name="Status">Done, or why not.</param>
/// <param name="File">Done: the file written, or the one withdrawn; <see cref="CorpusChangeStatus.FileExists"/>: the file in the way.</param>
/// <param name="ArchivedAs">Where the previous or withdrawn file was kept, relative to the data folder.</param>
internal sealed record CorpusChange(CorpusChangeStatus Status, CorpusFile? File = null, string? ArchivedAs = null);

/// <summary>The outcome of a corpus change.</summary>
internal enum CorpusChangeStatus
{
    Done,
    UnknownId,
    FileExists,
}
