using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Api.Admin;

/// <summary>
/// Where an upload's file is written while it streams in: <c>{DataPath}/uploads/</c>, one file per request, never
/// the system's temporary folder. The file is deleted when its request ends, whatever happens (it is opened
/// delete-on-close), and files a killed process left behind are deleted at start-up.
/// </summary>
internal sealed partial class UploadSpool(IOptions<VectorStoreOptions> store, ILogger<UploadSpool> logger) : IHostedService
{
    public const string FolderName = "uploads";

    private const string Extension = ".part";

    private string Folder => Path.Combine(store.Value.DataPath, FolderName);

    /// <summary>A new, empty spool file, deleted when the stream is disposed.</summary>
    /// <exception cref="CorpusUnavailableException">The data folder cannot be written.</exception>
    public FileStream Create()
    {
        try
        {
            Directory.CreateDirectory(Folder);
            return new FileStream(
                Path.Combine(Folder, $"upload-{Guid.NewGuid():N}{Extension}"),
                FileMode.CreateNew,
                FileAccess.ReadWrite,
                FileShare.None,
                bufferSize: 81920,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CorpusUnavailableException($"The data folder '{Path.GetFullPath(store.Value.DataPath)}' cannot be written (VectorStore:DataPath), so no upload can be received: {ex.Message}", ex);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return Task.CompletedTask;
        }

        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(Folder, "*" + Extension))
        {
            try
            {
                File.Delete(file);
                deleted++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogNotDeleted(logger, file, ex.Message);
            }
        }

        if (deleted > 0)
        {
            LogDeleted(logger, deleted, Folder);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Information, "Deleted {Count} upload files left in {Folder} by a process that stopped")]
    private static partial void LogDeleted(ILogger logger, int count, string folder);

    [LoggerMessage(2, LogLevel.Warning, "The upload file {File} left by a process that stopped could not be deleted: {Reason}")]
    private static partial void LogNotDeleted(ILogger logger, string file, string reason);
}
