namespace ProcedureAssistant.Api.Submissions;

/// <summary>
/// Deletes hand-off requests past their retention period at start-up and then every <see cref="Interval"/>, so
/// that a name and phone number never outlive <see cref="SubmissionsOptions.HandoffRetentionDays"/> by more than that.
/// </summary>
internal sealed partial class HandoffRetentionWorker(HandoffStore handoffs, TimeProvider time, ILogger<HandoffRetentionWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var deleted = await handoffs.PurgeExpiredAsync(stoppingToken).ConfigureAwait(false);
                if (deleted > 0)
                {
                    LogPurged(logger, deleted, handoffs.RetentionDays);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A locked or unwritable database must not stop the host; the next round tries again.
                LogPurgeFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(1, LogLevel.Information, "Deleted {Count} hand-off requests older than {RetentionDays} days")]
    private static partial void LogPurged(ILogger logger, int count, int retentionDays);

    [LoggerMessage(2, LogLevel.Error, "Hand-off requests past their retention period could not be deleted; trying again in an hour")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
