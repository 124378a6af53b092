using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ProcedureAssistant.Api.Hosting;

/// <summary>Registers the policies of <see cref="RateLimitPolicies"/> with the limits of <see cref="RateLimitingOptions"/>.</summary>
internal static class RateLimiting
{
    public static IServiceCollection AddProcedureAssistantRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Bạn gửi quá nhiều yêu cầu.",
                        Detail = $"Vui lòng thử lại sau {seconds} giây.",
                    },
                }).ConfigureAwait(false);
            };
            limiter.AddPolicy(RateLimitPolicies.Questions, context => PerClient(context, o => o.QuestionsPerMinute));
            limiter.AddPolicy(RateLimitPolicies.Submissions, context => PerClient(context, o => o.SubmissionsPerMinute));
            limiter.AddPolicy(RateLimitPolicies.Admin, context => PerClient(context, o => o.AdminPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, Func<RateLimitingOptions, int> permits)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits(options),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
