using System.Text.Json;
using ProcedureAssistant.Core.Communes;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Core.Tests.Communes;

public sealed class CommuneMappingImporterTests
{
    [Fact]
    public void Import_SharedMapping_IsTheShippedDataFile()
    {
        var folder = SharedData.RealData("communes");
        var commit = File.ReadAllText(Path.Combine(folder, "SOURCE_COMMIT")).Trim();

        var import = CommuneMappingImporter.Import(folder, commit);

        var shipped = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "src", "ProcedureAssistant.Core", "Communes", "Data", "communes.tsv"));
        Assert.True(import.Text == shipped, "communes.tsv differs from what import-communes makes of ../shared/realdata/communes: regenerate it.");
        Assert.Equal(3321, import.NewCommunes);
        Assert.True(import.WithArticle >= 0.99 * import.NewCommunes, $"{import.WithArticle} of {import.NewCommunes} new communes got their article");
        Assert.True(import.Checked >= 0.95 * import.WithArticle, $"{import.Checked} of {import.WithArticle} articles confirmed by the mapping");
    }

    [Fact]
    public void Import_ResolutionClauses_GiveEachNewCommuneItsArticle()
    {
        using var folder = new TempFolder();
        folder.Write("mapping/merges.json", JsonSerializer.Serialize(new
        {
            data = new[]
            {
                new
                {
                    level1_id = "66",
                    name = "Tỉnh Đắk Lắk",
                    level2s = new[]
                    {
                        new { level2_id = "1", name = "Xã Hòa Phú", merges = new[] { new { old_id = "11", name = "Xã Hòa Phú", type = "full" }, new { old_id = "12", name = "Xã Hòa Xuân", type = "partial" } } },
                        new { level2_id = "2", name = "Xã Buôn Đôn", merges = new[] { new { old_id = "13", name = "Xã Krông Na", type = "full" } } },
                        new { level2_id = "3", name = "Xã Ea Trang", merges = new[] { new { old_id = "14", name = "Xã Ea Trang", type = "full" } } },
                        new { level2_id = "4", name = "Xã Cờ Đỏ", merges = new[] { new { old_id = "15", name = "Xã Thới Đông", type = "full" } } },
                    },
                },
            },
        }));
        folder.Write("mapping/splits.json", JsonSerializer.Serialize(new
        {
            data = new[]
            {
                new
                {
                    level1_id = "66",
                    name = "Tỉnh Đắk Lắk",
                    splits = new[] { new { new_id = "66", name = "Tỉnh Đắk Lắk" } },
                    level3s = new[]
                    {
                        new { level3_id = "11", name = "Xã Hòa Phú", splits = new[] { new { new_id = "1", name = "Xã Hòa Phú" } } },
                        new { level3_id = "12", name = "Xã Hòa Xuân", splits = new[] { new { new_id = "1", name = "Xã Hòa Phú" } } },
                        new { level3_id = "13", name = "Xã Krông Na", splits = new[] { new { new_id = "2", name = "Xã Buôn Đôn" } } },
                        new { level3_id = "15", name = "Xã Thới Đông", splits = new[] { new { new_id = "4", name = "Xã Cờ Đỏ" } } },
                    },
                },
            },
        }));
        // Escaped clause numbers as the converted resolutions have them, a name broken over two lines inside bold.
        folder.Write("input/docs/1660_NQ-UBTVQH15.md", """
            **Điều 1. Sắp xếp các đơn vị hành chính cấp xã của tỉnh Đắk Lắk**

            1\. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các xã Hòa Phú
            và một phần xã Hòa Xuân thành xã mới có tên gọi là **xã Hòa
            Phú**.

            2\. Sắp xếp xã Thới Đông (Phường 1) thành xã mới có tên gọi là xã Cờ Đỏ.

            3\. Đổi tên xã Krông Na (huyện
            Buôn Đôn) thành **xã Buôn Đôn**.

            4\. Sau khi sắp xếp, tỉnh Đắk Lắk có 4 đơn vị hành chính cấp xã, gồm04 xã; trong đó 01 xã không thực hiện
            sắp xếp là **xã Ea Trang**.

            **Điều 2. Hiệu lực thi hành**
            """);

        var import = CommuneMappingImporter.Import(folder.Path, "test");
        var directory = CommuneDirectory.Read(new StringReader(import.Text));

        string[] names = ["Hòa Phú", "Buôn Đôn", "Ea Trang", "Cờ Đỏ"];
        Assert.Equal(["Điều 1, khoản 1", "Điều 1, khoản 3", "Điều 1, khoản 4", "Điều 1, khoản 2"], names.Select(n => directory.Find(n).Single(m => !m.IsOld).Article));
        Assert.Equal((4, 4, 4), (import.NewCommunes, import.WithArticle, import.Checked));
        Assert.Equal("1660/NQ-UBTVQH15", directory.Find("Hòa Xuân").Single().NewCommunes.Single().Resolution);
        Assert.True(directory.Find("Hòa Xuân").Single().NewCommunes.Single().Partial);

        // The district a clause names beside an old commune, which tells namesakes apart; "(Phường 1)" is no district.
        Assert.Equal("huyện Buôn Đôn", directory.Find("Krông Na").Single().District);
        Assert.Null(directory.Find("Thới Đông").Single().District);

        // The clause that counts the province's units, as written (bold marks dropped, a run-together number spaced).
        Assert.Equal(
            new ProvinceSummary("Tỉnh Đắk Lắk", "1660/NQ-UBTVQH15", "Điều 1, khoản 4", "Sau khi sắp xếp, tỉnh Đắk Lắk có 4 đơn vị hành chính cấp xã, gồm 04 xã; trong đó 01 xã không thực hiện sắp xếp là xã Ea Trang."),
            directory.SummaryOf("dak-lak"));
    }
}
