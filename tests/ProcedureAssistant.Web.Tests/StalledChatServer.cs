using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProcedureAssistant.Api.Tests.Fakes;

namespace ProcedureAssistant.Web.Tests;

/// <summary>
/// An OpenAI-compatible chat endpoint on a loopback port that streams the first words of an answer and then stalls
/// until the caller hangs up: it keeps an answer half-way through its stream for as long as a test needs.
/// </summary>
public sealed class StalledChatServer : IAsyncDisposable
{
    public const string FirstWords = "Hồ sơ đăng ký khai sinh gồm";

    private readonly LoopbackServer _server;

    private StalledChatServer(LoopbackServer server) => _server = server;

    public Uri Endpoint => new(_server.Address, "v1");

    public static async Task<StalledChatServer> StartAsync() =>
        new(await LoopbackServer.StartAsync(app => app.MapPost("/v1/chat/completions", StallAsync)));

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static async Task StallAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        var chunk = new { id = "c1", @object = "chat.completion.chunk", created = 0, model = "test-model", choices = new[] { new { index = 0, delta = new { content = FirstWords }, finish_reason = (string?)null } } };
        await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n");
        await context.Response.Body.FlushAsync();
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The service hung up: nothing more to send.
        }
    }
}
