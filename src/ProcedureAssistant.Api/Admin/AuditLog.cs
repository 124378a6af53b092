using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Api.Admin;

/// <summary>
/// Who changed what and when: one JSON line per admin action, appended to <c>{DataPath}/audit.jsonl</c>, written
/// before the action takes effect; an action that cannot be audited is not carried out
/// (<see cref="AuditUnavailableException"/>). The admin key is named by a keyed HMAC of it (<see cref="Actor"/>): the
/// same key always gets the same name, and without the audit key nobody can check a guess against the log. The audit
/// key is <c>Admin:AuditKey</c> when set (keep it outside the data folder), else 32 random bytes kept in
/// <c>{DataPath}/audit.key</c>, readable by the service's user only.
/// </summary>
internal sealed class AuditLog(IOptions<VectorStoreOptions> store, IOptions<AdminOptions> admin, TimeProvider time) : IDisposable
{
    private const string KeyFile = "audit.key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _keyGate = new();
    private byte[]? _key;

    private string FilePath => Path.Combine(store.Value.DataPath, "audit.jsonl");

    /// <summary>The name of the admin key a request presented: <c>key:</c> and 16 hex digits of its HMAC-SHA-256.</summary>
    /// <exception cref="AuditUnavailableException">There is no audit key and none can be stored.</exception>
    public string Actor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A request without the header reached an admin route through the admin page's session, which
        // AdminKeyMiddleware admits only while it was started with the key configured now.
        var header = context.Request.Headers[AdminKeyMiddleware.HeaderName].ToString();
        var presented = Encoding.UTF8.GetBytes(header.Length > 0 ? header : admin.Value.ApiKey ?? string.Empty);
        return "key:" + Convert.ToHexStringLower(HMACSHA256.HashData(Key(), presented))[..16];
    }

    /// <summary>Throws <see cref="AuditUnavailableException"/> unless an entry could be appended now; checked before a change is made.</summary>
    public async Task EnsureWritableAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(store.Value.DataPath);
            await using var file = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task RecordAsync(string actor, string action, string? target, string? detail, CancellationToken cancellationToken) =>
        AppendAsync(new AuditEntry(time.GetUtcNow(), actor, action, target, detail), cancellationToken);

    /// <summary>Records a change to a corpus document: its id, its file and the SHA-256 of that file's bytes.</summary>
    public Task RecordDocumentAsync(string actor, string action, string documentId, string fileName, string contentHash, string detail, CancellationToken cancellationToken) =>
        AppendAsync(new AuditEntry(time.GetUtcNow(), actor, action, documentId, detail, fileName, contentHash), cancellationToken);

    private async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(store.Value.DataPath);
            await File.AppendAllTextAsync(FilePath, JsonSerializer.Serialize(entry, Json) + "\n", cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(int last, CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        var lines = await File.ReadAllLinesAsync(FilePath, cancellationToken);
        return lines.TakeLast(last).Select(line => JsonSerializer.Deserialize<AuditEntry>(line, Json)!).Reverse().ToList();
    }

    private AuditUnavailableException Unavailable(Exception ex) =>
        new($"The audit log '{FilePath}' cannot be written ({ex.Message}); nothing was changed. Make the data folder (VectorStore:DataPath) writable.", ex);

    private byte[] Key()
    {
        lock (_keyGate)
        {
            return _key ??= admin.Value.AuditKey is { Length: > 0 } configured ? Encoding.UTF8.GetBytes(configured) : StoredKey();
        }
    }

    private byte[] StoredKey()
    {
        var path = Path.Combine(store.Value.DataPath, KeyFile);
        try
        {
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }

            Directory.CreateDirectory(store.Value.DataPath);
            var key = RandomNumberGenerator.GetBytes(32);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(path, options))
            {
                file.Write(key);
            }

            return key;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AuditUnavailableException($"The audit key '{path}' cannot be read or created ({ex.Message}); set Admin:AuditKey or make the data folder (VectorStore:DataPath) writable.", ex);
        }
    }
}

/// <summary>One audited admin action; a change to a document also names its file and the file's SHA-256.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string? Target, string? Detail, string? FileName = null, string? ContentHash = null);
