using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Ingestion;

namespace ProcedureAssistant.Api.Admin;

/// <summary>
/// Runs re-index jobs one at a time in the background. A second request while one is queued or running is
/// refused with the running job. A full job builds a new index and switches to it once it is complete; an
/// incremental one updates the live index with the changed files only. Either way the live index keeps answering,
/// and a failed or cancelled full job leaves it untouched.
/// </summary>
internal sealed partial class ReindexJobs(
    IngestionPipeline pipeline,
    IOptions<CorpusOptions> corpus,
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
        lock (_gate)
        {
            if (_current is { IsFinished: false } busy)
            {
                job = busy;
                return false;
            }

            job = new ReindexJob(Guid.NewGuid(), requestedBy, reason, mode, time.GetUtcNow());
            _jobs[job.Id] = job;
            _current = job;
            if (!_queue.Writer.TryWrite(job))
            {
                throw new InvalidOperationException("The re-index queue is full although no job is running.");
            }

            return true;
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
        }
    }

    [LoggerMessage(1, LogLevel.Error, "Re-index job {JobId} failed; the previous index stays live")]
    private static partial void LogJobFailed(ILogger logger, Guid jobId, Exception exception);

    private sealed class SynchronousProgress(Action<IngestionProgress> report) : IProgress<IngestionProgress>
    {
        public void Report(IngestionProgress value) => report(value);
    }
}
