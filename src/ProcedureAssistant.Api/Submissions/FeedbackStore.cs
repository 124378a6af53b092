using System.Text.Json;
using Microsoft.Data.Sqlite;
using ProcedureAssistant.Api.Contracts;

namespace ProcedureAssistant.Api.Submissions;

/// <summary>Feedback on answers, in the <c>feedback</c> table of <see cref="SubmissionDatabase"/>.</summary>
internal sealed class FeedbackStore(SubmissionDatabase database, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<long> AddAsync(FeedbackRequest feedback, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO feedback (created_at, rating, reason, comment, question, answer, citations, decision_rule, persona, conversation_id)
            VALUES ($createdAt, $rating, $reason, $comment, $question, $answer, $citations, $decisionRule, $persona, $conversationId)
            RETURNING id
            """;
        command.Parameters.AddWithValue("$createdAt", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$rating", feedback.Rating);
        command.Parameters.AddWithValue("$reason", (object?)feedback.Reason ?? DBNull.Value);
        command.Parameters.AddWithValue("$comment", (object?)Blank(feedback.Comment) ?? DBNull.Value);
        command.Parameters.AddWithValue("$question", feedback.Question);
        command.Parameters.AddWithValue("$answer", feedback.Answer);
        command.Parameters.AddWithValue("$citations", JsonSerializer.Serialize(feedback.Citations ?? [], Json));
        command.Parameters.AddWithValue("$decisionRule", feedback.DecisionRule);
        command.Parameters.AddWithValue("$persona", (object?)feedback.Persona ?? DBNull.Value);
        command.Parameters.AddWithValue("$conversationId", (object?)feedback.ConversationId ?? DBNull.Value);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Feedback newest first, of one rating when given, within the period.</summary>
    public async Task<IReadOnlyList<FeedbackEntry>> ListAsync(string? rating, SubmissionPeriod period, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, created_at, rating, reason, comment, question, answer, citations, decision_rule, persona, conversation_id
            FROM feedback
            WHERE ($rating IS NULL OR rating = $rating)
              AND ($from IS NULL OR created_at >= $from)
              AND ($to IS NULL OR created_at < $to)
            ORDER BY id DESC
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$rating", (object?)rating ?? DBNull.Value);
        command.Parameters.AddWithValue("$from", (object?)period.StartMilliseconds(time.LocalTimeZone) ?? DBNull.Value);
        command.Parameters.AddWithValue("$to", (object?)period.EndMilliseconds(time.LocalTimeZone) ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<FeedbackEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new FeedbackEntry(
                reader.GetInt64(0),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                reader.GetString(2),
                Text(reader, 3),
                Text(reader, 4),
                reader.GetString(5),
                reader.GetString(6),
                JsonSerializer.Deserialize<List<FeedbackCitation>>(reader.GetString(7), Json) ?? [],
                reader.GetString(8),
                Text(reader, 9),
                Text(reader, 10)));
        }

        return entries;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
