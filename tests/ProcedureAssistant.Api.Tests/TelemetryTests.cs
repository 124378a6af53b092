using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ProcedureAssistant.Api.Tests.Fakes;

namespace ProcedureAssistant.Api.Tests;

/// <summary>
/// A trace per question with a span for each step, metrics for questions, abstentions by rule and latency, and no
/// personal data (CCCD numbers, phone numbers, names) in what the logs and traces carry. Not run beside other tests:
/// spans and metrics are observed process-wide, and another app's questions would be counted.
/// </summary>
[Collection(nameof(TelemetryTests))]
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed partial class TelemetryTests
{
    private const string Cccd = "001203004567";
    private const string Phone = "0912 345 678";
    private const string PhoneDigits = "0912345678";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ask_IsOneTraceWithASpanPerStep()
    {
        var activities = new List<Activity>();
        await using var app = new ProcedureAssistantApp { TestServices = services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(activities)) };
        using var client = await app.CreateReadyClientAsync();

        using var response = await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question = "làm giấy khai sinh cho con cần gì" }, Token);
        response.EnsureSuccessStatusCode();
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();

        var server = Assert.Single(activities, a => a.Kind == ActivityKind.Server && a.DisplayName.Contains("/api/ask", StringComparison.Ordinal));
        var trace = activities.Where(a => a.TraceId == server.TraceId).Select(a => a.DisplayName).ToList();
        Assert.Contains("answer", trace);
        Assert.Contains("read-question", trace);
        Assert.Contains("retrieve", trace);
        Assert.Contains("rerank", trace);
        var decide = Assert.Single(activities, a => a.DisplayName == "decide" && a.TraceId == server.TraceId);
        Assert.Equal("answer", decide.GetTagItem("rule"));
        var answer = activities.Single(a => a.DisplayName == "answer" && a.TraceId == server.TraceId);
        Assert.Equal(server.SpanId, answer.ParentSpanId);
        Assert.Equal("answer", server.GetTagItem("decision.rule"));
    }

    [Fact]
    public async Task Questions_AreCountedWithAbstentionsByRuleAndLatency()
    {
        var metrics = new List<Metric>();
        await using var app = new ProcedureAssistantApp { TestServices = services => services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics)) };
        using var client = await app.CreateReadyClientAsync();

        var rules = new List<string>();
        foreach (var question in new[] { "làm giấy khai sinh cho con cần gì", "giá vé máy bay đi Singapore tháng sau", "đăng ký giám hộ cho cháu mồ côi cần giấy tờ gì" })
        {
            using var response = await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question }, Token);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
            if (answer.GetProperty("abstained").GetBoolean())
            {
                rules.Add(answer.GetProperty("decision").GetProperty("rule").GetString()!);
            }
        }

        app.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.Equal(3, Sum(metrics, "procedure_assistant.questions", _ => true));
        Assert.Equal(2, rules.Count);
        foreach (var rule in rules.Distinct())
        {
            Assert.Equal(rules.Count(r => r == rule), Sum(metrics, "procedure_assistant.abstentions", p => Tag(p, "rule") == rule));
        }

        Assert.Equal(2, Sum(metrics, "procedure_assistant.abstentions", _ => true));
        var latency = Assert.Single(metrics, m => m.Name == "procedure_assistant.question.duration");
        Assert.Equal(MetricType.Histogram, latency.MetricType);
    }

    [Fact]
    public async Task Reindex_JobsAreCountedByOutcome()
    {
        var metrics = new List<Metric>();
        await using var admin = await AdminTestApp.StartAsync(services: services => services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics)));

        await AdminEndpointTests.RunReindexAsync(admin.Client, "full");
        admin.App.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.Equal(1, Sum(metrics, "procedure_assistant.reindex.jobs", p => Tag(p, "outcome") == "succeeded" && Tag(p, "mode") == "full"));
    }

    [Fact]
    public async Task PersonalData_InQuestionsAndLogFields_IsRedactedFromLogsAndTraces()
    {
        var activities = new List<Activity>();
        var logs = new CapturedLogs();
        await using var app = new ProcedureAssistantApp
        {
            TestServices = services =>
            {
                logs.AddTo(services);
                services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(activities));
            },
        };
        using var client = await app.CreateReadyClientAsync();

        var question = $"CCCD của tôi là {Cccd}, số điện thoại {Phone}, làm giấy khai sinh cho con cần gì";
        using (var ask = await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question }, Token))
        {
            ask.EnsureSuccessStatusCode();
        }

        using (var search = await client.GetAsync(new Uri($"/api/search?q=khai%20sinh%20{PhoneDigits}%20{Cccd}", UriKind.Relative), Token))
        {
            search.EnsureSuccessStatusCode();
        }

        // What a hand-off request would log about the person asking.
        LogHandOff(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ProcedureAssistant.HandOff"), "Nguyễn Thị Hoa", "+84 912 345 678", "khai sinh");
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();

        var logged = string.Join("\n", logs.Entries.Select(e => e.ToString()));
        var traced = string.Join("\n", activities.SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(a.DisplayName)));
        Assert.Contains("Hand-off requested by", logged, StringComparison.Ordinal);
        Assert.Contains("khai sinh", logged, StringComparison.Ordinal);
        foreach (var secret in new[] { Cccd, Phone, PhoneDigits, "912 345 678", "Nguyễn Thị Hoa" })
        {
            Assert.DoesNotContain(secret, logged, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, traced, StringComparison.Ordinal);
        }
    }

    private static List<MetricPoint> Points(List<Metric> metrics, string name)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                points.Add(point);
            }
        }

        return points;
    }

    private static long Sum(List<Metric> metrics, string name, Func<MetricPoint, bool> where) =>
        Points(metrics, name).Where(where).Sum(p => p.GetSumLong());

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }

    [LoggerMessage(1, LogLevel.Information, "Hand-off requested by {FullName}, phone {Phone}, about {Topic}")]
    private static partial void LogHandOff(ILogger logger, string fullName, string phone, string topic);
}
