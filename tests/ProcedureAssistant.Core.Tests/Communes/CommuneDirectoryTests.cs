using ProcedureAssistant.Core.Communes;

namespace ProcedureAssistant.Core.Tests.Communes;

public sealed class CommuneDirectoryTests
{
    // A small map in the data file's format: two old provinces merged into one, a name two old communes shared,
    // an old commune split between two new ones, and a new one that kept its name.
    private const string Map = """
        # communes.tsv v1
        P	66	Tỉnh Đắk Lắk	1660/NQ-UBTVQH15
        P	48	Thành phố Đà Nẵng	1659/NQ-UBTVQH15
        N	24176	Phường Tân Lập	66	Điều 1, khoản 84
        N	22736	Xã Phú Hòa 1	66	Điều 1, khoản 64
        N	24100	Xã Hòa Phú	66	Điều 1, khoản 1
        N	20300	Xã Hòa Vang	48	Điều 1, khoản 24
        N	22015	Phường Tuy Hòa	66
        Q	66	Tỉnh Đắk Lắk	66
        Q	54	Tỉnh Phú Yên	66
        Q	48	Thành phố Đà Nẵng	48
        O	24130	Xã Hòa Thắng	66	24176
        O	22330	Xã Hòa Thắng	54	22736
        O	24124	Xã Hòa Phú	66	24100
        O	20320	Xã Hòa Phú	48	20300
        O	22012	Phường 9	54	22015*,22736*
        """;

    private static CommuneDirectory Directory() => CommuneDirectory.Read(new StringReader(Map));

    [Fact]
    public void Find_NameOldCommunesShared_ListsEachWithItsOldProvince()
    {
        var matches = Directory().Find("Hòa Thắng");

        Assert.Equal([("Xã Hòa Thắng", "Tỉnh Phú Yên", "Xã Phú Hòa 1"), ("Xã Hòa Thắng", "Tỉnh Đắk Lắk", "Phường Tân Lập")], matches.Select(m => (m.Name, m.OldProvince!, m.NewCommunes.Single().Name)));
        Assert.All(matches, m => Assert.True(m.IsOld));
        Assert.Equal(new CommuneDestination("22736", "Xã Phú Hòa 1", "Tỉnh Đắk Lắk", "1660/NQ-UBTVQH15", "Điều 1, khoản 64", false), matches[0].NewCommunes[0]);
    }

    [Theory]
    [InlineData("hoa thang")]
    [InlineData("HÒA THẮNG")]
    [InlineData("xã Hoà Thắng")]
    [InlineData("Xa Hoa Thang cu")]
    public void Find_DiacriticsCaseKindWordAndToneOptional_FindsTheSameCommunes(string query)
    {
        Assert.Equal(["22330", "24130"], Directory().Find(query).Select(m => m.Code).Order());
    }

    [Fact]
    public void Find_AccentedQuery_MustMatchTheAccents()
    {
        Assert.Empty(Directory().Find("Hóa Thăng"));
    }

    [Theory]
    [InlineData("Phú Yên", "22330")]
    [InlineData("phu yen", "22330")]
    [InlineData("Tỉnh Đắk Lắk", "22330,24130")]
    public void Find_WithProvince_KeepsCommunesOfThatProvinceThenOrNow(string province, string codes)
    {
        Assert.Equal(codes.Split(','), Directory().Find("Hòa Thắng", province).Select(m => m.Code).Order());
    }

