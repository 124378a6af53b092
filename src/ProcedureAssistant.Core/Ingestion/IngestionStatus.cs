namespace ProcedureAssistant.Core.Ingestion;

/// <summary>The outcome of the latest ingestion in this process, for status pages (which files failed and why).</summary>
public sealed class IngestionStatus
{
    private volatile IngestionReport? _last;

    /// <summary>The latest completed ingestion, or null before the first.</summary>
    public IngestionReport? Last => _last;

    internal void Record(IngestionReport report) => _last = report;
}
