using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureAssistant.Api.Contracts;
using ProcedureAssistant.Api.Hosting;
using ProcedureAssistant.Core.Communes;

namespace ProcedureAssistant.Api.Endpoints;

/// <summary><c>GET /api/communes?q=&amp;province=</c>: old or new commune → where it belongs now, with the resolution.</summary>
internal static class CommuneEndpoints
{
    public static RouteGroupBuilder MapCommuneEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/communes").WithTags("Communes").RequireRateLimiting(RateLimitPolicies.Questions);
        group.MapGet("/", Find)
            .WithName("FindCommune")
            .WithSummary("Every commune, ward or special zone, old (before 1/7/2025) or new, whose name matches: where it went, or what it was made of, with the resolution and article.")
            .ProducesValidationProblem();
        return group;
    }

    // 'q' defaults to empty so that a missing name reaches validation and is reported by name.
    private static Ok<CommuneLookupResponse> Find(
        CommuneDirectory communes,
        [Required, StringLength(200)] string q = "",
        [StringLength(100)] string? province = null)
    {
        var matches = communes.Find(q, province)
            .Select(m => new CommuneMatchResponse(
                m.Name,
                m.IsOld ? "old" : "new",
                m.OldProvince,
                m.Province,
                m.NewCommunes.Select(n => new NewCommuneResponse(n.Name, n.Province, n.Resolution, n.Article, n.Partial)).ToList(),
                m.OldCommunes)
            {
                Code = m.Code,
                District = m.District,
                Resolution = m.Resolution,
                Article = m.Article,
            })
            .ToList();
        return TypedResults.Ok(new CommuneLookupResponse(q, matches));
    }
}
