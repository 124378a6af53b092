using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ProcedureAssistant.Api.Tests.Fakes;

/// <summary>
/// An OpenAI-compatible embeddings server inside the test process (the approach of <see cref="FakeChatServer"/>):
/// it records what the service sends to <c>/v1/embeddings</c>, with its Authorization header, and answers each
/// input with a scripted vector: by default a deterministic one derived from the text's syllables.
/// </summary>
public sealed class FakeEmbeddingServer : IAsyncDisposable
{
    private LoopbackServer _server = null!;

    /// <summary>The JSON bodies and Authorization headers received, in order.</summary>
    public ConcurrentQueue<(JsonElement Body, string? Authorization)> Requests { get; } = new();

    /// <summary>The vector answered for one input; replaced by tests.</summary>
    public Func<string, int, float[]> Vector { get; set; } = Hashed;

    /// <summary>The base URL to configure as Embeddings:Endpoint.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public static async Task<FakeEmbeddingServer> StartAsync()
    {
        var fake = new FakeEmbeddingServer();
        fake._server = await LoopbackServer.StartAsync(app => app.MapPost("/v1/embeddings", fake.HandleAsync));
        fake.Endpoint = new Uri(fake._server.Address, "v1");
        return fake;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>A vector with one component per syllable hash bucket: texts sharing words point the same way.</summary>
    public static float[] Hashed(string text, int dimensions)
    {
        var vector = new float[dimensions];
        foreach (var word in text.ToLowerInvariant().Split([' ', '\n', ',', '.', '?', '›'], StringSplitOptions.RemoveEmptyEntries))
        {
            vector[(int)((uint)StableHash(word) % dimensions)] += 1;
        }

        return vector;
    }

    private static int StableHash(string word) => Encoding.UTF8.GetBytes(word).Aggregate(17, (h, b) => unchecked((h * 31) + b));

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, cancellationToken: context.RequestAborted);
        Requests.Enqueue((body, context.Request.Headers.Authorization.FirstOrDefault()));
        var dimensions = body.TryGetProperty("dimensions", out var d) ? d.GetInt32() : 8;
        var inputs = body.GetProperty("input").ValueKind == JsonValueKind.Array
            ? body.GetProperty("input").EnumerateArray().Select(i => i.GetString()!).ToList()
            : [body.GetProperty("input").GetString()!];
        await context.Response.WriteAsJsonAsync(new
        {
            @object = "list",
            model = body.GetProperty("model").GetString(),
            data = inputs.Select((input, i) => new { @object = "embedding", index = i, embedding = Vector(input, dimensions) }),
            usage = new { prompt_tokens = inputs.Count, total_tokens = inputs.Count },
        });
    }
}
