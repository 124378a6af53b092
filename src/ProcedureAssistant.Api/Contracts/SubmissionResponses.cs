namespace ProcedureAssistant.Api.Contracts;

/// <summary>Feedback received.</summary>
/// <param name="Id">Its number.</param>
public sealed record FeedbackReceipt(long Id);

/// <summary>A hand-off request received.</summary>
/// <param name="Reference">The reference number to quote at the commune's public-service centre ("YC-250705-7K3Q").</param>
/// <param name="RetentionDays">Days the request, with any name and phone, is kept.</param>
public sealed record HandoffReceipt(string Reference, int RetentionDays);

/// <summary>Feedback as stored, for the admin page.</summary>
public sealed record FeedbackEntry(
    long Id,
    DateTimeOffset CreatedAt,
    string Rating,
    string? Reason,
    string? Comment,
    string Question,
    string Answer,
    IReadOnlyList<FeedbackCitation> Citations,
    string DecisionRule,
    string? Persona,
    string? ConversationId);

/// <summary>Stored feedback, newest first.</summary>
public sealed record FeedbackList(IReadOnlyList<FeedbackEntry> Items);

/// <summary>A hand-off request as stored, with its personal data: for the admin page only.</summary>
/// <param name="Status"><c>open</c> or <c>answered</c>.</param>
/// <param name="DeleteAfter">When the request, with its name and phone, is deleted.</param>
public sealed record HandoffEntry(
    string Reference,
    DateTimeOffset CreatedAt,
    string Status,
    string Question,
    IReadOnlyList<HandoffTurn> Conversation,
    string? Persona,
    string? Commune,
    string? ConversationId,
    bool Consent,
    string? Name,
    string? Phone,
    DateTimeOffset? AnsweredAt,
    string? AnswerNote,
    DateTimeOffset DeleteAfter);

/// <summary>Stored hand-off requests, newest first, and how long they are kept.</summary>
public sealed record HandoffList(int RetentionDays, IReadOnlyList<HandoffEntry> Items);

/// <summary>The body of marking a hand-off request answered.</summary>
/// <param name="Note">What the officer answered or did (at most 2,000 characters).</param>
public sealed record HandoffAnswer([property: System.ComponentModel.Description("What the officer answered or did.")][System.ComponentModel.DataAnnotations.StringLength(2000)] string? Note = null);
