using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Ingestion;
using Spectre.Console;

namespace ProcedureAssistant.Cli.Commands;

/// <summary><c>ingest [--corpus DIR] [--data DIR]</c>: builds or rebuilds the index, with progress.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var command = new Command("ingest", "Xây dựng lại chỉ mục từ kho văn bản.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse);
            var pipeline = host.Services.GetRequiredService<IngestionPipeline>();
            var corpus = host.Services.GetRequiredService<IOptions<CorpusOptions>>().Value.Path;
            IngestionReport? report = null;
            await CliHost.Status.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("Nạp văn bản", autoStart: true, maxValue: 1);
                var progress = new Progress<IngestionProgress>(p =>
                {
                    task.MaxValue = p.Total;
                    task.Value = p.Done;
                    task.Description = $"Nạp {Markup.Escape(p.Current)}";
                });
                report = await pipeline.RunAsync(corpus, progress, cancellationToken).ConfigureAwait(false);
                task.Description = "Nạp văn bản";
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);

            foreach (var failure in report!.Failures)
            {
                CliHost.Status.MarkupLineInterpolated($"[red]Bỏ qua[/] {failure.SourcePath}: {failure.Reason}");
            }

            var info = report.Index;
            Console.WriteLine($"Chỉ mục phiên bản {info.Version}: {info.DocumentCount} văn bản, {info.ChunkCount} đoạn, {report.Failures.Count} tệp lỗi, {report.Elapsed.TotalSeconds:0.0} giây.");
            return report.Failures.Count == 0 ? 0 : 2;
        });
        return command;
    }
}
