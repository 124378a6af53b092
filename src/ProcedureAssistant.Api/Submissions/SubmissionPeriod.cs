namespace ProcedureAssistant.Api.Submissions;

/// <summary>
/// The days an admin filters by, from <see cref="From"/> to <see cref="To"/> inclusive, as calendar days of the
/// service's time zone (the commune's), turned into UTC instants for the store.
/// </summary>
internal sealed record SubmissionPeriod(DateOnly? From, DateOnly? To)
{
    public long? StartMilliseconds(TimeZoneInfo zone) => From is { } from ? Instant(from, zone) : null;

    public long? EndMilliseconds(TimeZoneInfo zone) => To is { } to ? Instant(to.AddDays(1), zone) : null;

    private static long Instant(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUnixTimeMilliseconds();
    }
}
