using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ProcedureAssistant.Api.Tests.Fakes;

/// <summary>A server on a loopback port that answers <c>GET /</c> as Qdrant of the given version would, and nothing else.</summary>
public sealed class FakeQdrantServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private FakeQdrantServer(LoopbackServer server) => _server = server;

    public Uri Url => _server.Address;

    public static async Task<FakeQdrantServer> StartAsync(string version) =>
        new(await LoopbackServer.StartAsync(app => app.MapGet("/", () => Results.Json(new { title = "qdrant - vector search engine", version, commit = "0000000" }))));

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
