using System.Net.Http.Json;
using System.Text.Json;

namespace ProcedureAssistant.Api.Tests;

/// <summary>
/// A record whose asked-for field says "Chưa có thông tin chính thức": the answer says the figure is not known
/// and refers the person, instead of reciting the record. Its own app, over the test corpus plus that record.
/// </summary>
public sealed class DeclaredGapTests : IAsyncLifetime
{
    private readonly string _corpus = Path.Combine(Path.GetTempPath(), "pa-gap-corpus-" + Guid.NewGuid().ToString("N"));
    private ProcedureAssistantApp _app = null!;
    private HttpClient _client = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_corpus);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestCorpus")).Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestCorpusGaps"))))
        {
            File.Copy(file, Path.Combine(_corpus, Path.GetFileName(file)));
        }

        _app = new ProcedureAssistantApp { CorpusPath = _corpus };
        _client = await _app.CreateReadyClientAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        Directory.Delete(_corpus, recursive: true);
    }

    [Fact]
    public async Task Ask_FieldTheRecordMarksUnknown_SaysItIsNotKnownAndRefers()
    {
        var answer = await AskAsync("xin giấy phép bán lẻ rượu thì lệ phí bao nhiêu");

        Assert.True(answer.GetProperty("abstained").GetBoolean(), answer.ToString());
        // The record that marks the fee unknown is cited, so that the person can read what it does say.
        var citation = Assert.Single(answer.GetProperty("citations").EnumerateArray());
        Assert.Contains("bán lẻ rượu", citation.GetProperty("title").GetString(), StringComparison.Ordinal);
        var text = answer.GetProperty("answer").GetString();
        Assert.StartsWith("Thủ tục «Cấp Giấy phép bán lẻ rượu» chưa có thông tin chính thức về lệ phí [1].", text, StringComparison.Ordinal);
        Assert.Equal("declared-gap", answer.GetProperty("decision").GetProperty("rule").GetString());
        Assert.Contains("Trung tâm Phục vụ hành chính công", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_SeveralFieldsTheRecordMarksUnknown_NamesEachAndStillSaysWhoHandlesIt()
    {
        var answer = await AskAsync("giấy phép bán lẻ rượu hết bao nhiêu tiền, mấy ngày thì có");

        var text = answer.GetProperty("answer").GetString()!;
        Assert.Equal("declared-gap", answer.GetProperty("decision").GetProperty("rule").GetString());
        Assert.Contains("chưa có thông tin chính thức về lệ phí, thời hạn giải quyết [1].", text, StringComparison.Ordinal);
        Assert.Contains("Cơ quan giải quyết: Ủy ban nhân dân cấp xã nơi đặt cơ sở kinh doanh", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_KnownFieldOfTheSameRecord_IsAnswered()
    {
        var answer = await AskAsync("xin giấy phép bán lẻ rượu ở đâu, ai cấp");

        Assert.False(answer.GetProperty("abstained").GetBoolean(), answer.ToString());
        Assert.Contains("Ủy ban nhân dân cấp xã nơi đặt cơ sở kinh doanh", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> AskAsync(string question)
    {
        using var response = await _client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question }, Token);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
    }
}
