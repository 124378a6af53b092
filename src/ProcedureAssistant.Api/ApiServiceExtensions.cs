using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProcedureAssistant.Api.Admin;
using ProcedureAssistant.Api.Endpoints;
using ProcedureAssistant.Api.Hosting;
using ProcedureAssistant.Core.Documents.Uploads;

namespace ProcedureAssistant.Api;

/// <summary>What the HTTP host adds to the core graph: ProblemDetails, validation, OpenAPI, health, start-up indexing.</summary>
internal static class ApiServiceExtensions
{
    public static WebApplicationBuilder AddApiServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddExceptionHandler<UnavailableExceptionHandler>();
        services.AddValidation();
        services.AddOpenApi();
        services.AddProcedureAssistantRateLimiting();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            options.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });

        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ReindexJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<ReindexJobs>());
        services.AddSingleton<UploadConverter>();
        services.AddSingleton<CorpusFolder>();
        services.AddSingleton<ReindexScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReindexScheduler>());
        services.AddSingleton<IndexReadiness>();
        services.AddHostedService<IndexWarmupWorker>();
        services.AddHealthChecks().AddCheck<IndexReadinessHealthCheck>("index", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
