using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureAssistant.Api.Admin;
using ProcedureAssistant.Api.Contracts;
using ProcedureAssistant.Api.Submissions;

namespace ProcedureAssistant.Api.Endpoints;

/// <summary>
/// Feedback and hand-off requests under <c>/api/admin</c>, for the admin page: lists with filters, CSV exports and
/// marking a request answered. The personal data of hand-off requests is served here and nowhere else.
/// </summary>
internal static class AdminSubmissionEndpoints
{
    private const int DefaultLimit = 200;

    public static RouteGroupBuilder MapAdminSubmissionEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/feedback", ListFeedbackAsync)
            .WithName("AdminListFeedback")
            .WithSummary("Feedback on answers, newest first; rating 'wrong' lists the \"Chưa đúng\" ones; from and to (YYYY-MM-DD, inclusive) limit the days.")
            .ProducesValidationProblem();
        admin.MapGet("/feedback/export", ExportFeedbackAsync)
            .WithName("AdminExportFeedback")
            .WithSummary("The same feedback as CSV (UTF-8).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
        admin.MapGet("/handoffs", ListHandoffsAsync)
            .WithName("AdminListHandoffs")
            .WithSummary("Hand-off requests with the person's name and phone when given with consent, newest first; status 'open' lists the unanswered ones.")
            .ProducesValidationProblem();
        admin.MapGet("/handoffs/export", ExportHandoffsAsync)
            .WithName("AdminExportHandoffs")
            .WithSummary("The same hand-off requests as CSV (UTF-8); each export is audited.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
        admin.MapPost("/handoffs/{reference}/answered", MarkAnsweredAsync)
            .WithName("AdminMarkHandoffAnswered")
            .WithSummary("Mark a hand-off request answered, with an optional note of what was answered.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(new HandoffAnswer("Đã gọi lại, hướng dẫn nộp hồ sơ tại xã nơi cư trú."), null);
        admin.MapPost("/session", StartSession)
            .WithName("AdminStartSession")
            .WithSummary("For the admin page: after one request with the X-Admin-Key header, an HttpOnly session cookie (with the X-Admin-Session header) stands for the key until the browser closes or 12 hours pass.");
        admin.MapDelete("/session", EndSession)
            .WithName("AdminEndSession")
            .WithSummary("Ends the admin page's session.");
        return admin;
    }

    private static async Task<Results<Ok<FeedbackList>, ValidationProblem>> ListFeedbackAsync(
        FeedbackStore feedback,
        CancellationToken cancellationToken,
        [AllowedValues("helpful", "wrong", null)] string? rating = null,
        string? from = null,
        string? to = null,
        [Range(1, 1000)] int limit = DefaultLimit)
    {
        if (Period(from, to, out var period) is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(new FeedbackList(await feedback.ListAsync(rating, period, limit, cancellationToken)));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportFeedbackAsync(
        FeedbackStore feedback,
        CancellationToken cancellationToken,
        [AllowedValues("helpful", "wrong", null)] string? rating = null,
        string? from = null,
        string? to = null)
    {
        if (Period(from, to, out var period) is { } invalid)
        {
            return invalid;
        }

        var entries = await feedback.ListAsync(rating, period, int.MaxValue, cancellationToken);
        var csv = CsvTable.Write(
            ["id", "createdAt", "rating", "reason", "comment", "question", "answer", "citations", "decisionRule", "persona", "conversationId"],
            entries.Select(e => (IReadOnlyList<object?>)[
                e.Id, e.CreatedAt, e.Rating, e.Reason, e.Comment, e.Question, e.Answer,
                string.Join("; ", e.Citations.Select(c => $"[{c.Index}] {c.DocumentId}")), e.DecisionRule, e.Persona, e.ConversationId]));
        return TypedResults.File(csv, "text/csv; charset=utf-8", "feedback.csv");
    }

    private static async Task<Results<Ok<HandoffList>, ValidationProblem>> ListHandoffsAsync(
        HandoffStore handoffs,
        CancellationToken cancellationToken,
        [AllowedValues("open", "all", null)] string? status = null,
        string? from = null,
        string? to = null,
        [Range(1, 1000)] int limit = DefaultLimit)
    {
        if (Period(from, to, out var period) is { } invalid)
        {
            return invalid;
        }

        var items = await handoffs.ListAsync(status == "open", period, limit, cancellationToken);
        return TypedResults.Ok(new HandoffList(handoffs.RetentionDays, items));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportHandoffsAsync(
        HttpContext context,
        HandoffStore handoffs,
        AuditLog audit,
        CancellationToken cancellationToken,
        [AllowedValues("open", "all", null)] string? status = null,
        string? from = null,
        string? to = null)
    {
        if (Period(from, to, out var period) is { } invalid)
        {
            return invalid;
        }

        var entries = await handoffs.ListAsync(status == "open", period, int.MaxValue, cancellationToken);
        // Personal data leaves the service here: who took it, and which rows, goes into the audit log.
        await audit.RecordAsync(audit.Actor(context), "export-handoffs", null, $"{entries.Count} requests (status={status ?? "all"}, from={from ?? "-"}, to={to ?? "-"})", cancellationToken);
        var csv = CsvTable.Write(
            ["reference", "createdAt", "status", "question", "conversation", "persona", "commune", "consent", "name", "phone", "answeredAt", "answerNote", "deleteAfter"],
            entries.Select(e => (IReadOnlyList<object?>)[
                e.Reference, e.CreatedAt, e.Status, e.Question,
                string.Join("\n", e.Conversation.Select(t => $"Hỏi: {t.Question}\nĐáp: {t.Answer}")),
                e.Persona, e.Commune, e.Consent, e.Name, e.Phone, e.AnsweredAt, e.AnswerNote, e.DeleteAfter]));
        return TypedResults.File(csv, "text/csv; charset=utf-8", "handoffs.csv");
    }

    private static async Task<Results<Ok<HandoffEntry>, ProblemHttpResult>> MarkAnsweredAsync(
        string reference, HandoffAnswer? answer, HttpContext context, HandoffStore handoffs, AuditLog audit, CancellationToken cancellationToken)
    {
        var entry = await handoffs.MarkAnsweredAsync(reference, answer?.Note, cancellationToken);
        if (entry is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Request not found", detail: $"No hand-off request has the reference '{reference}'; it may have been deleted after its retention period.");
        }

        await audit.RecordAsync(audit.Actor(context), "handoff-answered", entry.Reference, null, CancellationToken.None);
        return TypedResults.Ok(entry);
    }

    private static NoContent StartSession(HttpContext context, AdminSession session)
    {
        session.Start(context, AdminKeyMiddleware.KeyFingerprint(context.Request.Headers[AdminKeyMiddleware.HeaderName].ToString()));
        return TypedResults.NoContent();
    }

    private static NoContent EndSession(HttpContext context)
    {
        AdminSession.End(context);
        return TypedResults.NoContent();
    }

    private static ValidationProblem? Period(string? from, string? to, out SubmissionPeriod period)
    {
        var errors = new Dictionary<string, string[]>();
        var start = Day(from, nameof(from), errors);
        var end = Day(to, nameof(to), errors);
        if (start is not null && end is not null && end < start)
        {
            errors[nameof(to)] = [$"'{to}' is before from ('{from}')."];
        }

        period = new SubmissionPeriod(start, end);
        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }

    private static DateOnly? Day(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = [$"'{text}' is not a day: write it YYYY-MM-DD."];
        return null;
    }
}
