using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureAssistant.Api.Contracts;
using ProcedureAssistant.Api.Hosting;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Questions;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Api.Endpoints;

/// <summary><c>GET /api/search?q=&amp;top=&amp;province=</c>; titles, paths and snippets as plain text (<see cref="PlainText"/>).</summary>
internal static class SearchEndpoints
{
    private const int SnippetCharacters = 240;

    public static RouteGroupBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/search").WithTags("Search").RequireRateLimiting(RateLimitPolicies.Questions);
        group.MapGet("/", SearchAsync)
            .WithName("Search")
            .WithSummary("Rank the chunks that best match a query.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    // 'q' defaults to empty so that a missing query reaches validation and is reported by name. 'province' limits the
    // results to that province's texts and the national ones (default: the deployment's province). The query is read
    // as a question is before an answer (shorthand, spelling, diacritics, place and level named), so search ranks what
    // the answer would be drawn from.
    private static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchAsync(
        QuestionReader reader,
        Retriever retriever,
        ProvinceCatalog provinces,
        CancellationToken cancellationToken,
        [Required, StringLength(2000)] string q = "",
        [Range(1, 50)] int top = 10,
        [StringLength(100)] string? province = null)
    {
        var scope = await ProvinceParameter.ResolveAsync(province, provinces, cancellationToken);
        if (scope.Problem is { } problem)
        {
            return problem;
        }

        var reading = await reader.ReadAsync(q, cancellationToken);
        var hits = await retriever.RetrieveAsync(reading.Terms, reading.SearchText, top, SearchFilter.ForProvince(scope.Key), cancellationToken);
        var results = hits
            .Select(h => new SearchResult(
                h.Chunk.DocumentId,
                h.Chunk.Id,
                PlainText.Of(h.Chunk.Title),
                PlainText.OfOptional(h.Chunk.Code),
                PlainText.OfOptional(h.Chunk.Number),
                PlainText.Of(h.Chunk.Path),
                Math.Round(h.Score, 4),
                PlainText.Of(TextExcerpt.Shorten(h.Chunk.Text, SnippetCharacters))))
            .ToList();
        return TypedResults.Ok(new SearchResponse(results));
    }
}
