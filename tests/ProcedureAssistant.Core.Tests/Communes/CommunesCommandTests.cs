using System.Text.Json;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Core.Tests.Communes;

public sealed class CommunesCommandTests
{
    [Fact]
    public async Task Communes_Json_PrintsTheApiShapeWithEveryCandidate()
    {
        using var cli = await CliProcess.RunAsync(["communes", "hoa thang", "--province", "Phú Yên", "--json"]);

        Assert.Equal(0, cli.ExitCode);
        using var json = JsonDocument.Parse(cli.Output);
        Assert.Equal("hoa thang", json.RootElement.GetProperty("query").GetString());
        var match = Assert.Single(json.RootElement.GetProperty("matches").EnumerateArray());
        Assert.Equal(("Xã Hòa Thắng", "old", "Tỉnh Phú Yên"), (match.GetProperty("name").GetString(), match.GetProperty("matchedAs").GetString(), match.GetProperty("oldProvince").GetString()));
        Assert.Equal("1660/NQ-UBTVQH15", match.GetProperty("newCommunes")[0].GetProperty("resolution").GetString());
    }

    [Fact]
    public async Task Communes_Text_SaysWhereEachCandidateWasAndWent()
    {
        using var cli = await CliProcess.RunAsync(["communes", "Hòa Thắng"]);

        Assert.Equal(0, cli.ExitCode);
        // The two went into one province (Đắk Lắk, 1660/NQ-UBTVQH15), whose resolution names each with its district.
        Assert.Contains("Xã Hòa Thắng (trước 01/7/2025, huyện Phú Hòa, Tỉnh Phú Yên) → ", cli.Output, StringComparison.Ordinal);
        Assert.Contains("Xã Hòa Thắng (trước 01/7/2025, thành phố Buôn Ma Thuột, Tỉnh Đắk Lắk) → ", cli.Output, StringComparison.Ordinal);
        Assert.Contains("Xã Hòa Thắng (trước 01/7/2025, Tỉnh Lạng Sơn) → ", cli.Output, StringComparison.Ordinal);
    }
}
