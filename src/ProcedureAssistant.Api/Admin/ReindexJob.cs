using ProcedureAssistant.Core.Ingestion;

namespace ProcedureAssistant.Api.Admin;

/// <summary>A re-index requested through the admin API, with its progress. Updated by one worker thread.</summary>
internal sealed class ReindexJob(Guid id, string requestedBy, string reason, IngestionMode mode, DateTimeOffset requestedAt)
{
    private volatile string _state = "queued";

    public Guid Id { get; } = id;

    /// <summary>The mode asked for; <see cref="IngestionReport.Mode"/> says what ran (an update may become a full build).</summary>
    public IngestionMode Mode { get; } = mode;

    public string RequestedBy { get; } = requestedBy;

    public string Reason { get; } = reason;

    public DateTimeOffset RequestedAt { get; } = requestedAt;

    public string State => _state;

    public int Done { get; private set; }

    public int Total { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public string? Error { get; private set; }

    public IngestionReport? Report { get; private set; }

    public CancellationTokenSource Cancellation { get; } = new();

    public bool IsFinished => _state is "succeeded" or "failed" or "cancelled";

    public void Start(DateTimeOffset at)
    {
        StartedAt = at;
        _state = "running";
    }

    public void Progress(IngestionProgress progress)
    {
        Done = progress.Done;
        Total = progress.Total;
    }

    public void Succeed(IngestionReport report, DateTimeOffset at)
    {
        Report = report;
        FinishedAt = at;
        _state = "succeeded";
    }

    public void Fail(string error, DateTimeOffset at, bool cancelled)
    {
        Error = error;
        FinishedAt = at;
        _state = cancelled ? "cancelled" : "failed";
    }
}
