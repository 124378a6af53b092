using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace ProcedureAssistant.Api.Tests;

/// <summary>
/// <c>ask --json</c> prints exactly what <c>POST /api/ask</c> returns: the same fields, nested the same way, with the
/// same values for the same question over the same corpus (the conversation id aside, which each call makes anew).
/// </summary>
public sealed class AskJsonShapeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("làm giấy khai sinh mất bao lâu", "citizen")]
    [InlineData("thẩm quyền đăng ký hộ tịch có yếu tố nước ngoài", "official")]
    [InlineData("giá vé máy bay đi Singapore tháng sau", "citizen")]
    public async Task AskJson_IsTheApisResponse(string question, string persona)
    {
        using var response = await fixture.Client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question, persona }, Token);
        var api = await response.Content.ReadFromJsonAsync<JsonElement>(Token);

        var cli = await AskCliAsync(question, persona);

        Assert.Equal(Shape(api), Shape(cli));
        Assert.Equal(Without(api, "conversationId"), Without(cli, "conversationId"));
        Assert.False(cli.TryGetProperty("text", out _), "the answer's field is 'answer', as in the API");
    }

    // Every property path with its JSON kind: "citations[].documentId:String".
    private static List<string> Shape(JsonElement element, string path = "")
    {
        var paths = new List<string>();
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    paths.AddRange(Shape(property.Value, path + "." + property.Name));
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    paths.AddRange(Shape(item, path + "[]"));
                }

                break;
            default:
                paths.Add(path + ":" + (element.ValueKind is JsonValueKind.True or JsonValueKind.False ? "Boolean" : element.ValueKind.ToString()));
                break;
        }

        return paths.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static string Without(JsonElement element, string property) =>
        JsonSerializer.Serialize(element.EnumerateObject().Where(p => p.Name != property).ToDictionary(p => p.Name, p => p.Value));

    private static async Task<JsonElement> AskCliAsync(string question, string persona)
    {
        var data = Directory.CreateTempSubdirectory("pa-ask-json-");
        try
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "procedure-assistant.dll"), "ask", question, "--persona", persona, "--json", "--corpus", Path.Combine(AppContext.BaseDirectory, "TestCorpus") })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["VectorStore__DataPath"] = data.FullName;
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(Token);
            var stderr = process.StandardError.ReadToEndAsync(Token);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var output = await stdout;
            Assert.True(process.ExitCode == 0, output + await stderr);

            // The index is built on first use, with progress on the terminal before the JSON.
            return JsonSerializer.Deserialize<JsonElement>(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
