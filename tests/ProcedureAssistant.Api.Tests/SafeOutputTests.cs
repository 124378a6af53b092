using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ProcedureAssistant.Api.Tests.Fakes;

namespace ProcedureAssistant.Api.Tests;

/// <summary>
/// What the service returns carries no live markup and no link but http(s), whatever a document or an upload holds:
/// entities are decoded and tags stripped when a document is read, and the API strips what is left at its boundary.
/// </summary>
public sealed class SafeOutputTests(SafeOutputTests.Fixture fixture) : IClassFixture<SafeOutputTests.Fixture>
{
    private const string HostileRecord = """
        ---
        id: tthc-9.999001
        type: procedure
        code: "9.999001"
        title: "Đăng ký nuôi ong mật <img src=x onerror=alert(1)>"
        field: Nông nghiệp
        level: xa
        authority: UBND cấp xã
        source: "javascript:alert(1)"
        ---
        # Đăng ký nuôi ong mật <script>alert(2)</script>
        ## Thành phần hồ sơ
        - Tờ khai đăng ký nuôi ong mật &lt;script&gt;alert(3)&lt;/script&gt;
        - Bản vẽ vị trí đặt thùng ong <a href="javascript:alert(4)">xem</a> <b>bắt buộc</b>
        ## Thời hạn giải quyết
        Trong 05 ngày làm việc <iframe src="https://example.org"></iframe>
        """;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ask_DocumentWithMarkup_AnswersAndCitesWithoutIt()
    {
        using var response = await fixture.Admin.Client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question = "đăng ký nuôi ong mật cần hồ sơ gì" }, Token);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Token);

        Assert.False(answer.GetProperty("abstained").GetBoolean(), answer.ToString());
        var citation = answer.GetProperty("citations")[0];
        Assert.Equal("tthc-9.999001", citation.GetProperty("documentId").GetString());
        Assert.Contains("Tờ khai đăng ký nuôi ong mật", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, citation.TryGetProperty("url", out var url) ? url.ValueKind : JsonValueKind.Null);
        AssertNoMarkup(answer);
    }

    [Fact]
    public async Task SearchAndDocuments_DocumentWithMarkup_ReturnItWithout()
    {
        var search = await fixture.Admin.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/search?q=nuoi%20ong%20mat", UriKind.Relative), Token);
        var document = await fixture.Admin.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/documents/tthc-9.999001", UriKind.Relative), Token);
        var list = await fixture.Admin.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/documents", UriKind.Relative), Token);

        Assert.Equal("tthc-9.999001", search.GetProperty("results")[0].GetProperty("documentId").GetString());
        Assert.Equal("Đăng ký nuôi ong mật", document.GetProperty("document").GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, document.GetProperty("document").GetProperty("source").ValueKind);
        AssertNoMarkup(search);
        AssertNoMarkup(document);
        AssertNoMarkup(list);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("//evil.example/x")]
    [InlineData("vbscript:msgbox(1)")]
    public async Task Upload_SourceThatIsNotAnHttpUrl_Is400NamingSource(string source)
    {
        var before = fixture.Admin.CorpusFiles();
        using var form = AdminTestApp.Form("nghi-dinh.txt", Encoding.UTF8.GetBytes("Điều 1. Nội dung"), ("type", "regulation"), ("title", "Nghị định thử nguồn"), ("source", source));

        using var response = await fixture.Admin.SendAsync(HttpMethod.Post, "/api/admin/documents", form);

        var problem = await RequestHygieneTests.ProblemAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, problem.ToString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("source", out _), problem.ToString());
        Assert.Equal(before, fixture.Admin.CorpusFiles());
    }

    [Fact]
    public async Task Upload_HtmlWithEntitiesAndATitleWithMarkup_IsStoredAsPlainText()
    {
        var html = "<html><body><p>Điều 1. Phạm vi &lt;script&gt;alert(1)&lt;/script&gt; điều chỉnh việc nuôi tằm</p><p>Điều 2. Hồ sơ &amp; thủ tục &lt;b&gt;đậm&lt;/b&gt;</p></body></html>";
        using var form = AdminTestApp.Form("nuoi-tam.html", Encoding.UTF8.GetBytes(html), ("type", "regulation"), ("title", "Quy định nuôi tằm <img src=x onerror=alert(1)>"), ("id", "qd-nuoi-tam"));

        using var response = await fixture.Admin.SendAsync(HttpMethod.Post, "/api/admin/documents", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await File.ReadAllTextAsync(Directory.GetFiles(fixture.Admin.CorpusPath, "qd-nuoi-tam.md", SearchOption.AllDirectories).Single(), Token);

        Assert.Contains("Hồ sơ & thủ tục", stored, StringComparison.Ordinal);
        Assert.Contains("Quy định nuôi tằm", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("<", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", stored, StringComparison.Ordinal);
    }

    // No element or comment a browser would build from the text, and no link to a script.
    private static void AssertNoMarkup(JsonElement body)
    {
        foreach (var text in Strings(body))
        {
            Assert.DoesNotMatch("<[a-zA-Z!/?]", text);
            Assert.DoesNotContain("javascript:", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("&lt;", text, StringComparison.Ordinal);
        }
    }

    // Every string value of a JSON body, decoded, so that an escaped '<' counts as one.
    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    /// <summary>An admin app over the test corpus plus one procedure record full of markup.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public AdminTestApp Admin { get; private set; } = null!;

        public async ValueTask InitializeAsync() =>
            Admin = await AdminTestApp.StartAsync(prepareCorpus: corpus => File.WriteAllText(Path.Combine(corpus, "tthc-9.999001.md"), HostileRecord));

        public ValueTask DisposeAsync() => Admin.DisposeAsync();
    }
}
