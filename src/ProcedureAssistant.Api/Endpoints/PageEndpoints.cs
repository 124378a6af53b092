using Microsoft.AspNetCore.Rewrite;
using Scalar.AspNetCore;

namespace ProcedureAssistant.Api.Endpoints;

/// <summary>
/// The pages the API serves itself from <c>wwwroot/</c>: the asking page at <c>/</c>, the admin page at <c>/admin</c>
/// (plain HTML, CSS and JavaScript: nothing to build, nothing from a CDN), and the API reference at <c>/scalar</c>.
/// </summary>
internal static class PageEndpoints
{
    // The pages run only their own scripts and styles, talk only to this service, and are never framed.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    public static WebApplication UsePages(this WebApplication app)
    {
        app.UseRewriter(new RewriteOptions().AddRewrite("^admin/?$", "admin.html", skipRemainingRules: true));
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                // No build step fingerprints the files: the browser revalidates (ETag) instead of keeping a stale page.
                headers.CacheControl = "no-cache";
                if (context.File.Name.EndsWith(".html", StringComparison.Ordinal))
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                    headers["Referrer-Policy"] = "no-referrer";
                }
            },
        });
        return app;
    }

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        // Served from the package itself: no fonts from a CDN, no telemetry.
        app.MapScalarApiReference(options => options
            .WithTitle("ProcedureAssistant API")
            .DisableDefaultFonts()
            .DisableTelemetry());
        return app;
    }
}
