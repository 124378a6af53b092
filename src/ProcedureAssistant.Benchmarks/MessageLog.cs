using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ProcedureAssistant.Benchmarks;

/// <summary>A logger that keeps every message at Debug and above, so that a measurement can report what the index logged (an update's phases).</summary>
internal sealed class MessageLog : ILogger
{
    private readonly ConcurrentQueue<string> _messages = new();

    /// <summary>The messages so far, oldest first, and forgets them.</summary>
    public List<string> Take()
    {
        var taken = new List<string>();
        while (_messages.TryDequeue(out var message))
        {
            taken.Add(message);
        }

        return taken;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel))
        {
            _messages.Enqueue(formatter(state, exception));
        }
    }
}
