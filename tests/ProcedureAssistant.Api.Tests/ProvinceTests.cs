using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcedureAssistant.Core.Indexing.Qdrant;
using ProcedureAssistant.Core.Tests.Indexing;

namespace ProcedureAssistant.Api.Tests;

/// <summary>
/// One deployment, several provinces, on both backends (Qdrant: <c>QDRANT_URL</c>; skipped, with the reason, without
/// it): two provinces' decisions that disagree (a fee of 8,000 against 15,000 đồng; a permit delegated to the
/// provincial construction department against the economic zones board) and a national text. A question or search
/// limited to one province never cites the other's decision; one that names no province gets the deployment's
/// (Corpus:Province, dak-lak by default); a province the service does not hold is refused naming the field.
/// </summary>
public sealed class ProvinceTests
{
    private const string FeeQuestion = "lệ phí đăng ký khai sinh không đúng hạn là bao nhiêu";
    private const string DelegationQuestion = "ai được ủy quyền cấp giấy phép xây dựng công trình cấp II";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> Backends => ["Embedded", "Qdrant"];

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Ask_LimitedToAProvince_CitesOnlyItsOwnDecisionsAndTheNationalTexts(string backend)
    {
        await using var app = await StartAsync(backend);
        using var client = await app.App.CreateReadyClientAsync();

        var dakLakFee = await AskAsync(client, FeeQuestion, "dak-lak");
        var giaLaiFee = await AskAsync(client, FeeQuestion, "Gia Lai");
        var defaultFee = await AskAsync(client, FeeQuestion, null);
        var dakLakPermit = await AskAsync(client, DelegationQuestion, "Đắk Lắk");
        var giaLaiPermit = await AskAsync(client, DelegationQuestion, "gia-lai");

        AssertCites(dakLakFee, "qd-le-phi-ho-tich-dak-lak", "8.000", notFrom: "gia-lai");
        AssertCites(giaLaiFee, "qd-le-phi-ho-tich-gia-lai", "15.000", notFrom: "dak-lak");
        AssertCites(defaultFee, "qd-le-phi-ho-tich-dak-lak", "8.000", notFrom: "gia-lai");
        AssertCites(dakLakPermit, "qd-uy-quyen-xay-dung-dak-lak", "Sở Xây dựng", notFrom: "gia-lai");
        AssertCites(giaLaiPermit, "qd-uy-quyen-xay-dung-gia-lai", "khu kinh tế", notFrom: "dak-lak");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Search_LimitedToAProvince_ReturnsItsTextsAndTheNationalOnesOnly(string backend)
    {
        await using var app = await StartAsync(backend);
        using var client = await app.App.CreateReadyClientAsync();

        var giaLai = await SearchAsync(client, "lệ phí đăng ký khai sinh", "&province=gia-lai");
        var byDefault = await SearchAsync(client, "lệ phí đăng ký khai sinh", "&top=50");

        Assert.Contains("qd-le-phi-ho-tich-dak-lak", byDefault);
        Assert.Contains("qd-le-phi-ho-tich-gia-lai", giaLai);
        Assert.Contains("tt-le-phi-ho-tich", giaLai);
        Assert.DoesNotContain(giaLai, id => id.EndsWith("-dak-lak", StringComparison.Ordinal));
        Assert.DoesNotContain(byDefault, id => id.EndsWith("-gia-lai", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IndexStatus_ListsTheProvincesAQuestionMayBeAskedFor_WithTheirNames()
    {
        await using var app = await StartAsync("Embedded");
        using var client = await app.App.CreateReadyClientAsync();

        var status = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/index", UriKind.Relative), Token);

        Assert.Equal("dak-lak", status.GetProperty("defaultProvince").GetString());
        Assert.Equal(
            ["dak-lak Đắk Lắk", "gia-lai Gia Lai"],
            status.GetProperty("provinces").EnumerateArray().Select(p => p.GetProperty("key").GetString() + " " + p.GetProperty("name").GetString()));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task AskAndSearch_UnknownOrBlankProvince_Return400NamingTheField(string backend)
    {
        await using var app = await StartAsync(backend);
        using var client = await app.App.CreateReadyClientAsync();

        using var ask = await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question = FeeQuestion, province = "Hà Nội" }, Token);
        using var stream = await client.PostAsJsonAsync(new Uri("/api/ask/stream", UriKind.Relative), new { question = FeeQuestion, province = " " }, Token);
        using var search = await client.GetAsync(new Uri("/api/search?q=le+phi&province=", UriKind.Relative), Token);

        var reasons = new List<string>();
        foreach (var response in new[] { ask, stream, search })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
            reasons.Add(problem.GetProperty("errors").GetProperty("province")[0].GetString()!);
        }

        Assert.All(reasons, reason => Assert.Contains("dak-lak, gia-lai", reason, StringComparison.Ordinal));
        Assert.StartsWith("'Hà Nội' is not a province this service holds texts of", reasons[0], StringComparison.Ordinal);
        Assert.StartsWith("The province must not be blank", reasons[1], StringComparison.Ordinal);
        Assert.StartsWith("The province must not be blank", reasons[2], StringComparison.Ordinal);
    }

    private static void AssertCites(JsonElement answer, string documentId, string fact, string notFrom)
    {
        Assert.False(answer.GetProperty("abstained").GetBoolean(), answer.GetProperty("answer").GetString());
        var cited = answer.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("documentId").GetString()!).ToList();
        Assert.Equal(documentId, cited[0]);
        Assert.DoesNotContain(cited, id => id.EndsWith("-" + notFrom, StringComparison.Ordinal));
        Assert.Contains(fact, answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> AskAsync(HttpClient client, string question, string? province)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/ask", UriKind.Relative), new { question, province }, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
    }

    private static async Task<List<string>> SearchAsync(HttpClient client, string query, string more)
    {
        var result = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/search?q={Uri.EscapeDataString(query)}{more}", UriKind.Relative), Token);
        return result.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("documentId").GetString()!).ToList();
    }

    private static async Task<ProvinceApp> StartAsync(string backend)
    {
        var settings = new Dictionary<string, string>();
        QdrantOptions? qdrant = null;
        if (backend == "Qdrant")
        {
            await QdrantTestServer.RequireAsync();
            var options = QdrantTestServer.Options();
            qdrant = options;
            settings["VectorStore:Provider"] = "Qdrant";
            settings["Qdrant:Endpoint"] = options.Endpoint!.ToString();
            settings["Qdrant:Collection"] = options.Collection;
            settings["Qdrant:ApiKey"] = options.ApiKey ?? string.Empty;
        }

        var corpus = Path.Combine(AppContext.BaseDirectory, "TestCorpusProvinces");
        return new ProvinceApp(new ProcedureAssistantApp { CorpusPath = corpus, Settings = settings }, qdrant);
    }

    private sealed class ProvinceApp(ProcedureAssistantApp app, QdrantOptions? qdrant) : IAsyncDisposable
    {
        public ProcedureAssistantApp App => app;

        public async ValueTask DisposeAsync()
        {
            await app.DisposeAsync();
            if (qdrant is not null)
            {
                await QdrantTestServer.DeleteBuildsAsync(qdrant);
            }
        }
    }
}
