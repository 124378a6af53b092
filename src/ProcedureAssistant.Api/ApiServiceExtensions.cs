using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProcedureAssistant.Api.Admin;
using ProcedureAssistant.Api.Endpoints;
using ProcedureAssistant.Api.Hosting;
using ProcedureAssistant.Api.Submissions;
using ProcedureAssistant.Core.Documents.Uploads;
using ProcedureAssistant.Core.Indexing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

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
        services.AddOptions<SubmissionsOptions>().BindConfiguration(SubmissionsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SubmissionDatabase>();
        services.AddSingleton<FeedbackStore>();
        services.AddSingleton<HandoffStore>();
        services.AddHostedService<HandoffRetentionWorker>();

        // The admin page's session cookie is protected with keys kept beside the service's other files, so that a
        // restart does not sign everyone out.
        services.AddDataProtection().SetApplicationName("ProcedureAssistant");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<VectorStoreOptions>, ILoggerFactory>((keys, store, logging) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(store.Value.DataPath, "keys")), logging));
        services.AddSingleton<AdminSession>();
        services.AddHealthChecks().AddCheck<IndexReadinessHealthCheck>("index", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
