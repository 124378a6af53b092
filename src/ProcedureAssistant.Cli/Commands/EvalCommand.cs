using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;
using ProcedureAssistant.Lab.Evaluation;
using ProcedureAssistant.Lab.Reranking;
using Spectre.Console;

namespace ProcedureAssistant.Cli.Commands;

/// <summary>
/// <c>eval --dataset DIR [--queries FILE] [--qrels FILE] [--top N] [--fold-queries] [--rerank MODE] [--rerank-train DIR ...]
/// [--rerank-without FEATURE,...] [--rerank-necessity] [--folds N] [--fold-seed N ...] [--json FILE] [--report FILE]</c>: retrieval metrics on a BEIR folder, ending with the metrics line of DESIGN.md; or
/// <c>eval --qa FILE [--sample N] [--seed S] [--llm-cache DIR] [--json FILE] [--report FILE]</c>: answer metrics; or
/// <c>eval --dataset DIR --answers [--queries FILE] [--unanswerable FILE] [--json FILE] [--report FILE]</c>: the same
/// answer metrics on a BEIR folder, its judged queries answerable and its unanswerable file (default
/// <c>DIR/unanswerable.jsonl</c>) to be refused.
/// Either runs on the configured backend (<c>VectorStore__Provider</c>), in a throw-away index.
/// </summary>
/// <remarks>
/// The shipped reranker was trained on the open questions of the benchmark sets, so its figures on those questions
/// would be contaminated. With the reranker configured on, a set that shares questions with the model's training set
/// is therefore cross-validated instead (and the output says so); <c>--rerank shipped</c> on such a set is refused.
/// </remarks>
internal static class EvalCommand
{
    public static Command Create()
    {
        var dataset = new Option<DirectoryInfo?>("--dataset") { Description = "Thư mục BEIR (corpus.jsonl, queries.jsonl, qrels.tsv)." };
        var qa = new Option<FileInfo?>("--qa") { Description = "Bộ câu hỏi JSONL để đánh giá câu trả lời (eval/questions.jsonl)." };
        var queries = new Option<FileInfo?>("--queries") { Description = "Tệp câu hỏi thay cho queries.jsonl." };
        var qrels = new Option<FileInfo?>("--qrels") { Description = "Tệp đáp án thay cho qrels.tsv." };
        var top = new Option<int>("--top") { Description = "Số kết quả lấy cho mỗi câu hỏi (tối thiểu 10).", DefaultValueFactory = _ => 10 };
        var fold = new Option<bool>("--fold-queries") { Description = "Bỏ dấu tiếng Việt khỏi câu hỏi trước khi tìm (mô phỏng gõ không dấu)." };
        var json = new Option<FileInfo?>("--json") { Description = "Ghi chỉ số và thứ hạng từng câu hỏi ra tệp JSON." };
        var report = new Option<FileInfo?>("--report") { Description = "Ghi báo cáo Markdown." };
        var sample = new Option<int?>("--sample") { Description = "Chỉ đánh giá N câu hỏi (--qa), chọn phân tầng theo loại câu hỏi, đối tượng và cách gõ." };
        var seed = new Option<int>("--seed") { Description = "Hạt giống chọn mẫu cho --sample (mặc định 1).", DefaultValueFactory = _ => 1 };
        var answers = new Option<bool>("--answers") { Description = "Với --dataset: hỏi từng câu qua dịch vụ trả lời (như --qa) thay vì chỉ đo truy hồi." };
        var unanswerable = new Option<FileInfo?>("--unanswerable") { Description = "Với --answers: tệp câu hỏi (dạng queries.jsonl) mà kho không trả lời được; mặc định DIR/unanswerable.jsonl nếu có." };
        var llmCache = new Option<DirectoryInfo?>("--llm-cache") { Description = "Thư mục lưu câu trả lời của mô hình theo mã băm của yêu cầu (--qa), để chạy lại không phải gọi mô hình." };
        var rerank = new Option<RerankMode>("--rerank")
        {
            Description = "Bộ xếp hạng lại: config (theo Retrieval:Rerank), off, shipped (mô hình kèm theo), cv (kiểm định chéo k phần theo câu hỏi), lodo (bỏ ra một bộ dữ liệu).",
            DefaultValueFactory = _ => RerankMode.Config,
        };
        var rerankTrain = new Option<DirectoryInfo[]>("--rerank-train") { Description = "Bộ BEIR huấn luyện thêm cho cv/lodo (mặc định: các bộ mô hình kèm theo đã học, cạnh --dataset)." };
        var without = new Option<string[]>("--rerank-without")
        {
            Description = "Bỏ các đặc trưng này khỏi cv/lodo (đo đóng góp của từng đặc trưng), ví dụ proximity,query_likelihood_gap.",
            AllowMultipleArgumentsPerToken = true,
        };
        var necessity = new Option<bool>("--rerank-necessity") { Description = "cv/lodo: bậc tìm đầu nhân trọng số mỗi từ của câu hỏi theo mức cần thiết học từ các câu hỏi huấn luyện (đòn bẩy, mặc định tắt)." };
        var folds = new Option<int>("--folds") { Description = "Số phần của kiểm định chéo (cv).", DefaultValueFactory = _ => 5 };
        var foldSeed = new Option<int[]>("--fold-seed")
        {
            Description = "Cách chia câu hỏi vào các phần của cv: 0 (mặc định) là cách các báo cáo dùng; số khác chia cùng các câu hỏi theo cách khác, để thấy con số phụ thuộc vào cách chia bao nhiêu. Nhiều số (--fold-seed 0 1 2 3 4): mỗi cách chia một dòng, rồi trung bình ± độ lệch chuẩn.",
            DefaultValueFactory = _ => [0],
            AllowMultipleArgumentsPerToken = true,
        };
        foldSeed.Validators.Add(result =>
        {
            var seeds = result.GetValue(foldSeed) ?? [];
            if (seeds.Length == 0 || seeds.Any(s => s < 0) || seeds.Distinct().Count() != seeds.Length)
            {
                result.AddError("--fold-seed takes one or more distinct numbers, each 0 or more.");
            }
        });
        folds.Validators.Add(result =>
        {
            if (result.GetValue(folds) is < 2 or > 20)
            {
                result.AddError("--folds must be between 2 and 20.");
            }
        });
        top.Validators.Add(result =>
        {
            if (result.GetValue(top) is < 1 or > 1000)
            {
                result.AddError("--top must be between 1 and 1000.");
            }
        });

        sample.Validators.Add(result =>
        {
            if (result.GetValue(sample) is < 1)
            {
                result.AddError("--sample must be at least 1.");
            }
        });

        var command = new Command("eval", "Đánh giá truy hồi (BEIR) hoặc câu trả lời (--qa).") { dataset, qa, answers, unanswerable, queries, qrels, top, fold, rerank, rerankTrain, without, necessity, folds, foldSeed, json, report, sample, seed, llmCache };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(dataset) is null) == (result.GetValue(qa) is null))
            {
                result.AddError("Give exactly one of --dataset DIR (retrieval) or --qa FILE (answers).");
            }

            if (result.GetValue(foldSeed) is { Length: > 1 } && (result.GetValue(json) is not null || result.GetValue(report) is not null))
            {
                result.AddError("--json and --report describe one split: give one --fold-seed with them.");
            }
        });
        command.Validators.Add(result =>
        {
            if (result.GetValue(unanswerable) is not null && !result.GetValue(answers))
            {
                result.AddError("--unanswerable goes with --dataset DIR --answers.");
            }

            if (result.GetValue(answers) && result.GetValue(dataset) is null)
            {
                result.AddError("--answers goes with --dataset DIR.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(qa) is { } questions)
            {
                var run = new QaEvalOptions(questions, parse.GetValue(json), parse.GetValue(report), parse.GetValue(sample), parse.GetValue(seed), parse.GetValue(llmCache));
                return await QaEvalRunner.RunAsync(parse, run, cancellationToken).ConfigureAwait(false);
            }

            if (parse.GetValue(answers))
            {
                return await RunAnswersAsync(parse, parse.GetValue(dataset)!, parse.GetValue(queries), parse.GetValue(qrels), parse.GetValue(unanswerable), cancellationToken).ConfigureAwait(false);
            }

            await using var scratch = ThrowAwayIndexHost.Create(parse);
            var data = await BeirDataset.LoadAsync(parse.GetValue(dataset)!.FullName, parse.GetValue(queries)?.FullName, parse.GetValue(qrels)?.FullName, cancellationToken).ConfigureAwait(false);
            var evaluator = scratch.Host.Services.GetRequiredService<RetrievalEvaluator>();

            // The embedded case keeps its in-memory index; Qdrant gets the throw-away alias.
            var index = scratch.Provider == VectorStoreProvider.Embedded ? null : scratch.Index;
            var folded = parse.GetValue(fold);
            var retrieval = scratch.Host.Services.GetRequiredService<IOptions<RetrievalOptions>>().Value;
            var choice = RerankChoice.Resolve(
                parse.GetValue(rerank),
                retrieval,
                scratch.Host.Services.GetRequiredService<IOptions<EmbeddingOptions>>().Value.Provider,
                data);
            if (choice.Refusal is { } refusal)
            {
                CliHost.Status.MarkupLineInterpolated($"[red]{refusal}[/]");
                return 2;
            }

            if (folded && retrieval.RestoreDiacritics)
            {
                var restoration = RetrievalEvaluator.MeasureRestoration(data, DiacriticRestorer.MinConfidence);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"restoration syllables={restoration.Syllables} accuracy={restoration.Accuracy:0.000} confident={restoration.KeptShare:0.000} confidentAccuracy={restoration.KeptAccuracy:0.000} minConfidence={DiacriticRestorer.MinConfidence}"));
            }

            if (choice.Mode is RerankMode.Cv or RerankMode.Lodo)
            {
                return await RerankEvalRunner.RunAsync(
                    evaluator, data, choice, parse.GetValue(rerankTrain), parse.GetValue(dataset)!, parse.GetValue(without) ?? [], parse.GetValue(necessity), parse.GetValue(foldSeed)!.Select(s => new CrossValidationFolds(parse.GetValue(folds), s)).ToList(), folded, parse.GetValue(json), parse.GetValue(report), cancellationToken).ConfigureAwait(false);
            }

            RetrievalEvaluation? evaluation = null;
            await CliHost.Status.Progress().StartAsync(async context =>
            {
                var task = context.AddTask($"Đánh giá {data.Name}", autoStart: true, maxValue: 1);
                var progress = new Progress<(int Done, int Total)>(p =>
                {
                    task.MaxValue = p.Total;
                    task.Value = p.Done;
                });
                evaluation = await evaluator.RunAsync(data, index, parse.GetValue(top), folded, choice.Shipped, progress, cancellationToken).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);

            var result = evaluation!;
            var latency = LatencySummary.From(result.LatenciesMs);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"dataset={data.Name} documents={data.Corpus.Count} foldQueries={folded.ToString().ToLowerInvariant()} backend={scratch.Provider.ToString().ToLowerInvariant()} reranker={choice.Label} indexSeconds={result.IndexElapsed.TotalSeconds:0.00} {latency}"));
            if (parse.GetValue(json) is { } jsonFile)
            {
                await File.WriteAllTextAsync(jsonFile.FullName, System.Text.Json.JsonSerializer.Serialize(new
                {
                    dataset = data.Name,
                    foldQueries = folded,
                    reranker = choice.Label,
                    metrics = result.Metrics,
                    latency,
                    queries = result.Results.Select(r => new { r.QueryId, ranking = r.Ranking.Take(10), relevant = r.Relevant, reciprocalRank = r.ReciprocalRank(10) }),
                }, CliJson.Options), cancellationToken).ConfigureAwait(false);
            }

            if (parse.GetValue(report) is { } reportFile)
            {
                await File.WriteAllTextAsync(reportFile.FullName, Report(data, result.Metrics, folded, choice.Label, latency, Environment.GetCommandLineArgs()), cancellationToken).ConfigureAwait(false);
            }

            Console.WriteLine(result.Metrics.ToMetricsLine());
            return 0;
        });
        return command;
    }

    // A BEIR folder asked as a QA set: the corpus is written out as corpus files and ingested like the service's own.
    private static async Task<int> RunAnswersAsync(ParseResult parse, DirectoryInfo folder, FileInfo? queries, FileInfo? qrels, FileInfo? unanswerable, CancellationToken cancellationToken)
    {
        var data = await BeirDataset.LoadAsync(folder.FullName, queries?.FullName, qrels?.FullName, cancellationToken).ConfigureAwait(false);
        var refused = unanswerable?.FullName ?? Path.Combine(folder.FullName, "unanswerable.jsonl");
        var extra = unanswerable is not null || File.Exists(refused) ? await BeirDataset.LoadQueriesAsync(refused, cancellationToken).ConfigureAwait(false) : [];
        var items = BeirAnswerSet.Questions(data, extra);
        var corpus = Directory.CreateTempSubdirectory("pa-eval-corpus-");
        try
        {
            await BeirAnswerSet.WriteCorpusAsync(data, corpus.FullName, cancellationToken).ConfigureAwait(false);
            var run = new QaEvalOptions(queries ?? new FileInfo(Path.Combine(folder.FullName, "queries.jsonl")), parse.GetValue<FileInfo?>("--json"), parse.GetValue<FileInfo?>("--report"), null, 1, parse.GetValue<DirectoryInfo?>("--llm-cache"));
            return await QaEvalRunner.RunAsync(parse, run, items, items.Count, corpus.FullName, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            corpus.Delete(recursive: true);
        }
    }

    /// <summary>The Markdown report of one run; without latencies (cross-validated runs) the search columns say so.</summary>
    internal static string Report(BeirDataset data, RetrievalMetrics m, bool folded, string reranker, LatencySummary? latency, string[] args)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Retrieval: {data.Name}{(folded ? " (questions without diacritics)" : string.Empty)}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{data.Corpus.Count} documents, {m.Queries} judged queries, reranker: {reranker}, {DateTime.UtcNow:yyyy-MM-dd}.");
        text.AppendLine();
        text.AppendLine("| MRR@10 | R@1 | R@5 | R@10 | nDCG@10 | search p50 | search p95 |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| {m.Mrr10:0.000} | {m.Recall1:0.000} | {m.Recall5:0.000} | {m.Recall10:0.000} | {m.Ndcg10:0.000} | {(latency is null ? "–" : $"{latency.P50Ms:0.0} ms")} | {(latency is null ? "–" : $"{latency.P95Ms:0.0} ms")} |");
        text.AppendLine();
        if (latency is null)
        {
            text.AppendLine("Search times are not measured in a cross-validated run (see `eval/reports/latency.md`).");
            text.AppendLine();
        }

        text.AppendLine("Produced by:");
        text.AppendLine();
        text.AppendLine("```");
        text.AppendLine("dotnet run --project src/ProcedureAssistant.Cli -c Release -- " + string.Join(' ', args.Skip(1)));
        text.AppendLine("```");
        return text.ToString();
    }
}
