namespace ProcedureAssistant.Core.Indexing;

/// <summary>
/// A value computed from the documents of one index version (term statistics, a vocabulary), so that it is computed
/// once per version and never per request. A build or update prepares it before the switch (<see cref="Stage"/>,
/// then <see cref="Publish"/> with the version it became): the requests that see the new version first take the
/// prepared value, and none waits. A version nobody prepared (loaded at start-up, or written by another process) is
/// computed by one caller while the others await the same computation.
/// </summary>
internal sealed class PerIndexVersion<T>
    where T : class
{
    private readonly Lock _gate = new();
    private Entry? _current;
    private T? _staged;
    private Building? _building;

    /// <summary>The value for the index <paramref name="info"/> describes, when it is ready; null otherwise.</summary>
    public T? Peek(IndexInfo? info)
    {
        lock (_gate)
        {
            return _current is { } current && current.Key == Key(info) ? current.Value : null;
        }
    }

    /// <summary>The value for the index <paramref name="info"/> describes: ready, prepared for it, or computed now (once).</summary>
    public async Task<T> GetAsync(IndexInfo? info, Func<Task<T>> compute, CancellationToken cancellationToken)
    {
        var key = Key(info);
        Building building;
        lock (_gate)
        {
            if (_current is { } current && current.Key == key)
            {
                return current.Value;
            }

            // A live version other than the last one, with a value staged: the switch this value was prepared for
            // has happened and Publish is on its way.
            if (_current is not null && info is not null && _staged is { } staged)
            {
                _current = new Entry(key, staged);
                _staged = null;
                return staged;
            }

            if (_building is not { } inFlight || inFlight.Key != key)
            {
                // The computation belongs to no request: a caller that gives up leaves it running for the others.
                inFlight = new Building(key, Task.Run(compute, CancellationToken.None));
                _building = inFlight;
            }

            building = inFlight;
        }

        try
        {
            var value = await building.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                if (_building == building)
                {
                    _current = new Entry(key, value);
                    _building = null;
                }
            }

            return value;
        }
        catch (Exception) when (building.Task.IsFaulted)
        {
            lock (_gate)
            {
                if (_building == building)
                {
                    _building = null; // the next caller tries again
                }
            }

            throw;
        }
    }

    /// <summary>Holds a value prepared for the version a build or update is about to switch to.</summary>
    public void Stage(T value)
    {
        lock (_gate)
        {
            _staged = value;
        }
    }

    /// <summary>The switch happened: the staged value (if not taken already) belongs to <paramref name="info"/>.</summary>
    public void Publish(IndexInfo info)
    {
        lock (_gate)
        {
            if (_staged is { } staged)
            {
                _current = new Entry(Key(info), staged);
                _staged = null;
            }
        }
    }

    /// <summary>The build or update failed: nothing switched, and the staged value is dropped.</summary>
    public void Discard()
    {
        lock (_gate)
        {
            _staged = null;
        }
    }

    private static string Key(IndexInfo? info) => info is null ? string.Empty : $"{info.Version}:{info.ContentHash}";

    private sealed record Entry(string Key, T Value);

    private sealed record Building(string Key, Task<T> Task);
}
