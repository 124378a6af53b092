using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>One gRPC call as the Qdrant client made it: the method (<c>/qdrant.Points/Upsert</c>), the request and the api-key header.</summary>
internal sealed record RecordedCall(string Method, IMessage Request, string? ApiKey);

/// <summary>
/// Sits between the index's Qdrant client and the server: records every call and lets it through, unless the test's
/// function answers it itself, with an <see cref="RpcException"/> to fail it (an injected fault) or a response message
/// (a canned answer, for a call that has no server behind it).
/// </summary>
internal sealed class RecordingInterceptor(Func<RecordedCall, object?>? answer = null) : Interceptor
{
    public const string Upsert = "/qdrant.Points/Upsert";
    public const string Delete = "/qdrant.Points/Delete";
    public const string Count = "/qdrant.Points/Count";
    public const string HealthCheck = "/qdrant.Qdrant/HealthCheck";

    private readonly List<RecordedCall> _calls = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>An error the server (or the network) might give.</summary>
    public static RpcException Error(StatusCode status, string detail, Exception? cause = null) => new(new Status(status, detail, cause));

    /// <summary>What the client reports when nothing listens on the server's port.</summary>
    public static RpcException ConnectionRefused() =>
        Error(StatusCode.Unavailable, "Error starting gRPC call.", new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (qdrant.test:6334)"));

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = new RecordedCall(context.Method.FullName, (IMessage)request, context.Options.Headers?.GetValue("api-key"));
        lock (_lock)
        {
            _calls.Add(call);
        }

        return answer?.Invoke(call) switch
        {
            null => continuation(request, context),
            RpcException error => new AsyncUnaryCall<TResponse>(Task.FromException<TResponse>(error), Task.FromResult(new Metadata()), () => error.Status, () => [], () => { }),
            TResponse response => new AsyncUnaryCall<TResponse>(Task.FromResult(response), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { }),
            var other => throw new InvalidOperationException($"The test answered {call.Method} with a {other.GetType().Name}."),
        };
    }
}
