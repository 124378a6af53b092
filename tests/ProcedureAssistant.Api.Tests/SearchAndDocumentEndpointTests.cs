using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ProcedureAssistant.Api.Tests;

public sealed class SearchAndDocumentEndpointTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_RanksTheMatchingChunkFirst()
    {
        var body = await fixture.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/search?q=dang%20ky%20ket%20hon&top=2", UriKind.Relative), Token);

        var results = body.GetProperty("results");
        Assert.InRange(results.GetArrayLength(), 1, 2);
        Assert.Equal("tthc-1.000894", results[0].GetProperty("documentId").GetString());
        Assert.True(results[0].GetProperty("score").GetDouble() > 0);
        Assert.False(string.IsNullOrEmpty(results[0].GetProperty("snippet").GetString()));
    }

    [Theory]
    [InlineData("/api/search", "q")]
    [InlineData("/api/search?q=", "q")]
    [InlineData("/api/search?q=khai%20sinh&top=0", "top")]
    [InlineData("/api/search?q=khai%20sinh&top=51", "top")]
    public async Task Search_BadInput_ReturnsValidationProblemNamingTheField(string url, string field)
    {
        using var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative), Token);

        await AskEndpointTests.AssertValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task Documents_ListsEveryIndexedDocument()
    {
        var body = await fixture.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/documents", UriKind.Relative), Token);

        var ids = body.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Equal(["guide-injection", "luat-65-2025-qh15", "nd-120-2025", "tthc-1.000894", "tthc-1.001193"], ids);
        var superseded = body.GetProperty("documents")[1];
        Assert.False(superseded.GetProperty("inForce").GetBoolean());
        Assert.Equal("regulation", superseded.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Document_ById_HasItsChunksAndLegalBasis()
    {
        var body = await fixture.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/documents/tthc-1.001193", UriKind.Relative), Token);

        Assert.Equal("Đăng ký khai sinh", body.GetProperty("document").GetProperty("title").GetString());
        Assert.Equal("Luật Hộ tịch 2014, Điều 16", body.GetProperty("legalBasis")[0].GetString());
        Assert.Equal("tthc-1.001193#0", body.GetProperty("chunks")[0].GetProperty("chunkId").GetString());
    }

    [Fact]
    public async Task Document_UnknownId_Returns404Problem()
    {
        using var response = await fixture.Client.GetAsync(new Uri("/api/documents/khong-co", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Contains("khong-co", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/procedures", "tthc-1.000894,tthc-1.001193")]
    [InlineData("/api/procedures?field=h%E1%BB%99%20t%E1%BB%8Bch&level=xa", "tthc-1.000894,tthc-1.001193")]
    [InlineData("/api/procedures?level=tinh", "")]
    [InlineData("/api/procedures?field=Ch%E1%BB%A9ng%20th%E1%BB%B1c", "")]
    [InlineData("/api/procedures?field=ho%20tich", "tthc-1.000894,tthc-1.001193")]
    [InlineData("/api/procedures?field=HO%20%20TICH&level=c%E1%BA%A5p%20x%C3%A3", "tthc-1.000894,tthc-1.001193")]
    [InlineData("/api/procedures?field=ho%20tich&level=bo", "")]
    public async Task Procedures_FilterByFieldAndLevel(string url, string expected)
    {
        var body = await fixture.Client.GetFromJsonAsync<JsonElement>(new Uri(url, UriKind.Relative), Token);

        Assert.Equal(expected, string.Join(',', body.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString())));
    }

    [Theory]
    [InlineData("/api/procedures?level=huyen")]
    [InlineData("/api/procedures?level=c%E1%BA%A5p%20huy%E1%BB%87n&field=ho%20tich")]
    public async Task Procedures_UnknownLevel_ReturnsValidationProblemNamingLevel(string url)
    {
        using var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative), Token);

        await AskEndpointTests.AssertValidationProblemAsync(response, "level");
    }

    [Fact]
    public async Task Health_LiveAndReady()
    {
        using var live = await fixture.Client.GetAsync(new Uri("/health/live", UriKind.Relative), Token);
        var ready = await fixture.Client.GetFromJsonAsync<JsonElement>(new Uri("/health/ready", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_DescribesTheEndpoints()
    {
        var document = await fixture.Client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative), Token);

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/ask", "/api/search", "/api/documents", "/api/documents/{id}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"the OpenAPI document should describe {path}");
        }
    }
}
