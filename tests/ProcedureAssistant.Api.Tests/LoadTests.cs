using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcedureAssistant.Api.Tests.Fakes;
using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Api.Tests;

/// <summary>
/// Concurrent questions: many conversations and long follow-up chains never give a 500, and the work of an index
/// version (the catalog's statistics, the vocabulary) is done once before the version answers, never per request.
/// </summary>
public sealed class LoadTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ManyConversations_Concurrently_NeverFail()
    {
        await using var app = new ProcedureAssistantApp { Settings = new Dictionary<string, string> { ["Answering:MaxConversations"] = "20" } };
        using var client = await app.CreateReadyClientAsync();

        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 400), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Token }, async (i, token) =>
        {
            using var response = await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question = i % 2 == 0 ? "khai sinh" : "mất bao lâu", conversationId = $"c{i}" }, token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(token)}");
            }
        });

        Assert.Empty(failures);
    }

    [Fact]
    public async Task LongFollowUpChain_KeepsTheConversationBounded()
    {
        await using var app = new ProcedureAssistantApp();
        using var client = await app.CreateReadyClientAsync();
        var store = (Core.Answering.ConversationStore)app.Services.GetService(typeof(Core.Answering.ConversationStore))!;

        // Follow-ups the evidence never answers: each one used to add itself to the stored topic.
        var followUp = "còn " + string.Join(' ', Enumerable.Repeat("xyzzy quux plugh", 100));
        for (var i = 0; i < 30; i++)
        {
            using var response = await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question = followUp, conversationId = "long" }, Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.InRange(store.Last("long")!.Topic.Length, 1, Core.Answering.ConversationStore.MaxTopicCharacters);
    }

    [Fact]
    public async Task IndexVersion_IsPreparedBeforeItAnswers_NotPerRequest()
    {
        var calls = new ConcurrentDictionary<string, int>();
        await using var admin = await AdminTestApp.StartAsync(services: services => CountingChunkIndex.Install(services, calls));

        // Ready means prepared: the first questions list no documents and build nothing.
        calls.Clear();
        await AskConcurrentlyAsync(admin.Client);
        Assert.Equal(0, calls.GetValueOrDefault(nameof(IChunkIndex.ListDocumentsAsync)));

        // The same after a full re-index switched to a new version.
        await AdminEndpointTests.RunReindexAsync(admin.Client, "full");
        calls.Clear();
        await AskConcurrentlyAsync(admin.Client);
        Assert.Equal(0, calls.GetValueOrDefault(nameof(IChunkIndex.ListDocumentsAsync)));
    }

    private static async Task AskConcurrentlyAsync(HttpClient client)
    {
        var asks = Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question = "làm giấy khai sinh cho con cần gì" }, Token);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
            Assert.False(answer.GetProperty("abstained").GetBoolean(), answer.ToString());
        });
        await Task.WhenAll(asks);
    }
}
