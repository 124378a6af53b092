using System.Net.Http.Json;
using System.Text.Json;

namespace ProcedureAssistant.Api.Tests;

public sealed class ConversationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("làm giấy khai sinh cho con cần gì", "tthc-1.001193")]
    [InlineData("đăng ký kết hôn ở đâu", "tthc-1.000894")]
    public async Task FollowUp_WithConversationId_KeepsThePreviousTopic(string first, string expected)
    {
        var opening = await AskAsync(new { question = first });
        var conversationId = opening.GetProperty("conversationId").GetString();
        Assert.False(string.IsNullOrEmpty(conversationId));

        var followUp = await AskAsync(new { question = "mất bao lâu?", conversationId });

        Assert.False(followUp.GetProperty("abstained").GetBoolean(), followUp.ToString());
        Assert.Equal(expected, followUp.GetProperty("citations")[0].GetProperty("documentId").GetString());
        Assert.Equal(conversationId, followUp.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task FollowUp_IsSearchedWithTheNameOfWhatWasAnswered_AndAnswersTheAskedField()
    {
        var opening = await AskAsync(new { question = "con em mới sinh, đi khai sinh ở xã cần mang những gì ạ" });
        var conversationId = opening.GetProperty("conversationId").GetString();

        var followUp = await AskAsync(new { question = "còn lệ phí thì sao?", conversationId });

        Assert.False(followUp.GetProperty("abstained").GetBoolean(), followUp.ToString());
        Assert.StartsWith("Lệ phí đăng ký khai sinh (cấp xã): Miễn lệ phí khi đăng ký đúng hạn", followUp.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUp_WithoutConversation_HasNoTopicToLeanOn_AndIsAskedWhichProcedure()
    {
        var alone = await AskAsync(new { question = "mất bao lâu?" });

        // Nothing to answer from without guessing a procedure: the reply asks which one, citing nothing.
        Assert.Equal("names-no-procedure", alone.GetProperty("decision").GetProperty("rule").GetString());
        Assert.Equal(0, alone.GetProperty("citations").GetArrayLength());
        Assert.Contains("thủ tục nào?", alone.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_ConversationIdTooLong_IsRejected()
    {
        using var response = await fixture.Client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question = "khai sinh", conversationId = new string('x', 101) }, Token);

        await AskEndpointTests.AssertValidationProblemAsync(response, "ConversationId");
    }

    private async Task<JsonElement> AskAsync(object request)
    {
        using var response = await fixture.Client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), request, Token);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
    }
}
