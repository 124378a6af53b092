using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureAssistant.Api.Contracts;
using ProcedureAssistant.Core.Answering;

namespace ProcedureAssistant.Api.Endpoints;

/// <summary><c>POST /api/ask</c>.</summary>
internal static class AskEndpoints
{
    public static RouteGroupBuilder MapAskEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ask").WithTags("Ask");
        group.MapPost("/", AskAsync)
            .WithName("Ask")
            .WithSummary("Answer a question with numbered citations, or abstain and refer to the commune's service centre.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<Ok<AskResponse>> AskAsync(AskRequest request, AnswerService answers, CancellationToken cancellationToken)
    {
        var persona = request.Persona == "official" ? Persona.Official : Persona.Citizen;
        var answer = await answers.AskAsync(request.Question!, persona, request.TopK, cancellationToken);
        var citations = answer.Citations
            .Select(c => new CitationResponse(c.Index, c.DocumentId, c.ChunkId, c.Title, c.Code, c.Number, c.Path, c.Snippet, c.Url))
            .ToList();
        return TypedResults.Ok(new AskResponse(
            answer.Text,
            answer.Mode == AnswerMode.Generative ? "generative" : "extractive",
            answer.Abstained,
            persona == Persona.Official ? "official" : "citizen",
            citations));
    }
}
