using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Api.Hosting;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Ingestion;

namespace ProcedureAssistant.Api.Admin;

/// <summary>
/// Runs re-index jobs one at a time in the background. A second request while one is queued or running is
/// refused with the running job. A full job builds a new index and switches to it once it is complete; an
/// incremental one updates the live index with the changed files only. Either way the live index keeps answering,
/// and a failed or cancelled full job leaves it untouched. A job is reserved, audited, then started
/// (<see cref="TryReserve"/>, <see cref="Start"/>; <see cref="Abandon"/> when the audit fails), so that no job runs
/// that the audit log does not show.
/// </summary>
internal sealed partial class ReindexJobs(
    IngestionPipeline pipeline,
    IChunkIndex index,
    IOptions<CorpusOptions> corpus,
    ServiceMetrics metrics,
    TimeProvider time,
    ILogger<ReindexJobs> logger) : BackgroundService
{
    private readonly Channel<ReindexJob> _queue = Channel.CreateBounded<ReindexJob>(1);
    private readonly ConcurrentDictionary<Guid, ReindexJob> _jobs = new();
    private readonly Lock _gate = new();
    private ReindexJob? _current;

    /// <summary>Queues a job (an incremental update unless <paramref name="mode"/> says otherwise), or returns the one already queued or running.</summary>
    public bool TryStart(string requestedBy, string reason, out ReindexJob job, IngestionMode mode = IngestionMode.Incremental)
    {
        if (!TryReserve(requestedBy, reason, out job, mode))
        {
            return false;
        }

        Start(job);
        return true;
    }

    /// <summary>
    /// Holds the queue for a new job, which blocks any other until it is <see cref="Start">started</see> or
    /// <see cref="Abandon">abandoned</see>; or returns the job already queued or running.
    /// </summary>
    public bool TryReserve(string requestedBy, string reason, out ReindexJob job, IngestionMode mode = IngestionMode.Incremental)
    {
        lock (_gate)
        {
            if (_current is { IsFinished: false } busy)
            {
                job = busy;
                return false;
            }

            job = new ReindexJob(Guid.NewGuid(), requestedBy, reason, mode, time.GetUtcNow());
            _current = job;
            return true;
        }
    }

    /// <summary>Queues a reserved job; from now on its status can be read and it can be cancelled.</summary>
    public void Start(ReindexJob job)
    {
        lock (_gate)
        {
            _jobs[job.Id] = job;
            if (!_queue.Writer.TryWrite(job))
            {
                throw new InvalidOperationException("The re-index queue is full although no job is running.");
            }
        }
    }

    /// <summary>
    /// Gives up a reserved job that was never started: it ends as cancelled (so that whoever waits for it goes on), and
    /// the next request may start one.
    /// </summary>
    public void Abandon(ReindexJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_gate)
        {
            job.Fail("The re-index was not started: it could not be written to the audit log.", time.GetUtcNow(), cancelled: true);
            if (_current == job)
            {
                _current = null;
            }
        }
    }

    public ReindexJob? Find(Guid id) => _jobs.GetValueOrDefault(id);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, job.Cancellation.Token);
            job.Start(time.GetUtcNow());
            try
            {
                var report = await pipeline.RunAsync(corpus.Value.AllSources(), job.Mode, new SynchronousProgress(job.Progress), linked.Token);

                // The reranker's statistics of a new version are read once here, not by the first questions.
                await index.GetStatisticsAsync(linked.Token);
                job.Succeed(report, time.GetUtcNow());
            }
            catch (OperationCanceledException) when (job.Cancellation.IsCancellationRequested || stoppingToken.IsCancellationRequested)
            {
                // An update of a Qdrant index stops between two writes; the next update rewrites what it had begun.
                job.Fail(
                    job.Mode == IngestionMode.Full
                        ? "The re-index was cancelled; the previous index is still live."
                        : "The re-index was cancelled; the previous index is still live, and documents an update of a Qdrant index had begun to rewrite are rewritten by the next one.",
                    time.GetUtcNow(),
                    cancelled: true);
            }
            catch (Exception ex)
            {
                // A failed job is reported on its status page; the live index is untouched.
                LogJobFailed(logger, job.Id, ex);
                job.Fail(ex.Message, time.GetUtcNow(), cancelled: false);
            }

            metrics.ReindexFinished(job.Mode.ToString().ToLowerInvariant(), job.State, (job.FinishedAt ?? time.GetUtcNow()) - (job.StartedAt ?? job.RequestedAt));
        }
    }

    [LoggerMessage(1, LogLevel.Error, "Re-index job {JobId} failed; the previous index stays live")]
    private static partial void LogJobFailed(ILogger logger, Guid jobId, Exception exception);

    private sealed class SynchronousProgress(Action<IngestionProgress> report) : IProgress<IngestionProgress>
    {
        public void Report(IngestionProgress value) => report(value);
    }
}
