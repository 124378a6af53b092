using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProcedureAssistant.Core;
using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Ingestion;
using ProcedureAssistant.Lab;
using Spectre.Console;

namespace ProcedureAssistant.Cli;

/// <summary>Builds the same service graph as the API for one CLI command, with the global options applied.</summary>
internal static class CliHost
{
    public static readonly Option<string?> CorpusOption = new("--corpus")
    {
        Description = "Thư mục kho văn bản (mặc định: Corpus:Path, 'corpus').",
        Recursive = true,
    };

    public static readonly Option<string[]> SourceOption = new("--source")
    {
        Description = "Thêm một nguồn văn bản sau kho chính (lặp lại được): THƯ_MỤC hoặc TỆP, tùy chọn '=TỈNH' (ví dụ ../shared/realdata/daklak=Đắk Lắk). Thêm vào sau Corpus:Sources.",
        Recursive = true,
    };

    public static readonly Option<string?> DataOption = new("--data")
    {
        Description = "Thư mục dữ liệu chỉ mục (mặc định: VectorStore:DataPath, 'data').",
        Recursive = true,
    };

    /// <summary>Progress and messages go to standard error so that standard output stays machine-readable.</summary>
    public static IAnsiConsole Status { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <param name="parse">The parsed command line.</param>
    /// <param name="settings">Configuration that overrides every other source.</param>
    /// <param name="llmCache">A folder to keep the chat model's completions in (evaluation only), or null.</param>
    public static IHost Build(ParseResult parse, IReadOnlyDictionary<string, string?>? settings = null, string? llmCache = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            EnvironmentName = Environments.Production,
        });
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(CorpusOption) is { } corpus)
        {
            overrides["Corpus:Path"] = corpus;
        }

        if (parse.GetValue(DataOption) is { } data)
        {
            overrides["VectorStore:DataPath"] = data;
        }

        var configured = builder.Configuration.GetSection("Corpus:Sources").GetChildren().Count();
        foreach (var source in parse.GetValue(SourceOption) ?? [])
        {
            // "DIR=PROVINCE": the province is what follows the last '=' (a folder name rarely holds one).
            var split = source.LastIndexOf('=');
            overrides[$"Corpus:Sources:{configured}:Path"] = split < 0 ? source : source[..split];
            if (split >= 0)
            {
                overrides[$"Corpus:Sources:{configured}:Province"] = source[(split + 1)..];
            }

            configured++;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddProcedureAssistant();
        builder.Services.AddProcedureAssistantLab();
        if (llmCache is not null)
        {
            builder.Services.AddHttpClient(GenerativeAnswerer.HttpClientName).AddHttpMessageHandler(() => new LlmResponseCache(llmCache));
        }

        return builder.Build();
    }

    /// <summary>Loads the index, or builds it from the corpus with a progress bar when there is none.</summary>
    public static async Task EnsureIndexAsync(IHost host, CancellationToken cancellationToken)
    {
        var bootstrapper = host.Services.GetRequiredService<IndexBootstrapper>();
        await Status.Progress().StartAsync(async context =>
        {
            var task = context.AddTask("Chuẩn bị chỉ mục", autoStart: true, maxValue: 1);
            var progress = new Progress<IngestionProgress>(p =>
            {
                task.MaxValue = p.Total;
                task.Value = p.Done;
            });
            await bootstrapper.EnsureIndexAsync(progress, cancellationToken).ConfigureAwait(false);
            task.Value = task.MaxValue;
        }).ConfigureAwait(false);
    }
}
