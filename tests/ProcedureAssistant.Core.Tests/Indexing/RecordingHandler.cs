using System.Net;
using System.Text;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>One request as the Qdrant client sent it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, string Path, string Query, string? Body, string? ApiKey);

/// <summary>
/// An <see cref="HttpMessageHandler"/> that records every request and answers with what the test's function returns
/// (canned Qdrant-shaped answers); with an inner handler it forwards instead, unless the function answers itself.
/// </summary>
internal sealed class RecordingHandler(Func<RecordedRequest, HttpResponseMessage?> answer, HttpMessageHandler? inner = null) : DelegatingHandler(inner ?? new NotForwardedHandler())
{
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>A JSON answer with the given status.</summary>
    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>Qdrant's success envelope around <paramref name="resultJson"/>.</summary>
    public static HttpResponseMessage Ok(string resultJson) => Json($$"""{"result":{{resultJson}},"status":"ok","time":0.001}""");

    /// <summary>Qdrant's error envelope.</summary>
    public static HttpResponseMessage Error(HttpStatusCode status, string error) =>
        Json($$"""{"status":{"error":{{System.Text.Json.JsonSerializer.Serialize(error)}}},"time":0.0001}""", status);

    /// <summary>The answer of <c>GET /</c> for a server of the given version.</summary>
    public static HttpResponseMessage Root(string version = "1.16.3") =>
        Json($$"""{"title":"qdrant - vector search engine","version":"{{version}}","commit":"bd49f45a8a2d4e4774cac50fa29507c4e8375af2"}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var apiKey = request.Headers.TryGetValues("api-key", out var values) ? string.Join(",", values) : null;
        var recorded = new RecordedRequest(request.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query, body, apiKey);
        lock (_lock)
        {
            _requests.Add(recorded);
        }

        return answer(recorded) ?? await base.SendAsync(request, cancellationToken);
    }

    private sealed class NotForwardedHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"The test gave no answer for {request.Method} {request.RequestUri}.");
    }
}
