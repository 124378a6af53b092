using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Lab.Evaluation;
using ProcedureAssistant.Lab.Reranking;

namespace ProcedureAssistant.Cli.Commands;

/// <summary>
/// <c>train-reranker --dataset DIR [--dataset DIR ...] --out FILE [--necessity]</c>: trains the learned reranker on
/// every judged question of the sets (as typed and without diacritics), learns its term-translation table from the
/// same questions, and writes the model; with
/// <c>--necessity</c> its first stage weighs question terms by the term necessity learnt from them. Deterministic:
/// the same sets, in the same order, give the same bytes; the command prints their SHA-256.
/// </summary>
internal static class TrainRerankerCommand
{
    public static Command Create()
    {
        var datasets = new Option<DirectoryInfo[]>("--dataset") { Description = "Thư mục BEIR để huấn luyện (lặp lại được).", Required = true, AllowMultipleArgumentsPerToken = false };
        var judged = new Option<FileInfo[]>("--judged") { Description = "Bộ câu hỏi đã chấm (eval/fresh*/default.jsonl) trên kho chính (lặp lại được).", AllowMultipleArgumentsPerToken = false };
        var judgedWithSources = new Option<FileInfo[]>("--judged-with-sources") { Description = "Bộ câu hỏi đã chấm (eval/fresh*/full.jsonl) trên kho chính cùng các nguồn --source (lặp lại được).", AllowMultipleArgumentsPerToken = false };
        var output = new Option<FileInfo>("--out") { Description = $"Tệp mô hình ghi ra (mô hình kèm dịch vụ: {Reranker.BuiltInModelPath}).", Required = true };
        var necessity = new Option<bool>("--necessity") { Description = "Bậc tìm đầu của mô hình nhân trọng số mỗi từ theo mức cần thiết học từ các câu hỏi (đòn bẩy, mặc định tắt)." };
        var command = new Command("train-reranker", "Huấn luyện bộ xếp hạng lại (ML.NET FastTree LambdaRank) trên các bộ BEIR.") { datasets, judged, judgedWithSources, output, necessity };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse);
            var evaluator = host.Services.GetRequiredService<RetrievalEvaluator>();
            var settings = new RerankerTrainerSettings { NecessityFirstStage = parse.GetValue(necessity) };
            var sets = new List<BeirDataset>();
            foreach (var folder in parse.GetValue(datasets)!)
            {
                sets.Add(await BeirDataset.LoadAsync(folder.FullName, cancellationToken: cancellationToken).ConfigureAwait(false));
            }

            var collectors = await RerankTrainingSets.OpenAsync(evaluator, sets, cancellationToken).ConfigureAwait(false);
            List<RerankGroup> groups;
            try
            {
                collectors.AddRange(await RerankTrainingSets.OpenJudgedAsync(host.Services, parse.GetValue(judged) ?? [], parse.GetValue(judgedWithSources) ?? [], cancellationToken).ConfigureAwait(false));

                var source = RerankTrainingSets.Source(collectors, settings.Candidates);
                groups = [.. await source(null, null, cancellationToken).ConfigureAwait(false)];

                // With --necessity the model's first stage weighs terms by the necessity learnt from all these
                // questions; each training question is searched with its own counts left out, as a new question is
                // in service.
                if (settings.NecessityFirstStage)
                {
                    groups = [.. await source(TermNecessity.Learn(groups), null, cancellationToken).ConfigureAwait(false)];
                }
            }
            finally
            {
                collectors.ForEach(c => c.Dispose());
            }

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