    [Fact]
    public void Find_NewAndOldShareAName_GivesTheNewCommuneWithWhatItWasMadeOfFirst()
    {
        var matches = Directory().Find("Hòa Phú");

        var current = matches[0];
        Assert.False(current.IsOld);
        Assert.Equal(("Xã Hòa Phú", "Tỉnh Đắk Lắk", "1660/NQ-UBTVQH15", "Điều 1, khoản 1"), (current.Name, current.Province!, current.Resolution!, current.Article!));
        Assert.Equal(["Xã Hòa Phú"], current.OldCommunes);
        Assert.Equal(["Thành phố Đà Nẵng", "Tỉnh Đắk Lắk"], matches.Skip(1).Select(m => m.OldProvince!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Find_SplitCommune_GivesEveryPartAsPartial()
    {
        var split = Assert.Single(Directory().Find("phường 09"));

        Assert.Equal(["Phường Tuy Hòa", "Xã Phú Hòa 1"], split.NewCommunes.Select(n => n.Name));
        Assert.All(split.NewCommunes, n => Assert.True(n.Partial));
        Assert.Null(split.NewCommunes[0].Article);
        Assert.Contains("Phường 9 (một phần)", Directory().Find("Tuy Hòa").Single().OldCommunes);
    }

    [Fact]
    public void FindInQuestion_OldCommuneNamedWithItsKindWord_IsFoundAndMarkedOld()
    {
        var places = Directory().FindInQuestion("xã Hòa Phú cũ giờ thuộc xã nào?");

        var mention = Assert.Single(places.Communes);
        Assert.Equal("xã Hòa Phú", mention.Text);
        Assert.True(mention.MarkedOld);
        Assert.Contains(mention.Candidates, c => c.IsOld && c.OldProvince == "Tỉnh Đắk Lắk");
        Assert.Empty(places.Provinces);
    }

    [Fact]
    public void FindInQuestion_OldProvince_GivesTheProvinceItIsPartOfNow()
    {
        var places = Directory().FindInQuestion("tôi ở Phú Yên cũ thì nộp hồ sơ ở đâu?");

        Assert.Equal(new ProvinceMention("Phú Yên", true, "Tỉnh Phú Yên", "Tỉnh Đắk Lắk"), Assert.Single(places.Provinces));
        Assert.Empty(places.Communes);
    }

    [Theory]
    [InlineData("làm giấy khai sinh ở xa có được không")]
    [InlineData("hòa phú là gì")]
    [InlineData("đăng ký kết hôn cần gì")]
    public void FindInQuestion_NoPlaceNamedWithItsKindWord_FindsNothing(string question)
    {
        Assert.True(Directory().FindInQuestion(question).IsEmpty);
    }

    [Fact]
    public void Read_MalformedLine_NamesTheLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => CommuneDirectory.Read(new StringReader("# communes.tsv v1\nN\t1\tXã A")));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDefault_ShippedData_HoldsTheWholeMapping()
    {
        var directory = CommuneDirectory.LoadDefault();

        Assert.Equal(10047, directory.OldCount);
        Assert.Equal(3321, directory.NewCount);
        var hoaThang = directory.Find("Hòa Thắng").Where(m => m.IsOld).Select(m => m.OldProvince).ToList();
        Assert.Contains("Tỉnh Phú Yên", hoaThang);
        Assert.Contains("Tỉnh Đắk Lắk", hoaThang);
        var hoaPhu = directory.Find("xã Hòa Phú", "Đắk Lắk").Single(m => !m.IsOld);
        Assert.Equal(("1660/NQ-UBTVQH15", "Điều 1, khoản 1"), (hoaPhu.Resolution!, hoaPhu.Article!));
        Assert.Equal(["Xã Hòa Khánh", "Xã Hòa Phú", "Xã Hòa Xuân"], hoaPhu.OldCommunes.Order());
    }

    [Fact]
    public void Find_KindWordWrittenInAnotherCase_IsStillTheKind()
    {
        var directory = CommuneDirectory.Read(new StringReader(Map + "\nO\t22319\tThị Trấn Phú Hoà\t54\t22736\n"));

        var township = Assert.Single(Assert.Single(directory.FindInQuestion("thị trấn Phú Hòa cũ giờ là xã gì").Communes).Candidates);
        Assert.Equal("Xã Phú Hòa 1", Assert.Single(township.NewCommunes).Name);
        Assert.Equal("Thị trấn Phú Hoà", township.Name);
    }

    [Fact]
    public void FindInQuestion_TheXaOfThiXa_IsATownNotACommuneKind()
    {
        var places = Directory().FindInQuestion("Xã Hòa Thắng (thị xã Hòa Phú cũ) giờ thuộc xã nào");

        Assert.Equal(["Xã Hòa Thắng"], places.Communes.Select(c => c.Text));
    }

    [Theory]
    [InlineData("Phường Dương Nỗ ở Huế có bị sáp nhập không", 1)]
    [InlineData("phuong duong no o hue co bi sap nhap khong", 0)]
    public void FindInQuestion_AOneWordProvinceName_CountsWhenCapitalisedInsideTheQuestion(string question, int provinces)
    {
        Assert.Equal(provinces, CommuneDirectory.LoadDefault().FindInQuestion(question).Provinces.Count);
    }

    [Fact]
    public void TheSharesOfTheTwoFormerProvinces_AddUpToTheCountInTheResolutionOfTheProvinceNow()
    {
        var communes = CommuneDirectory.LoadDefault();
        var (phuYen, dakLak) = (communes.ShareOf("Tỉnh Phú Yên"), communes.ShareOf("Tỉnh Đắk Lắk"));

        var count = phuYen.UnitsNow + dakLak.UnitsNow;

        // Before the merger, as the guide built from the provinces' announcements gives them: 106 and 180 units.
        Assert.Equal((106, 180), (phuYen.UnitsBefore, dakLak.UnitsBefore));
        Assert.Contains($"có {count} đơn vị hành chính cấp xã", communes.SummaryOf("Tỉnh Đắk Lắk")!.Text, StringComparison.Ordinal);
    }
}
