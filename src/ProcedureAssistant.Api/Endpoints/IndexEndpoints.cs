using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureAssistant.Api.Contracts;
using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Api.Endpoints;

/// <summary><c>GET /api/index</c>: when the sources were last indexed, shown on the asking page.</summary>
internal static class IndexEndpoints
{
    public static IEndpointRouteBuilder MapIndexEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/index", GetAsync)
            .WithTags("Documents")
            .WithName("GetIndexStatus")
            .WithSummary("When the live index was last built or updated, and how much it holds.")
            .WithDescription("503 while the index is being prepared at start-up.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithExamples(null, new IndexStatusResponse(new DateTimeOffset(2025, 7, 5, 8, 30, 0, TimeSpan.Zero), 3, 128, 2410));
        return app;
    }

    private static async Task<Ok<IndexStatusResponse>> GetAsync(IChunkIndex index, CancellationToken cancellationToken)
    {
        var info = await index.GetInfoAsync(cancellationToken)
            ?? throw new IndexUnavailableException("The index is still being prepared.");
        return TypedResults.Ok(new IndexStatusResponse(info.BuiltAt, info.Version, info.DocumentCount, info.ChunkCount));
    }
}
