using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ProcedureAssistant.Api.Tests;

public sealed class StartupTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Startup_MissingCorpus_StaysUnreadyAndSaysWhy()
    {
        await using var app = new ProcedureAssistantApp { CorpusPath = "/no/such/corpus" };
        using var client = app.CreateClient();

        JsonElement ready = default;
        for (var i = 0; i < 100; i++)
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Token);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            ready = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
            if (ready.ToString().Contains("could not be prepared", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(50, Token);
        }

        Assert.Contains("/no/such/corpus", ready.ToString(), StringComparison.Ordinal);
        using var ask = await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question = "khai sinh" }, Token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ask.StatusCode);
        Assert.Equal("application/problem+json", ask.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("làm giấy khai sinh cho con cần gì")]
    [InlineData("lam giay khai sinh cho con can gi")]
    public async Task BundledCorpus_BirthQuestion_CitesBirthRegistration(string question)
    {
        await using var app = new ProcedureAssistantApp { CorpusPath = ProcedureAssistantApp.BundledCorpusPath };
        using var client = await app.CreateReadyClientAsync();

        using var response = await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question }, Token);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Token);

        Assert.False(answer.GetProperty("abstained").GetBoolean(), answer.ToString());
        Assert.Contains(
            answer.GetProperty("citations").EnumerateArray(),
            c => c.GetProperty("code").GetString() == "1.001193");
    }
}
