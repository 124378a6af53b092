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
    private readonly List<(string Actor, string Reason, ReindexTicket Ticket)> _waiting = [];

    /// <summary>
    /// Reserves the re-index for a change already written to the corpus: a new job (held, not yet running) or the
    /// follow-up of the job already queued or running. The caller audits the change, then calls
    /// <see cref="Confirm"/>, or <see cref="Cancel"/> when the audit failed, so that no job runs unaudited.
    /// </summary>
    public ReindexTicket Reserve(string actor, string reason)
    {
        lock (_gate)
        {
            if (jobs.TryReserve(actor, reason, out var job))
            {
                return new ReindexTicket(job, AfterRunningJob: false);
            }

            if (_waiting.Count == 0)
            {
                _runningJobs.Writer.TryWrite(job);
            }

            var ticket = new ReindexTicket(job, AfterRunningJob: true);
            _waiting.Add((actor, reason, ticket));
            return ticket;
        }
    }

    /// <summary>The change is audited: its job starts (a follow-up starts when the running job ends).</summary>
    public void Confirm(ReindexTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (!ticket.AfterRunningJob)
        {
            jobs.Start(ticket.Job);
        }
    }

    /// <summary>The change could not be audited: its job is given up (a follow-up forgets it).</summary>
    public void Cancel(ReindexTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (!ticket.AfterRunningJob)
        {
            jobs.Abandon(ticket.Job);
            return;
        }

        lock (_gate)
        {
            _waiting.RemoveAll(w => w.Ticket == ticket);
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
            bool reserved;
            ReindexJob job;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    continue; // every change that waited was given up
                }

                actors = string.Join(", ", _waiting.Select(w => w.Actor).Distinct());
                var named = string.Join("; ", _waiting.Take(NamedChanges).Select(w => w.Reason));
                var more = _waiting.Count > NamedChanges ? $" and {_waiting.Count - NamedChanges} more" : string.Empty;
                reason = $"changes made during job {running.Id}: {named}{more}";
                _waiting.Clear();
                reserved = jobs.TryReserve(actors, reason, out job);
            }

            // Not reserved: a job requested after those changes is queued or running, and it reads them.
            if (!reserved)
            {
                LogCoveredByLaterJob(logger, running.Id, job.Id);
                continue;
            }

            try
            {
                await audit.RecordAsync(actors, "reindex", null, $"job {job.Id}, {reason}", stoppingToken);
                jobs.Start(job);
            }
            catch (AuditUnavailableException ex)
            {
                // Not audited, so not run: the changes show as pending until the next re-index, which reads them.
                jobs.Abandon(job);
                LogAuditFailed(logger, job.Id, ex);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Changes made during re-index job {JobId} are read by job {LaterJobId}")]
    private static partial void LogCoveredByLaterJob(ILogger logger, Guid jobId, Guid laterJobId);

    [LoggerMessage(2, LogLevel.Error, "The follow-up re-index job {JobId} could not be written to the audit log and was not started; the changes wait for the next re-index")]
    private static partial void LogAuditFailed(ILogger logger, Guid jobId, Exception exception);
}

/// <summary>The re-index that will read a change.</summary>
/// <param name="Job">The job queued for the change or, when one was already queued or running, that one.</param>
/// <param name="AfterRunningJob">True when a follow-up re-index starts once <paramref name="Job"/> finishes.</param>
internal sealed record ReindexTicket(ReindexJob Job, bool AfterRunningJob);
