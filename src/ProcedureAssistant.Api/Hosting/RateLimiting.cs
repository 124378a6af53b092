using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ProcedureAssistant.Api.Hosting;

/// <summary>
/// Registers the policies of <see cref="RateLimitPolicies"/> with the limits of <see cref="RateLimitingOptions"/>: a
/// fixed window per client and policy, so that the admin routes keep their budget when the public ones are spent. A
/// client is its remote address (behind a reverse proxy, set <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> so that
/// it is the caller's, not the proxy's): an IPv4 address, or an IPv6 /64, the block one subscriber holds. A request
/// without a remote address (the in-process test host) is the one client "local".
/// </summary>
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
                        Type = ProblemTypes.TooManyRequests,
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
        return RateLimitPartition.GetFixedWindowLimiter(Client(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits(options),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    /// <summary>The partition a remote address falls in: the IPv4 address (mapped or not), or the IPv6 /64.</summary>
    internal static string Client(IPAddress? address)
    {
        if (address is null)
        {
            return "local";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
