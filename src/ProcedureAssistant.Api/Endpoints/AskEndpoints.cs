using System.Diagnostics;
using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureAssistant.Api.Contracts;
using ProcedureAssistant.Api.Hosting;
using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Api.Endpoints;

/// <summary>
/// <c>POST /api/ask</c> and <c>POST /api/ask/stream</c>. What goes out is plain text: the answer, the citations'
/// titles, paths and snippets carry no markup and their links are http(s) or absent (<see cref="PlainText"/>),
/// whatever a document or a chat model wrote. Each answer is counted (<see cref="ServiceMetrics"/>) and its rule
/// tags the request's span.
/// </summary>
internal static class AskEndpoints
{
    public static RouteGroupBuilder MapAskEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ask").WithTags("Ask").RequireRateLimiting(RateLimitPolicies.Questions);
        group.MapPost("/", AskAsync)
            .WithName("Ask")
            .WithSummary("Answer a question with numbered citations, or abstain and refer to the commune's service centre.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/stream", Stream)
            .WithName("AskStream")
            .WithSummary("The same answer as server-sent events: 'delta' text as it is generated, 'replace' when the final text differs, then 'citations' and 'done'.")
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<Results<Ok<AskResponse>, ValidationProblem>> AskAsync(AskRequest request, AnswerService answers, ProvinceCatalog provinces, ServiceMetrics metrics, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var province = await ProvinceParameter.ResolveAsync(request.Province, provinces, cancellationToken);
        if (province.Problem is { } problem)
        {
            return problem;
        }

        var query = ToQuery(request, province.Key);
        var answer = await answers.AskAsync(query, cancellationToken);
        Record(metrics, answer, started);
        return TypedResults.Ok(ToResponse(answer, query.Persona));
    }

    private static async Task<Results<ServerSentEventsResult<object>, ValidationProblem>> Stream(AskRequest request, AnswerService answers, ProvinceCatalog provinces, ServiceMetrics metrics, CancellationToken cancellationToken)
    {
        var province = await ProvinceParameter.ResolveAsync(request.Province, provinces, cancellationToken);
        if (province.Problem is { } problem)
        {
            return problem;
        }

        var query = ToQuery(request, province.Key);
        return TypedResults.ServerSentEvents(Events(answers.StreamAsync(query, cancellationToken), query.Persona, metrics, Stopwatch.GetTimestamp()));
    }

    private static void Record(ServiceMetrics metrics, Answer answer, long started)
    {
        metrics.Answered(answer, Stopwatch.GetElapsedTime(started));
        Activity.Current?.SetTag("decision.rule", answer.Decision.Rule);
    }

    private static async IAsyncEnumerable<SseItem<object>> Events(IAsyncEnumerable<AnswerEvent> events, Persona persona, ServiceMetrics metrics, long started)
    {
        var streamed = new System.Text.StringBuilder();
        await foreach (var item in events)
        {
            switch (item)
            {
                case AnswerDelta delta:
                    // A part is stripped on its own; the final text, stripped whole, replaces the parts if they differ.
                    var text = PlainText.Of(delta.Text);
                    streamed.Append(text);
                    yield return new SseItem<object>(new { text }, "delta");
                    break;
                case AnswerCompleted completed:
                    Record(metrics, completed.Answer, started);
                    var response = ToResponse(completed.Answer, persona);
                    if (response.Answer != streamed.ToString())
                    {
                        yield return new SseItem<object>(new { text = response.Answer }, "replace");
                    }

                    yield return new SseItem<object>(response.Citations, "citations");
                    yield return new SseItem<object>(response, "done");
                    break;
            }
        }
    }

    private static AskQuery ToQuery(AskRequest request, string? province) => new(
        request.Question!,
        request.Persona == "official" ? Persona.Official : Persona.Citizen,
        request.TopK,
        request.ConversationId,
        province);

    private static AskResponse ToResponse(Answer answer, Persona persona) => new(
        PlainText.Of(answer.Text),
        answer.Mode == AnswerMode.Generative ? "generative" : "extractive",
        answer.Abstained,
        persona == Persona.Official ? "official" : "citizen",
        answer.Citations.Select(c => new CitationResponse(
            c.Index,
            c.DocumentId,
            c.ChunkId,
            PlainText.Of(c.Title),
            PlainText.OfOptional(c.Code),
            PlainText.OfOptional(c.Number),
            PlainText.Of(c.Path),
            PlainText.Of(c.Snippet),
            PlainText.HttpUrl(c.Url))).ToList(),
        answer.ConversationId,
        new DecisionResponse(answer.Decision.Rule, answer.Decision.Reason, answer.Decision.Measures));
}
