using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Api.Tests.Fakes;

/// <summary>Forwards every call to the real index and counts the calls of each member, to show what a request costs.</summary>
public class CountingChunkIndex : DispatchProxy
{
    private IChunkIndex _inner = null!;
    private ConcurrentDictionary<string, int> _calls = null!;

    /// <summary>Replaces the app's index by a counting proxy over it; the counts go to <paramref name="calls"/>.</summary>
    public static void Install(IServiceCollection services, ConcurrentDictionary<string, int> calls)
    {
        var index = services.Last(d => d.ServiceType == typeof(IChunkIndex));
        services.Remove(index);
        services.AddSingleton(sp =>
        {
            var proxy = Create<IChunkIndex, CountingChunkIndex>();
            var counting = (CountingChunkIndex)(object)proxy;
            counting._inner = (IChunkIndex)index.ImplementationFactory!(sp);
            counting._calls = calls;
            return proxy;
        });
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        _calls.AddOrUpdate(targetMethod.Name, 1, (_, n) => n + 1);
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
}
