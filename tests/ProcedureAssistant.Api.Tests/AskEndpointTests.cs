using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ProcedureAssistant.Api.Tests;

public sealed class AskEndpointTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("làm giấy khai sinh cho con cần gì")]
    [InlineData("lam giay khai sinh cho con can gi")]
    public async Task Ask_BirthQuestion_CitesBirthRegistration(string question)
    {
        var answer = await AskAsync(new { question });

        Assert.False(answer.GetProperty("abstained").GetBoolean());
        Assert.Equal("extractive", answer.GetProperty("mode").GetString());
        var first = answer.GetProperty("citations")[0];
        Assert.Equal(1, first.GetProperty("index").GetInt32());
        Assert.Equal("tthc-1.001193", first.GetProperty("documentId").GetString());
        Assert.Equal("1.001193", first.GetProperty("code").GetString());
        Assert.Equal("tthc-1.001193#0", first.GetProperty("chunkId").GetString());
        var text = answer.GetProperty("answer").GetString();
        Assert.Contains("Giấy chứng sinh", text, StringComparison.Ordinal);
        Assert.Contains("[1]", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_MisspeltQuestionWithShorthand_IsReadAsMeant()
    {
        // Without normalisation "sin" and "ko" are words no text holds, and the evidence looks too weak to answer.
        var answer = await AskAsync(new { question = "khai sin cho con cần giấy tờ gì ko" });

        Assert.False(answer.GetProperty("abstained").GetBoolean());
        Assert.Equal("tthc-1.001193", answer.GetProperty("citations")[0].GetProperty("documentId").GetString());
        Assert.Contains("Giấy chứng sinh", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_RegulationQuestion_QuotesTheArticleWithItsPath()
    {
        var answer = await AskAsync(new { question = "thẩm quyền đăng ký hộ tịch có yếu tố nước ngoài", persona = "official" });

        var first = answer.GetProperty("citations")[0];
        Assert.Equal("120/2025/NĐ-CP", first.GetProperty("number").GetString());
        Assert.Equal("120/2025/NĐ-CP › Điều 4", first.GetProperty("path").GetString());
        Assert.Equal("official", answer.GetProperty("persona").GetString());
        Assert.StartsWith("Theo Nghị định 120/2025/NĐ-CP về phân định thẩm quyền trong lĩnh vực tư pháp, Điều 4: Ủy ban nhân dân cấp xã thực hiện đăng ký hộ tịch, kể cả việc hộ tịch có yếu tố nước ngoài [1].", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_SupersededLaw_SaysSo()
    {
        var answer = await AskAsync(new { question = "tổ chức chính quyền ba cấp tỉnh huyện xã" });

        Assert.Equal("luat-65-2025-qh15", answer.GetProperty("citations")[0].GetProperty("documentId").GetString());
        Assert.Contains("đã được thay thế", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_OutOfDomain_DeclinesPolitelyAndRefers()
    {
        var answer = await AskAsync(new { question = "giá vé máy bay đi Singapore tháng sau" });

        Assert.True(answer.GetProperty("abstained").GetBoolean());
        Assert.Equal(0, answer.GetProperty("citations").GetArrayLength());
        var text = answer.GetProperty("answer").GetString();
        Assert.StartsWith("Xin lỗi, tôi chỉ hỗ trợ", text, StringComparison.Ordinal);
        Assert.Equal("out-of-scope", answer.GetProperty("decision").GetProperty("rule").GetString());
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("decision").GetProperty("reason").GetString()));
        Assert.Contains("Trung tâm Phục vụ hành chính công", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_InDomainButNotInTheCorpus_SaysSoAndRefers()
    {
        var answer = await AskAsync(new { question = "đăng ký giám hộ cho cháu mồ côi cần giấy tờ gì" });

        Assert.True(answer.GetProperty("abstained").GetBoolean(), answer.ToString());
        var text = answer.GetProperty("answer").GetString();
        Assert.StartsWith("Tôi chưa tìm thấy văn bản nào trong hệ thống trả lời được câu hỏi này.", text, StringComparison.Ordinal);
        Assert.Equal("not-in-sources", answer.GetProperty("decision").GetProperty("rule").GetString());
        Assert.Contains("Trung tâm Phục vụ hành chính công", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_RecordWithTheField_AnswersThatFieldFirst_CitingOnlyTheRecord()
    {
        var answer = await AskAsync(new { question = "làm giấy khai sinh mất bao lâu" });

        var citation = Assert.Single(answer.GetProperty("citations").EnumerateArray());
        Assert.Equal("tthc-1.001193", citation.GetProperty("documentId").GetString());
        var lines = answer.GetProperty("answer").GetString()!.Split('\n');
        Assert.Equal(
            "Thời hạn giải quyết đăng ký khai sinh (cấp xã): Trong ngày; nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo [1].",
            lines[0]);
        Assert.DoesNotContain(lines.Skip(1), l => l.Contains("Thời hạn giải quyết", StringComparison.Ordinal));
        Assert.Equal("answer", answer.GetProperty("decision").GetProperty("rule").GetString());
    }

    [Theory]
    [InlineData("""{"question":""}""", "Question")]
    [InlineData("""{"question":"   "}""", "Question")]
    [InlineData("""{}""", "Question")]
    [InlineData("""{"question":"khai sinh","topK":0}""", "TopK")]
    [InlineData("""{"question":"khai sinh","topK":21}""", "TopK")]
    [InlineData("""{"question":"khai sinh","persona":"mayor"}""", "Persona")]
    public async Task Ask_BadInput_ReturnsValidationProblemNamingTheField(string body, string field)
    {
        using var response = await fixture.Client.PostAsync(new Uri("/api/ask", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Token);

        await AssertValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task Ask_QuestionOver2000Characters_ReturnsValidationProblem()
    {
        using var response = await fixture.Client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question = new string('a', 2001) }, Token);

        await AssertValidationProblemAsync(response, "Question");
    }

    internal static async Task AssertValidationProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {problem}");
        Assert.DoesNotContain("   at ", problem.ToString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> AskAsync(object request)
    {
        using var response = await fixture.Client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), request, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
    }
}
