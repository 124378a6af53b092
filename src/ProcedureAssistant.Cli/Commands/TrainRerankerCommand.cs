using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using ProcedureAssistant.Core.Evaluation;
using ProcedureAssistant.Core.Reranking;

namespace ProcedureAssistant.Cli.Commands;

/// <summary>
/// <c>train-reranker --dataset DIR [--dataset DIR ...] --out FILE</c>: trains the learned reranker on every judged
/// question of the sets (as typed and without diacritics) and writes the model. Deterministic: the same sets, in the
/// same order, give the same bytes; the command prints their SHA-256.
/// </summary>
internal static class TrainRerankerCommand
{
    public static Command Create()
    {
        var datasets = new Option<DirectoryInfo[]>("--dataset") { Description = "Thư mục BEIR để huấn luyện (lặp lại được).", Required = true, AllowMultipleArgumentsPerToken = false };
        var output = new Option<FileInfo>("--out") { Description = $"Tệp mô hình ghi ra (mô hình kèm dịch vụ: {Reranker.BuiltInModelPath}).", Required = true };
        var command = new Command("train-reranker", "Huấn luyện bộ xếp hạng lại (ML.NET FastTree LambdaRank) trên các bộ BEIR.") { datasets, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse);
            var evaluator = host.Services.GetRequiredService<RetrievalEvaluator>();
            var settings = new RerankerTrainerSettings();
            var sets = new List<BeirDataset>();
            foreach (var folder in parse.GetValue(datasets)!)
            {
                sets.Add(await BeirDataset.LoadAsync(folder.FullName, cancellationToken: cancellationToken).ConfigureAwait(false));
            }

            var groups = await RerankTrainingSets.CollectAsync(evaluator, sets, settings.Candidates, cancellationToken).ConfigureAwait(false);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var model = RerankerTrainer.Train(groups, settings);
            var bytes = model.ToBytes();
            var file = parse.GetValue(output)!;
            await File.WriteAllBytesAsync(file.FullName, bytes, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"model={file.FullName} bytes={bytes.Length} sha256={Convert.ToHexStringLower(SHA256.HashData(bytes))} trees={model.Trees.Count} questions={model.Training.Questions.Count} trainSeconds={started.Elapsed.TotalSeconds:0.0}");
            Console.WriteLine(settings.Describe());
            return 0;
        });
        return command;
    }
}
