using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureAssistant.Api.Contracts;
using ProcedureAssistant.Api.Hosting;
using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Retrieval;

namespace ProcedureAssistant.Api.Endpoints;

/// <summary><c>POST /api/ask</c> and <c>POST /api/ask/stream</c>.</summary>
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

    private static async Task<Results<Ok<AskResponse>, ValidationProblem>> AskAsync(AskRequest request, AnswerService answers, ProvinceCatalog provinces, CancellationToken cancellationToken)
    {
        var province = await ProvinceParameter.ResolveAsync(request.Province, provinces, cancellationToken);
        if (province.Problem is { } problem)
        {
            return problem;
        }

        var query = ToQuery(request, province.Key);
        var answer = await answers.AskAsync(query, cancellationToken);
        return TypedResults.Ok(ToResponse(answer, query.Persona));
    }

    private static async Task<Results<ServerSentEventsResult<object>, ValidationProblem>> Stream(AskRequest request, AnswerService answers, ProvinceCatalog provinces, CancellationToken cancellationToken)
    {
        var province = await ProvinceParameter.ResolveAsync(request.Province, provinces, cancellationToken);
        if (province.Problem is { } problem)
        {
            return problem;
        }

        var query = ToQuery(request, province.Key);
        return TypedResults.ServerSentEvents(Events(answers.StreamAsync(query, cancellationToken), query.Persona));
    }

    private static async IAsyncEnumerable<SseItem<object>> Events(IAsyncEnumerable<AnswerEvent> events, Persona persona)
    {
        var streamed = new System.Text.StringBuilder();
        await foreach (var item in events)
        {
            switch (item)
            {
                case AnswerDelta delta:
                    streamed.Append(delta.Text);
                    yield return new SseItem<object>(new { text = delta.Text }, "delta");
                    break;
                case AnswerCompleted completed:
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
        answer.Text,
        answer.Mode == AnswerMode.Generative ? "generative" : "extractive",
        answer.Abstained,
        persona == Persona.Official ? "official" : "citizen",
        answer.Citations.Select(c => new CitationResponse(c.Index, c.DocumentId, c.ChunkId, c.Title, c.Code, c.Number, c.Path, c.Snippet, c.Url)).ToList(),
        answer.ConversationId,
        new DecisionResponse(answer.Decision.Rule, answer.Decision.Reason));
}
