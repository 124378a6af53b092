using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ProcedureAssistant.Api.Tests.Fakes;

/// <summary>
/// An OpenAI-compatible chat server inside the test process, on a loopback port: it records the requests the
/// service sends to <c>/v1/chat/completions</c> and answers with scripted completions, plain or streamed, or
/// with an error or a delay.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private LoopbackServer _server = null!;

    /// <summary>The JSON bodies received, in order.</summary>
    public ConcurrentQueue<JsonElement> Requests { get; } = new();

    /// <summary>What to answer; replaced by tests.</summary>
    public Func<JsonElement, Reply> Script { get; set; } = _ => new Reply("Không có kịch bản.");

    /// <summary>The base URL to configure as Llm:Endpoint.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public static async Task<FakeChatServer> StartAsync()
    {
        var fake = new FakeChatServer();
        fake._server = await LoopbackServer.StartAsync(app => app.MapPost("/v1/chat/completions", fake.HandleAsync));
        fake.Endpoint = new Uri(fake._server.Address, "v1");
        return fake;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, cancellationToken: context.RequestAborted);
        Requests.Enqueue(body);
        var reply = Script(body);
        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, context.RequestAborted);
        }

        if (reply.StatusCode != 200)
        {
            context.Response.StatusCode = reply.StatusCode;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "scripted failure", type = "server_error" } });
            return;
        }

        var model = body.GetProperty("model").GetString();
        if (body.TryGetProperty("stream", out var stream) && stream.GetBoolean())
        {
            context.Response.ContentType = "text/event-stream";
            foreach (var part in reply.Parts())
            {
                var chunk = new { id = "c1", @object = "chat.completion.chunk", created = 0, model, choices = new[] { new { index = 0, delta = new { content = part }, finish_reason = (string?)null } } };
                await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n");
                await context.Response.Body.FlushAsync();
            }

            var last = new { id = "c1", @object = "chat.completion.chunk", created = 0, model, choices = new[] { new { index = 0, delta = new { }, finish_reason = "stop" } } };
            await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(last) + "\n\ndata: [DONE]\n\n");
            return;
        }

        await context.Response.WriteAsJsonAsync(new
        {
            id = "c1",
            @object = "chat.completion",
            created = 0,
            model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = reply.Content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 1, completion_tokens = 1, total_tokens = 2 },
        });
    }

    /// <summary>A scripted answer: its text (streamed in word-sized parts), or an HTTP error, after an optional delay.</summary>
    public sealed record Reply(string Content, int StatusCode = 200, TimeSpan Delay = default)
    {
        public IEnumerable<string> Parts() => Content.Split(' ').Select((word, i) => i == 0 ? word : " " + word);
    }
}
