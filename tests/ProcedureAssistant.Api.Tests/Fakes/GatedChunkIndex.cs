using System.Reflection;
using System.Runtime.ExceptionServices;
using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Api.Tests.Fakes;

/// <summary>
/// Forwards every call to the real index but holds <see cref="IChunkIndex.ReplaceAsync"/> while its gate is
/// closed, so that a re-index stays running after it has read the corpus. A proxy rather than a hand-written
/// decorator, so that it forwards whatever members the interface gains.
/// </summary>
public class GatedChunkIndex : DispatchProxy
{
    private IChunkIndex _inner = null!;
    private IndexGate _gate = null!;

    public static IChunkIndex Wrap(IChunkIndex inner, IndexGate gate)
    {
        var proxy = Create<IChunkIndex, GatedChunkIndex>();
        var gated = (GatedChunkIndex)(object)proxy;
        gated._inner = inner;
        gated._gate = gate;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IChunkIndex.ReplaceAsync))
        {
            return ReplaceAsync((IndexSnapshot)args![0]!, (CancellationToken)args[1]!);
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }

    private async Task<IndexInfo> ReplaceAsync(IndexSnapshot snapshot, CancellationToken cancellationToken)
    {
        await _gate.PassAsync(cancellationToken);
        return await _inner.ReplaceAsync(snapshot, cancellationToken);
    }
}

/// <summary>Open by default; while closed, index writes wait at it.</summary>
public sealed class IndexGate
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile TaskCompletionSource? _closed;

    /// <summary>Completes when an index write is waiting at the closed gate.</summary>
    public Task Reached => _reached.Task;

    public void Close() => _closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _closed?.TrySetResult();

    internal async Task PassAsync(CancellationToken cancellationToken)
    {
        if (_closed is { } closed)
        {
            _reached.TrySetResult();
            await closed.Task.WaitAsync(cancellationToken);
        }
    }
}
