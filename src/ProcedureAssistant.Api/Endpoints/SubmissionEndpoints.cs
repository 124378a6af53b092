using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureAssistant.Api.Contracts;
using ProcedureAssistant.Api.Hosting;
using ProcedureAssistant.Api.Submissions;

namespace ProcedureAssistant.Api.Endpoints;

/// <summary>
/// What a person leaves for the team from the asking page: <c>POST /api/feedback</c> on an answer and
/// <c>POST /api/handoffs</c>, a question for an officer. Both are rate-limited per client and stored in SQLite.
/// </summary>
internal static class SubmissionEndpoints
{
    public static IEndpointRouteBuilder MapSubmissionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/feedback", AddFeedbackAsync)
            .WithTags("Feedback")
            .RequireRateLimiting(RateLimitPolicies.Submissions)
            .WithName("AddFeedback")
            .WithSummary("Rate an answer: helpful or wrong, with an optional reason and comment.")
            .WithDescription("Stores the verdict with the question, the answer, its citations and its decision rule, for the admin page (GET /api/admin/feedback). 400 names the field; 429 when a client sends too many.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithExamples(
                new FeedbackRequest(
                    "wrong",
                    "làm giấy khai sinh cho con cần gì",
                    "Hồ sơ đăng ký khai sinh gồm: tờ khai theo mẫu; giấy chứng sinh [1].",
                    "answer",
                    [new FeedbackCitation(1, "tthc-1.001193", "tthc-1.001193#ho-so", "Đăng ký khai sinh")],
                    "incomplete",
                    "Thiếu lệ phí.",
                    "citizen",
                    "4f0c2b7e9a5d4c3b8e1f6a2d7c9b0e3f"),
                new FeedbackReceipt(42));

        app.MapPost("/api/handoffs", AddHandoffAsync)
            .WithTags("Feedback")
            .RequireRateLimiting(RateLimitPolicies.Submissions)
            .WithName("AddHandoff")
            .WithSummary("Hand a question to an officer of the commune's public-service centre; returns a reference number.")
            .WithDescription("A name and a phone number are kept only with consent (then the phone is required); without consent they are refused (400 naming consent). The request, personal data included, is deleted after Submissions:HandoffRetentionDays (default 90). 429 when a client sends too many.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithExamples(
                new HandoffRequest(
                    "Con tôi sinh ở tỉnh khác thì đăng ký khai sinh ở đâu?",
                    [new HandoffTurn("làm giấy khai sinh cho con cần gì", "Hồ sơ đăng ký khai sinh gồm: tờ khai theo mẫu; giấy chứng sinh [1].")],
                    Consent: true,
                    Name: "Nguyễn Văn A",
                    Phone: "0912 345 678",
                    Commune: "Phường Buôn Ma Thuột",
                    Persona: "citizen"),
                new HandoffReceipt("YC-250705-7K3Q", 90));
        return app;
    }

    private static async Task<Created<FeedbackReceipt>> AddFeedbackAsync(FeedbackRequest request, FeedbackStore feedback, CancellationToken cancellationToken)
    {
        // Once validated the feedback is stored even if the person leaves the page meanwhile.
        var id = await feedback.AddAsync(request, CancellationToken.None);
        return TypedResults.Created((string?)null, new FeedbackReceipt(id));
    }

    private static async Task<Created<HandoffReceipt>> AddHandoffAsync(HandoffRequest request, HandoffStore handoffs)
    {
        var reference = await handoffs.AddAsync(request, CancellationToken.None);
        return TypedResults.Created((string?)null, new HandoffReceipt(reference, handoffs.RetentionDays));
    }
}
