using Microsoft.Extensions.Options;
using ProcedureAssistant.Api.Contracts;
using ProcedureAssistant.Api.Submissions;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Api.Tests;

/// <summary>Hand-off requests, personal data and all, go once their retention period has passed, and not before.</summary>
public sealed class HandoffRetentionTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("pa-retention-");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 7, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly SubmissionDatabase _database;

    public HandoffRetentionTests() => _database = new SubmissionDatabase(Options.Create(new VectorStoreOptions { DataPath = _data.FullName }));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(90)]
    [InlineData(7)]
    public async Task Purge_DeletesRequestsOlderThanTheRetentionPeriod_WithTheirNameAndPhone(int days)
    {
        var store = new HandoffStore(_database, Options.Create(new SubmissionsOptions { HandoffRetentionDays = days }), _time);
        var old = await store.AddAsync(new HandoffRequest("Câu hỏi cũ", Consent: true, Name: "Lan", Phone: "0912345678"), Token);
        _time.Advance(TimeSpan.FromDays(1));
        var newer = await store.AddAsync(new HandoffRequest("Câu hỏi mới hơn", Consent: true, Name: "Bình", Phone: "0987654321"), Token);

        _time.Advance(TimeSpan.FromDays(days - 1) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await store.PurgeExpiredAsync(Token));
        Assert.Equal([newer, old], await ReferencesAsync(store));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await store.PurgeExpiredAsync(Token));
        Assert.Equal([newer], await ReferencesAsync(store));
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromDays(1), (await store.ListAsync(false, new SubmissionPeriod(null, null), 10, Token))[0].DeleteAfter);

        // Nothing of the deleted request is left in the file.
        var bytes = await File.ReadAllBytesAsync(_database.FilePath, Token);
        var wal = _database.FilePath + "-wal";
        var all = File.Exists(wal) ? [.. bytes, .. await File.ReadAllBytesAsync(wal, Token)] : bytes;
        Assert.DoesNotContain("0912345678", System.Text.Encoding.UTF8.GetString(all), StringComparison.Ordinal);
    }

    private static async Task<List<string>> ReferencesAsync(HandoffStore store) =>
        (await store.ListAsync(false, new SubmissionPeriod(null, null), 10, Token)).Select(h => h.Reference).ToList();

    public void Dispose()
    {
        _database.Dispose();
        _data.Delete(recursive: true);
    }
}
