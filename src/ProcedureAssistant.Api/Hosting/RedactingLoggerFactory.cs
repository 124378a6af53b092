using System.Collections;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Diagnostics;

namespace ProcedureAssistant.Api.Hosting;

/// <summary>
/// The logger factory with personal data taken out before any provider (console, OTLP) sees an entry: the message and
/// every string field go through <see cref="PersonalData.Redact"/>, and the value of a field named for a person's
/// name or contact (<see cref="PersonalData.IsPersonalField"/>, e.g. <c>{FullName}</c>, <c>{Phone}</c>) is masked
/// wherever it appears. It wraps the factory rather than each provider, so that providers added later are covered.
/// Exceptions are passed on as they are.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private const string OriginalFormat = "{OriginalFormat}";

    public static void Register(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>()))));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            var fields = new List<KeyValuePair<string, object?>>();
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    if (key == OriginalFormat || value is null)
                    {
                        fields.Add(new(key, value));
                    }
                    else if (PersonalData.IsPersonalField(key))
                    {
                        if (Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } personal)
                        {
                            message = message.Replace(personal, PersonalData.Mask, StringComparison.Ordinal);
                        }

                        fields.Add(new(key, PersonalData.Mask));
                    }
                    else
                    {
                        fields.Add(new(key, value is string or long or ulong or decimal ? PersonalData.Redact(Convert.ToString(value, CultureInfo.InvariantCulture)!) : value));
                    }
                }
            }

            inner.Log(logLevel, eventId, new RedactedEntry(PersonalData.Redact(message), fields), exception, static (entry, _) => entry.Message);
        }
    }

    /// <summary>A log entry after redaction: its message, and its fields for structured providers.</summary>
    private sealed class RedactedEntry(string message, List<KeyValuePair<string, object?>> fields) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public int Count => fields.Count;

        public KeyValuePair<string, object?> this[int index] => fields[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => fields.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }
}
