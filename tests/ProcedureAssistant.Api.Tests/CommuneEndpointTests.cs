using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ProcedureAssistant.Api.Tests;

public sealed class CommuneEndpointTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Communes_NameOldCommunesShared_ListsEveryCandidateWithItsOldProvince()
    {
        var body = await fixture.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/communes?q=hoa%20thang", UriKind.Relative), Token);

        Assert.Equal("hoa thang", body.GetProperty("query").GetString());
        var old = body.GetProperty("matches").EnumerateArray().Where(m => m.GetProperty("matchedAs").GetString() == "old").ToList();
        var phuYen = Assert.Single(old, m => m.GetProperty("oldProvince").GetString() == "Tỉnh Phú Yên");
        var dakLak = Assert.Single(old, m => m.GetProperty("oldProvince").GetString() == "Tỉnh Đắk Lắk");
        Assert.Equal("Xã Hòa Thắng", phuYen.GetProperty("name").GetString());
        var destination = dakLak.GetProperty("newCommunes")[0];
        Assert.Equal("Tỉnh Đắk Lắk", destination.GetProperty("province").GetString());
        Assert.Equal("1660/NQ-UBTVQH15", destination.GetProperty("resolution").GetString());
        Assert.StartsWith("Điều 1, khoản ", destination.GetProperty("article").GetString(), StringComparison.Ordinal);
        Assert.False(destination.GetProperty("partial").GetBoolean());
    }

    [Fact]
    public async Task Communes_NamesakesOfOneProvince_EachCarryTheDistrictTheirResolutionNames()
    {
        var body = await fixture.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/communes?q=thanh%20loc&province=kien%20giang", UriKind.Relative), Token);

        var old = body.GetProperty("matches").EnumerateArray().Where(m => m.GetProperty("matchedAs").GetString() == "old" && m.GetProperty("oldProvince").GetString() == "Tỉnh Kiên Giang").ToList();
        Assert.Equal(["huyện Châu Thành", "huyện Giồng Riềng"], old.Select(m => m.GetProperty("district").GetString()).Order());
    }

    [Fact]
    public async Task Communes_NewCommuneInAProvince_GivesWhatItWasMadeOfAndItsResolution()
    {
        var body = await fixture.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/communes?q=x%C3%A3%20H%C3%B2a%20Ph%C3%BA&province=dak%20lak", UriKind.Relative), Token);

        var current = Assert.Single(body.GetProperty("matches").EnumerateArray(), m => m.GetProperty("matchedAs").GetString() == "new");
        Assert.Equal("Tỉnh Đắk Lắk", current.GetProperty("province").GetString());
        Assert.Equal(["Xã Hòa Khánh", "Xã Hòa Phú", "Xã Hòa Xuân"], current.GetProperty("oldCommunes").EnumerateArray().Select(o => o.GetString()).Order());
        Assert.Equal("Điều 1, khoản 1", current.GetProperty("article").GetString());
        Assert.Empty(current.GetProperty("newCommunes").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/communes")]
    [InlineData("/api/communes?q=")]
    [InlineData("/api/communes?q=%20%20")]
    public async Task Communes_BlankName_ReturnsValidationProblemNamingQ(string url)
    {
        using var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative), Token);

        await AskEndpointTests.AssertValidationProblemAsync(response, "q");
    }

    [Fact]
    public async Task Communes_UnknownName_ReturnsNoMatches()
    {
        var body = await fixture.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/communes?q=kh%C3%B4ng%20c%C3%B3%20x%C3%A3%20n%C3%A0y", UriKind.Relative), Token);

        Assert.Empty(body.GetProperty("matches").EnumerateArray());
    }

    [Fact]
    public async Task Communes_OverTheQuestionsLimit_Returns429()
    {
        await using var app = new ProcedureAssistantApp { Settings = new Dictionary<string, string> { ["RateLimiting:QuestionsPerMinute"] = "2" } };
        using var client = app.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.GetAsync(new Uri("/api/communes?q=hoa%20phu", UriKind.Relative), Token);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.GetAsync(new Uri("/api/communes?q=hoa%20phu", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }
}
