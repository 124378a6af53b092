using System.Threading.Channels;

namespace ProcedureAssistant.Api.Admin;

/// <summary>
/// Asks for the re-index that brings a corpus change into the live index. When a re-index is already queued or
/// running, it may have listed the corpus before the change, so one follow-up re-index is queued to start as soon
/// as it finishes; changes made in the meantime share that follow-up. The follow-up is remembered in memory only:
/// after a restart such a change shows as <c>pending</c> in <c>GET /api/admin/documents</c> until the next re-index.
/// </summary>
internal sealed partial class ReindexScheduler(ReindexJobs jobs, AuditLog audit, TimeProvider time, ILogger<ReindexScheduler> logger) : BackgroundService
{
    // ReindexJobs raises no event when a job ends; polling its state keeps this class out of how jobs run.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    // The reasons of a follow-up name at most this many changes, then count the rest.
    private const int NamedChanges = 5;

    private readonly Channel<ReindexJob> _runningJobs = Channel.CreateUnbounded<ReindexJob>();
    private readonly Lock _gate = new();
    private readonly List<(string Actor, string Reason)> _waiting = [];

    /// <summary>Queues a re-index for a change already written to the corpus.</summary>
    public ReindexTicket Request(string actor, string reason)
    {
        lock (_gate)
        {
            if (jobs.TryStart(actor, reason, out var job))
            {
                return new ReindexTicket(job, AfterRunningJob: false);
            }

            if (_waiting.Count == 0)
            {
                _runningJobs.Writer.TryWrite(job);
            }

            _waiting.Add((actor, reason));
            return new ReindexTicket(job, AfterRunningJob: true);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var running in _runningJobs.Reader.ReadAllAsync(stoppingToken))
        {
            while (!running.IsFinished)
            {
                await Task.Delay(PollInterval, time, stoppingToken);
            }

            string actors;
            string reason;
            bool started;
            ReindexJob job;
            lock (_gate)
            {
                actors = string.Join(", ", _waiting.Select(w => w.Actor).Distinct());
                var named = string.Join("; ", _waiting.Take(NamedChanges).Select(w => w.Reason));
                var more = _waiting.Count > NamedChanges ? $" and {_waiting.Count - NamedChanges} more" : string.Empty;
                reason = $"changes made during job {running.Id}: {named}{more}";
                _waiting.Clear();
                started = jobs.TryStart(actors, reason, out job);
            }

            // Not started: a job requested after those changes is queued or running, and it reads them.
            if (!started)
            {
                LogCoveredByLaterJob(logger, running.Id, job.Id);
                continue;
            }

            try
            {
                await audit.RecordAsync(actors, "reindex", null, $"job {job.Id}, {reason}", stoppingToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The job runs all the same; failing here would stop the host.
                LogAuditFailed(logger, job.Id, ex);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Changes made during re-index job {JobId} are read by job {LaterJobId}")]
    private static partial void LogCoveredByLaterJob(ILogger logger, Guid jobId, Guid laterJobId);

    [LoggerMessage(2, LogLevel.Error, "The follow-up re-index job {JobId} could not be written to the audit log")]
    private static partial void LogAuditFailed(ILogger logger, Guid jobId, Exception exception);
}

/// <summary>The re-index that will read a change.</summary>
/// <param name="Job">The job queued for the change or, when one was already queued or running, that one.</param>
/// <param name="AfterRunningJob">True when a follow-up re-index starts once <paramref name="Job"/> finishes.</param>
internal sealed record ReindexTicket(ReindexJob Job, bool AfterRunningJob);
