using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProcedureAssistant.Api.Admin;
using ProcedureAssistant.Api.Endpoints;
using ProcedureAssistant.Api.Hosting;
using ProcedureAssistant.Core.Documents.Uploads;

namespace ProcedureAssistant.Api;

/// <summary>
/// What the HTTP host adds to the core graph: ProblemDetails (stable types, one handler for malformed requests in
/// every environment), validation, OpenAPI, rate limits, telemetry, health, start-up indexing and the admin API.
/// </summary>
internal static class ApiServiceExtensions
{
    public static WebApplicationBuilder AddApiServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemTypes.Customize);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<UnavailableExceptionHandler>();

        // A body or query value that does not bind is thrown to BadRequestExceptionHandler, not answered with a bare
        // 400 (Production) or a developer page (Development).
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddValidation();
        services.AddOpenApi();
        services.AddProcedureAssistantRateLimiting();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            options.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

            // "topK": "5" is a string, not a number; a property given twice is ambiguous.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.AllowDuplicateProperties = false;
        });
        builder.AddObservability();

        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UploadLimits>().BindConfiguration(UploadLimits.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ReindexJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<ReindexJobs>());
        services.AddSingleton<UploadConverter>();
        services.AddSingleton<UploadSpool>();
        services.AddHostedService(sp => sp.GetRequiredService<UploadSpool>());
        services.AddSingleton<CorpusFolder>();
        services.AddSingleton<ReindexScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReindexScheduler>());
        services.AddSingleton<IndexReadiness>();
        services.AddHostedService<IndexWarmupWorker>();
        services.AddHealthChecks().AddCheck<IndexReadinessHealthCheck>("index", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
