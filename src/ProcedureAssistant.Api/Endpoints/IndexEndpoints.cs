using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureAssistant.Api.Contracts;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Retrieval;

namespace ProcedureAssistant.Api.Endpoints;

/// <summary><c>GET /api/index</c>: when the sources were last indexed and the provinces one may ask for, shown on the asking page.</summary>
internal static class IndexEndpoints
{
    public static IEndpointRouteBuilder MapIndexEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/index", GetAsync)
            .WithTags("Documents")
            .WithName("GetIndexStatus")
            .WithSummary("When the live index was last built or updated, how much it holds, and the provinces a question may be asked for.")
            .WithDescription("503 while the index is being prepared at start-up.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithExamples(null, new IndexStatusResponse(new DateTimeOffset(2025, 7, 5, 8, 30, 0, TimeSpan.Zero), 3, 128, 2410, "dak-lak", [new ProvinceResponse("dak-lak", "Đắk Lắk")]));
        return app;
    }

    private static async Task<Ok<IndexStatusResponse>> GetAsync(IChunkIndex index, ProvinceCatalog provinces, CancellationToken cancellationToken)
    {
        var info = await index.GetInfoAsync(cancellationToken)
            ?? throw new IndexUnavailableException("The index is still being prepared.");
        var known = await provinces.KnownAsync(cancellationToken);
        return TypedResults.Ok(new IndexStatusResponse(
            info.BuiltAt,
            info.Version,
            info.DocumentCount,
            info.ChunkCount,
            provinces.Default,
            known.Select(key => new ProvinceResponse(key, provinces.NameOf(key))).ToList()));
    }
}
