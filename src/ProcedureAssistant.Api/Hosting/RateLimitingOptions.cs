using System.ComponentModel.DataAnnotations;

namespace ProcedureAssistant.Api.Hosting;

/// <summary>
/// Per-client limits (a fixed window per remote address): a client over its limit gets 429 with <c>Retry-After</c>.
/// Section <c>RateLimiting</c>, e.g. <c>RateLimiting__QuestionsPerMinute=120</c>.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Questions and searches one client may send a minute.</summary>
    [Range(1, 100_000)]
    public int QuestionsPerMinute { get; set; } = 60;

    /// <summary>Feedback and hand-off requests one client may send a minute.</summary>
    [Range(1, 100_000)]
    public int SubmissionsPerMinute { get; set; } = 10;

    /// <summary>Admin requests one client may send a minute.</summary>
    [Range(1, 100_000)]
    public int AdminPerMinute { get; set; } = 120;
}
