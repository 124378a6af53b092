using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace ProcedureAssistant.Cli;

/// <summary>
/// Keeps the chat model's completions on disk for <c>eval --qa --llm-cache DIR</c>, keyed by a hash of the
/// request (endpoint, model, prompt, settings): a repeated evaluation, or one that changed only the scoring,
/// costs no model calls, and the same prompt always gets the same answer. Streamed requests pass through.
/// </summary>
internal sealed class LlmResponseCache(string folder) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var contentType = request.Content.Headers.ContentType;
        request.Content = new ByteArrayContent(body) { Headers = { ContentType = contentType } };
        if (Encoding.UTF8.GetString(body).Contains("\"stream\":true", StringComparison.Ordinal))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var key = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes($"{request.Method} {request.RequestUri}\n"), .. body]));
        var path = Path.Combine(folder, key + ".json");
        if (File.Exists(path))
        {
            return Json(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return response;
        }

        var completion = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        response.Dispose();
        Directory.CreateDirectory(folder);
        var partial = path + ".partial";
        await File.WriteAllBytesAsync(partial, completion, cancellationToken).ConfigureAwait(false);
        File.Move(partial, path, overwrite: true);
        return Json(completion);
    }

    private static HttpResponseMessage Json(byte[] content) => new(HttpStatusCode.OK)
    {
        Content = new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
    };
}
