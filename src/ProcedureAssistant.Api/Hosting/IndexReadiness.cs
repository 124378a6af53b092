namespace ProcedureAssistant.Api.Hosting;

/// <summary>
/// Whether the start-up indexing has finished; while it has not, whether it is only waiting (the index cannot be
/// reached yet: the normal state while Qdrant starts) or has failed for good, and why.
/// </summary>
internal sealed class IndexReadiness
{
    private volatile string? _failure;
    private volatile string? _waiting;
    private volatile bool _ready;

    public bool IsReady => _ready;

    /// <summary>Why start-up failed for good, or null.</summary>
    public string? Failure => _failure;

    /// <summary>What start-up is waiting for, or null.</summary>
    public string? Waiting => _waiting;

    public void MarkReady()
    {
        _waiting = null;
        _ready = true;
    }

    public void MarkWaiting(string reason) => _waiting = reason;

    public void MarkFailed(string reason)
    {
        _waiting = null;
        _failure = reason;
    }
}
