using Grpc.Core;

namespace ProcedureAssistant.Core.Indexing.Qdrant;

/// <summary>Qdrant answered a request with an error; the message carries the operation, the gRPC status and Qdrant's own error text.</summary>
public sealed class QdrantException : Exception
{
    /// <summary>An error that is not tied to one answer (an unsupported server, an incomplete build).</summary>
    public QdrantException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>An error answer to <paramref name="operation"/>.</summary>
    public QdrantException(StatusCode status, string operation, string error, Exception? inner = null)
        : base($"Qdrant answered {status} to {operation}: {error}", inner)
    {
        Status = status;
        Error = error;
    }

    /// <summary>The gRPC status, when the error came from an answer (<see cref="StatusCode.NotFound"/>: no such collection or alias).</summary>
    public StatusCode? Status { get; }

    /// <summary>Qdrant's error text.</summary>
    public string? Error { get; }
}
