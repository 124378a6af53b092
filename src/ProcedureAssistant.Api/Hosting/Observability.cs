using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ProcedureAssistant.Core.Diagnostics;

namespace ProcedureAssistant.Api.Hosting;

/// <summary>
/// OpenTelemetry for the API: a trace per request with the service's spans under it (<see cref="Telemetry"/>), the
/// service's metrics (<see cref="ServiceMetrics"/>) and ASP.NET Core's, exported over OTLP only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with the standard <c>OTEL_*</c> variables for the rest). Personal data
/// is taken out of spans (<see cref="RedactingActivityProcessor"/>) and of log entries (<see cref="RedactingLoggerFactory"/>).
/// </summary>
internal static class Observability
{
    public const string ServiceName = "procedure-assistant";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ServiceMetrics>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddProcessor(new RedactingActivityProcessor())
                .AddSource(Telemetry.SourceName)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health")))
            .WithMetrics(metrics => metrics
                .AddMeter(Telemetry.SourceName)
                .AddAspNetCoreInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        RedactingLoggerFactory.Register(builder.Services);
        return builder;
    }
}
