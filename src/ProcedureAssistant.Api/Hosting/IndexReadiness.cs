namespace ProcedureAssistant.Api.Hosting;

/// <summary>Whether the start-up indexing has finished, and why it failed if it did.</summary>
internal sealed class IndexReadiness
{
    private volatile string? _failure;
    private volatile bool _ready;

    public bool IsReady => _ready;

    public string? Failure => _failure;

    public void MarkReady() => _ready = true;

    public void MarkFailed(string reason) => _failure = reason;
}
