using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Api.Contracts;

namespace ProcedureAssistant.Api.Submissions;

/// <summary>
/// Hand-off requests, in the <c>handoff</c> table of <see cref="SubmissionDatabase"/>. Each gets a reference number
/// the person can quote; each is deleted whole, with its name and phone, <see cref="SubmissionsOptions.HandoffRetentionDays"/>
/// after it was made (<see cref="PurgeExpiredAsync"/>).
/// </summary>
internal sealed class HandoffStore(SubmissionDatabase database, IOptions<SubmissionsOptions> options, TimeProvider time)
{
    // Reference numbers avoid letters and digits that read alike (0/O, 1/I/L) when read out on the phone.
    private const string ReferenceAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int ReferenceRandomLength = 4;
    private const int SqliteConstraint = 19;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public int RetentionDays => options.Value.HandoffRetentionDays;

    private TimeSpan Retention => TimeSpan.FromDays(RetentionDays);

    /// <summary>Stores the request and returns its reference number. Name and phone are kept only with consent.</summary>
    public async Task<string> AddAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var reference = NewReference(now);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO handoff (reference, created_at, question, conversation, persona, commune, conversation_id, consent, name, phone)
                VALUES ($reference, $createdAt, $question, $conversation, $persona, $commune, $conversationId, $consent, $name, $phone)
                """;
            command.Parameters.AddWithValue("$reference", reference);
            command.Parameters.AddWithValue("$createdAt", now.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$question", request.Question!.Trim());
            command.Parameters.AddWithValue("$conversation", JsonSerializer.Serialize(request.Conversation ?? [], Json));
            command.Parameters.AddWithValue("$persona", (object?)request.Persona ?? DBNull.Value);
            command.Parameters.AddWithValue("$commune", (object?)Blank(request.Commune) ?? DBNull.Value);
            command.Parameters.AddWithValue("$conversationId", (object?)request.ConversationId ?? DBNull.Value);
            command.Parameters.AddWithValue("$consent", request.Consent);
            command.Parameters.AddWithValue("$name", request.Consent ? (object?)Blank(request.Name) ?? DBNull.Value : DBNull.Value);
            command.Parameters.AddWithValue("$phone", request.Consent && request.Phone is { } phone ? PhoneNumber.Normalize(phone)! : DBNull.Value);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return reference;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
            {
                // The same reference was drawn twice on one day: draw again.
            }
        }
    }

    /// <summary>Requests newest first: open ones only when <paramref name="openOnly"/>, within the period.</summary>
    public async Task<IReadOnlyList<HandoffEntry>> ListAsync(bool openOnly, SubmissionPeriod period, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            {Select}
            WHERE ($openOnly = 0 OR answered_at IS NULL)
              AND ($from IS NULL OR created_at >= $from)
              AND ($to IS NULL OR created_at < $to)
            ORDER BY id DESC
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$openOnly", openOnly);
        command.Parameters.AddWithValue("$from", (object?)period.StartMilliseconds(time.LocalTimeZone) ?? DBNull.Value);
        command.Parameters.AddWithValue("$to", (object?)period.EndMilliseconds(time.LocalTimeZone) ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks a request answered (again, with the new note, when it already was); null when no request has the reference.</summary>
    public async Task<HandoffEntry?> MarkAnsweredAsync(string reference, string? note, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE handoff SET answered_at = $at, answer_note = $note WHERE reference = $reference;
            {Select} WHERE reference = $reference
            """;
        command.Parameters.AddWithValue("$at", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$note", (object?)Blank(note) ?? DBNull.Value);
        command.Parameters.AddWithValue("$reference", reference.Trim().ToUpperInvariant());
        var entries = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        return entries.Count == 0 ? null : entries[0];
    }

    /// <summary>
    /// Deletes every request made more than the retention period ago, and returns how many went. The deleted rows
    /// are overwritten in the file (<c>secure_delete</c>) and the write-ahead log that still held them is folded in
    /// and emptied, so that a name or phone number does not linger on disk after its time.
    /// </summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var secure = connection.CreateCommand())
        {
            secure.CommandText = "PRAGMA secure_delete = ON;";
            await secure.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM handoff WHERE created_at <= $cutoff;";
        command.Parameters.AddWithValue("$cutoff", (time.GetUtcNow() - Retention).ToUnixTimeMilliseconds());
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await checkpoint.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    private const string Select = """
        SELECT reference, created_at, question, conversation, persona, commune, conversation_id, consent, name, phone, answered_at, answer_note
        FROM handoff
        """;

    private async Task<IReadOnlyList<HandoffEntry>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<HandoffEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var createdAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
            DateTimeOffset? answeredAt = reader.IsDBNull(10) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10));
            entries.Add(new HandoffEntry(
                reader.GetString(0),
                createdAt,
                answeredAt is null ? "open" : "answered",
                reader.GetString(2),
                JsonSerializer.Deserialize<List<HandoffTurn>>(reader.GetString(3), Json) ?? [],
                Text(reader, 4),
                Text(reader, 5),
                Text(reader, 6),
                reader.GetBoolean(7),
                Text(reader, 8),
                Text(reader, 9),
                answeredAt,
                Text(reader, 11),
                createdAt + Retention));
        }

        return entries;
    }

    private string NewReference(DateTimeOffset now)
    {
        var day = TimeZoneInfo.ConvertTime(now, time.LocalTimeZone);
        return $"YC-{day:yyMMdd}-{RandomNumberGenerator.GetString(ReferenceAlphabet, ReferenceRandomLength)}";
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
