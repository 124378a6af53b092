namespace ProcedureAssistant.Api.Hosting;

/// <summary>
/// The names of the per-client rate-limit policies endpoints opt into with <c>RequireRateLimiting</c>; their limits are
/// in <see cref="RateLimitingOptions"/>.
/// </summary>
internal static class RateLimitPolicies
{
    /// <summary>Questions and searches: <c>/api/ask</c>, <c>/api/ask/stream</c>, <c>/api/search</c>, the commune lookup.</summary>
    public const string Questions = "questions";

    /// <summary>What a person leaves for the team: feedback and hand-off requests.</summary>
    public const string Submissions = "submissions";

    /// <summary>The admin routes, limited apart from the public ones.</summary>
    public const string Admin = "admin";
}
