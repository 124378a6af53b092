using System.Diagnostics;

namespace ProcedureAssistant.Core.Diagnostics;

/// <summary>The one activity source of the service; spans: ingest, retrieve, answer.</summary>
public static class Telemetry
{
    /// <summary>Name of the activity source, for OpenTelemetry registration.</summary>
    public const string SourceName = "ProcedureAssistant";

    /// <summary>The activity source every span of the service starts from.</summary>
    public static ActivitySource Source { get; } = new(SourceName);
}
