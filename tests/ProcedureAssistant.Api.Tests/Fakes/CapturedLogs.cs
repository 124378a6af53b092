using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProcedureAssistant.Api.Tests.Fakes;

/// <summary>
/// Every log entry the app writes, at every level, as its providers would receive it (after whatever the app does
/// to log entries on their way to a provider), so that a test can say what was logged and what was not.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<Entry> Entries { get; } = new();

    /// <summary>Adds this provider to an app's services and lets every level through.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(this);
        services.Configure<LoggerFilterOptions>(options =>
        {
            options.MinLevel = LogLevel.Trace;
            options.Rules.Clear();
        });
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>One entry: its level, category, formatted message and structured values.</summary>
    public sealed record Entry(LogLevel Level, string Category, string Message, string State, Exception? Exception)
    {
        public override string ToString() => $"{Level} {Category}: {Message} [{State}] {Exception?.Message}";
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            owner.Entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), values, exception));
        }
    }
}
