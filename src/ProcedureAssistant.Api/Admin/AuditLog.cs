using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Api.Admin;

/// <summary>Who changed what and when: one JSON line per admin action, appended to <c>{DataPath}/audit.jsonl</c>.</summary>
internal sealed class AuditLog(IOptions<VectorStoreOptions> store, TimeProvider time) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly SemaphoreSlim _gate = new(1, 1);

    private string FilePath => Path.Combine(store.Value.DataPath, "audit.jsonl");

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
}

/// <summary>One audited admin action; a change to a document also names its file and the file's SHA-256.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string? Target, string? Detail, string? FileName = null, string? ContentHash = null);
