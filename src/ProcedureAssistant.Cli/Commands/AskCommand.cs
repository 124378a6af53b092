using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ProcedureAssistant.Core.Answering;

namespace ProcedureAssistant.Cli.Commands;

/// <summary><c>ask "&lt;question&gt;" [--persona citizen|official] [--top N] [--json]</c>.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "Câu hỏi, ví dụ \"làm giấy khai sinh cho con cần gì\"." };
        var persona = new Option<Persona>("--persona") { Description = "citizen (người dân) hoặc official (cán bộ).", DefaultValueFactory = _ => Persona.Citizen };
        var top = new Option<int?>("--top") { Description = "Số đoạn văn bản dùng để trả lời (1–20)." };
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON như API." };
        top.Validators.Add(result =>
        {
            if (result.GetValue(top) is < 1 or > 20)
            {
                result.AddError("--top must be between 1 and 20.");
            }
        });
        var command = new Command("ask", "Hỏi một câu và nhận câu trả lời có trích dẫn.") { question, persona, top, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(parse);
            await CliHost.EnsureIndexAsync(host, cancellationToken).ConfigureAwait(false);
            var answers = host.Services.GetRequiredService<AnswerService>();
            var answer = await answers.AskAsync(parse.GetValue(question)!, parse.GetValue(persona), parse.GetValue(top), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                CliJson.Write(AskJson.Of(answer, parse.GetValue(persona)));
                return 0;
            }

            Console.WriteLine(answer.Text);
            if (answer.Citations.Count > 0)
            {
                Console.WriteLine();
                Console.WriteLine("Nguồn:");
                foreach (var citation in answer.Citations)
                {
                    Console.WriteLine($"[{citation.Index}] {citation.Path}{(citation.Url is null ? string.Empty : " " + citation.Url)}");
                }
            }

            return 0;
        });
        return command;
    }
}
