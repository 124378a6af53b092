using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProcedureAssistant.Core.Questions;
using ProcedureAssistant.Core.Retrieval;

namespace ProcedureAssistant.Cli.Commands;

/// <summary>
/// <c>search "&lt;query&gt;" [--top N] [--json]</c>: the ranked chunks, without composing an answer; or
/// <c>search --queries FILE [--top N]</c>: every question of a file (JSONL with a <c>text</c> field, as BEIR's
/// queries.jsonl, or one question a line) searched on the live index, ending with the per-question search times.
/// </summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string?>("query") { Description = "Từ khóa hoặc câu hỏi.", Arity = ArgumentArity.ZeroOrOne };
        var queries = new Option<FileInfo?>("--queries") { Description = "Tệp câu hỏi (JSONL có trường text, hoặc mỗi dòng một câu): tìm từng câu trên chỉ mục và in thời gian tìm (p50, p95, max)." };
        var top = new Option<int>("--top") { Description = "Số kết quả (1–50).", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON như API." };
        top.Validators.Add(result =>
        {
            if (result.GetValue(top) is < 1 or > 50)
            {
                result.AddError("--top must be between 1 and 50.");
            }
        });
        var command = new Command("search", "Tìm các đoạn văn bản liên quan nhất.") { query, top, json, queries };
        command.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValue(query)) == (result.GetValue(queries) is null))
            {
                result.AddError("Give exactly one of a query or --queries FILE.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse);
            await CliHost.EnsureIndexAsync(host, cancellationToken).ConfigureAwait(false);
            var retriever = host.Services.GetRequiredService<Retriever>();
            if (parse.GetValue(queries) is { } file)
            {
                return await TimeAsync(retriever, file, parse.GetValue(top), cancellationToken).ConfigureAwait(false);
            }

            var reading = await host.Services.GetRequiredService<QuestionReader>().ReadAsync(parse.GetValue(query)!, cancellationToken).ConfigureAwait(false);
            var hits = await retriever.RetrieveAsync(reading.Terms, reading.SearchText, parse.GetValue(top), null, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliJson.Write(new
                {
                    results = hits.Select(h => new
                    {
                        documentId = h.Chunk.DocumentId,
                        chunkId = h.Chunk.Id,
                        title = h.Chunk.Title,
                        code = h.Chunk.Code,
                        number = h.Chunk.Number,
                        path = h.Chunk.Path,
                        score = Math.Round(h.Score, 4),
                        snippet = h.Chunk.Text.Length > 240 ? h.Chunk.Text[..240] + " …" : h.Chunk.Text,
                    }),
                });
                return 0;
            }

            var rank = 0;
            foreach (var hit in hits)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{++rank,2}. {hit.Score,7:0.000}  {hit.Chunk.Path}  ({hit.Chunk.Id})"));
            }

            if (hits.Count == 0)
            {
                Console.WriteLine("Không tìm thấy đoạn văn bản nào.");
            }

            return 0;
        });
        return command;
    }

    // The times of a running service: the questions are searched once untimed (the runtime compiles hot methods
    // again, optimised, after their first calls), then once more, each timed.
    private static async Task<int> TimeAsync(Retriever retriever, FileInfo file, int top, CancellationToken cancellationToken)
    {
        var questions = (await File.ReadAllLinesAsync(file.FullName, cancellationToken).ConfigureAwait(false))
            .Where(line => line.Trim().Length > 0)
            .Select(line => line.TrimStart().StartsWith('{') ? JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()! : line.Trim())
            .ToList();
        if (questions.Count == 0)
        {
            throw new InvalidDataException($"'{file.FullName}' holds no questions.");
        }

        foreach (var question in questions)
        {
            await retriever.RetrieveAsync(question, top, cancellationToken).ConfigureAwait(false);
        }

        // The processor time the process spent over the timed pass, per question: on a machine busy with other work
        // the wall-clock times include waiting for a processor, this does not.
        var times = new List<double>(questions.Count);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        foreach (var question in questions)
        {
            var started = Stopwatch.GetTimestamp();
            await retriever.RetrieveAsync(question, top, cancellationToken).ConfigureAwait(false);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        process.Refresh();
        var cpuPerQuestion = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / questions.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"queries={questions.Count} top={top} {LatencySummary.From(times)} cpuMsPerQuery={cpuPerQuestion:0.00}"));
        return 0;
    }
}
