using System.Net;

namespace ProcedureAssistant.Core.Indexing.Qdrant;

/// <summary>Qdrant answered a request with an error; the message carries the status and Qdrant's own error text.</summary>
public sealed class QdrantException : Exception
{
    /// <summary>An error that is not tied to one HTTP answer (an unsupported server, an incomplete build).</summary>
    public QdrantException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>An error answer to <paramref name="method"/> <paramref name="path"/>.</summary>
    public QdrantException(HttpStatusCode statusCode, string method, string path, string error)
        : base($"Qdrant answered {(int)statusCode} {statusCode} to {method} {path}: {error}")
    {
        StatusCode = statusCode;
        Error = error;
    }

    /// <summary>The HTTP status, when the error came from an answer.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Qdrant's error text (from the envelope's <c>status.error</c>, or the plain-text body).</summary>
    public string? Error { get; }
}
