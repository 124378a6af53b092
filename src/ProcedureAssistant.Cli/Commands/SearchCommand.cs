using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ProcedureAssistant.Core.Questions;
using ProcedureAssistant.Core.Retrieval;

namespace ProcedureAssistant.Cli.Commands;

/// <summary><c>search "&lt;query&gt;" [--top N] [--json]</c>: the ranked chunks, without composing an answer.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Từ khóa hoặc câu hỏi." };
        var top = new Option<int>("--top") { Description = "Số kết quả (1–50).", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON như API." };
        top.Validators.Add(result =>
        {
            if (result.GetValue(top) is < 1 or > 50)
            {
                result.AddError("--top must be between 1 and 50.");
            }
        });
        var command = new Command("search", "Tìm các đoạn văn bản liên quan nhất.") { query, top, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse);
            await CliHost.EnsureIndexAsync(host, cancellationToken).ConfigureAwait(false);
            var retriever = host.Services.GetRequiredService<Retriever>();
            var reading = await host.Services.GetRequiredService<QuestionReader>().ReadAsync(parse.GetValue(query)!, cancellationToken).ConfigureAwait(false);
            var hits = await retriever.RetrieveAsync(reading.Terms, reading.SearchText, parse.GetValue(top), cancellationToken).ConfigureAwait(false);
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
}
