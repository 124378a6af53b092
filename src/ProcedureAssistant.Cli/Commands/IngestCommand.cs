using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Ingestion;
using Spectre.Console;

namespace ProcedureAssistant.Cli.Commands;

/// <summary>
/// <c>ingest [--incremental] [--corpus DIR] [--source DIR[=PROVINCE]]... [--data DIR]</c>: builds or rebuilds the
/// index from every corpus source, or with <c>--incremental</c> updates it with the changed documents only, with
/// progress; then lists what failed, what no reader took, and what an earlier source held already.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var incremental = new Option<bool>("--incremental") { Description = "Chỉ nạp lại văn bản đã thay đổi, xóa văn bản đã gỡ; giữ nguyên phần còn lại." };
        var command = new Command("ingest", "Xây dựng lại chỉ mục từ kho văn bản.") { incremental };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var mode = parse.GetValue(incremental) ? IngestionMode.Incremental : IngestionMode.Full;
            using var host = CliHost.Build(parse);
            var pipeline = host.Services.GetRequiredService<IngestionPipeline>();
            var sources = host.Services.GetRequiredService<IOptions<CorpusOptions>>().Value.AllSources();
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
                report = await pipeline.RunAsync(sources, mode, progress, cancellationToken).ConfigureAwait(false);
                task.Description = "Nạp văn bản";
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);

            foreach (var failure in report!.Failures)
            {
                CliHost.Status.MarkupLineInterpolated($"[red]Bỏ qua[/] {failure.SourcePath}: {failure.Reason}");
            }

            foreach (var ignored in report.Ignored)
            {
                CliHost.Status.MarkupLineInterpolated($"[yellow]Không đọc[/] {ignored.SourcePath}: {ignored.Reason}");
            }

            foreach (var shadowed in report.Shadowed)
            {
                CliHost.Status.MarkupLineInterpolated($"[yellow]Trùng mã[/] {shadowed.SourcePath}: {shadowed.DocumentId} đã có ở {shadowed.KeptFrom} (nguồn đứng trước được giữ)");
            }

            var info = report.Index;
            var (added, changed, unchanged, removed) = report.Changes;
            Console.WriteLine($"Chỉ mục phiên bản {info.Version}: {info.DocumentCount} văn bản, {info.ChunkCount} đoạn, {report.Failures.Count} văn bản lỗi, {report.Ignored.Count} tệp không đọc, {report.Shadowed.Count} văn bản trùng mã bị bỏ, {report.Elapsed.TotalSeconds:0.0} giây.");
            Console.WriteLine($"mode={report.Mode.ToString().ToLowerInvariant()} added={added} changed={changed} unchanged={unchanged} removed={removed} failed={report.Failures.Count} ignored={report.Ignored.Count} shadowed={report.Shadowed.Count} seconds={report.Elapsed.TotalSeconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}");
            return report.Failures.Count == 0 ? 0 : 2;
        });
        return command;
    }
}
