using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Communes;

namespace ProcedureAssistant.Core.Tests.Answering;

/// <summary>
/// The <c>commune-lookup</c> rule: questions about where a commune, ward or province belongs since the 2025 mergers are
/// answered from the commune mapping, each line citing its resolution and article, checked against the mapping itself.
/// The harness deployment is Đắk Lắk (Corpus:Province's default), which took in the former Phú Yên.
/// </summary>
public sealed class CommuneLookupRuleTests(HarnessFixture fixture) : IClassFixture<HarnessFixture>
{
    private static readonly CommuneDirectory Communes = CommuneDirectory.LoadDefault();

    private AnswerHarness Harness => fixture.Harness;

    [Theory]
    [InlineData("xã Hòa Phú cũ giờ thuộc xã nào?", "Hòa Phú")]
    [InlineData("xa hoa thang cu bay gio thuoc xa nao vay", "Hòa Thắng")]
    public async Task AnOldNameSharedWithinTheProvince_ListsEveryCandidateWithItsOldProvinceNewCommuneAndResolution(string question, string name)
    {
        var expected = Communes.Find(name, "Đắk Lắk").Where(m => m.IsOld).ToList();
        Assert.True(expected.Count >= 2, $"The mapping should hold several old communes named {name} now in Đắk Lắk.");

        var answer = await Harness.AskAsync(question);

        Assert.Equal("commune-lookup", answer.Decision.Rule);
        Assert.False(answer.Abstained);
        foreach (var candidate in expected)
        {
            var line = Assert.Single(answer.Text.Split('\n'), l => l.Contains(FormerlyIn(candidate), StringComparison.Ordinal));
            Assert.Contains(candidate.NewCommunes[0].Name, line, StringComparison.Ordinal);
            var marker = int.Parse(line[(line.LastIndexOf('[') + 1)..line.LastIndexOf(']')], System.Globalization.CultureInfo.InvariantCulture);
            var citation = answer.Citations[marker - 1];
            Assert.Equal(candidate.NewCommunes[0].Resolution, citation.Number);
            Assert.Contains(candidate.NewCommunes[0].Article!, citation.Path, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Hồ sơ cũ ghi xã Thạnh Lộc, huyện Giồng Riềng, giờ là xã nào?", "huyện Giồng Riềng")]
    [InlineData("xa thanh loc ben huyen chau thanh kien giang cu gio la xa gi", "huyện Châu Thành")]
    [InlineData("Xã Đức Long (Hòa An, Cao Bằng) sau sáp nhập thuộc xã nào", "huyện Hòa An")]
    [InlineData("Giấy tờ ghi xã Thạnh Lộc, huyện Giồng Riềng cũ. Giờ xã Thạnh Lộc đó thuộc xã nào?", "huyện Giồng Riềng")]
    public async Task AnOldNameSharedWithinOneProvince_AskedWithItsFormerDistrict_IsTheNamesakeItsResolutionPlacesThere(string question, string district)
    {
        var name = question.Contains("Đức Long", StringComparison.Ordinal) ? "Đức Long" : "Thạnh Lộc";
        var namesakes = Communes.Find(name).Where(m => m.IsOld && m.District is not null).GroupBy(m => m.OldProvince).Single(g => g.Count() >= 2).ToList();
        var meant = Assert.Single(namesakes, m => m.District == district);

        var answer = await Harness.AskAsync(question);

        Assert.Equal("commune-lookup", answer.Decision.Rule);
        // Said once, though the question names it twice.
        Assert.Single(answer.Text.Split('\n'), l => l.Contains($"{meant.Name} {FormerlyIn(meant)} nay thuộc {meant.NewCommunes[0].Name}", StringComparison.Ordinal));
        Assert.All(namesakes.Where(m => m != meant), other => Assert.DoesNotContain(other.District!, answer.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("thi tran buon trap gio la xa gi")]
    [InlineData("thị trấn Buôn Trấp giờ nhập vào xã nào rồi")]
    [InlineData("thị trấn Buôn Trấp được sắp xếp vào đâu, theo nghị quyết nào")]
    [InlineData("Giấy tờ cũ ghi thị trấn Buôn Trấp, sau sáp nhập tên là gì")]
    [InlineData("giay to cua em ghi thi tran buon trap, gio doi thanh xa gi a")]
    [InlineData("Quê tôi ở thị trấn Buôn Trấp, nghe nói nhập vào chỗ khác rồi, giờ ghi địa chỉ thế nào")]
    public async Task WhereACommuneBelongsNow_IsAskedWithGiOrNaoOrByNamingTheMergerWithNoProcedureItem(string question)
    {
        var expected = Assert.Single(Communes.Find("Buôn Trấp", "Đắk Lắk"), m => m.IsOld);

        var answer = await Harness.AskAsync(question);

        Assert.Equal("commune-lookup", answer.Decision.Rule);
        Assert.Contains(expected.NewCommunes[0].Name, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tôi ở thị trấn Buôn Trấp. Giờ đổi sang xã gì rồi?")]
    [InlineData("que toi o thi tran buon trap, gio xa toi ten la gi")]
    [InlineData("giấy tờ của mẹ còn ghi thị trấn Buôn Trấp, giờ làm giấy tờ cho mẹ thì ghi xã nào")]
    [InlineData("Hồ sơ còn ghi thị trấn Buôn Trấp. Nay ghi đơn vị hành chính nào, là xã hay phường?")]
    [InlineData("thi tran buon trap nay la xa hay phuong")]
    [InlineData("thị trấn Buôn Trấp giờ có còn gọi là thị trấn Buôn Trấp không")]
    public async Task AskingWhichUnitOrNameACommuneIsNow_IsALookup(string question)
    {
        var expected = Assert.Single(Communes.Find("Buôn Trấp", "Đắk Lắk"), m => m.IsOld);

        var answer = await Harness.AskAsync(question);

        Assert.Equal("commune-lookup", answer.Decision.Rule);
        Assert.Contains(expected.NewCommunes[0].Name, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Giấy tờ của bà tôi ghi quê quán xã Hòa Quang Nam, giờ viết sao cho đúng?", "Hòa Quang Nam")]
    [InlineData("Ông tôi sinh ở xã Ea Kênh, bây giờ chỗ đó tương ứng với đơn vị nào?", "Ea Kênh")]
    [InlineData("ba toi que o xa Ea Kenh, gio ra sao roi", "Ea Kênh")]
    public async Task ANameOnlyAFormerUnitBore_IsLookedUp_HoweverTheQuestionAsks(string question, string name)
    {
        var former = Communes.Find(name, "Đắk Lắk");
        Assert.All(former, m => Assert.True(m.IsOld, $"No unit is called {name} since the merger."));

        var answer = await Harness.AskAsync(question);

        Assert.Equal("commune-lookup", answer.Decision.Rule);
        Assert.Contains(Assert.Single(former).NewCommunes[0].Name, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFarAwayThatReadsAsAFormerCommunesKindWordAndName_IsNotALookup()
    {
        const string question = "bo me no di lam xa, ba noi dan no di lam giay thay duoc ko";
        Assert.Contains(Communes.FindInQuestion(question).Communes, c => c.Candidates.All(m => m.IsOld));

        var answer = await Harness.AskAsync(question);

        Assert.NotEqual("commune-lookup", answer.Decision.Rule);
    }

    [Theory]
    [InlineData("tôi ở thị trấn Buôn Trấp, đăng ký khai sinh cho con thì nộp ở xã nào")]
    [InlineData("nha o thi tran buon trap, lam giay xac nhan cu tru o phuong nao, mat bao lau")]
    [InlineData("ở phường Tân Lập thì phòng phụ trách văn hóa của phường mang tên gì")]
    public async Task AskingWhichCommuneToFileInOrTheNameOfSomethingInIt_IsNotALookup(string question)
    {
        var answer = await Harness.AskAsync(question);

        Assert.NotEqual("commune-lookup", answer.Decision.Rule);
    }

    [Fact]
    public async Task SeveralUnitsSharingTheName_EndWithAQuestionWhichOneIsMeant()
    {
        var answer = await Harness.AskAsync("xã Hòa Phú giờ nhập vào xã nào rồi ạ");

        Assert.Equal("commune-lookup", answer.Decision.Rule);
        Assert.EndsWith("nào?", answer.Text.Split('\n')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProvinceNamedBesideTheCommune_KeepsOnlyItsCandidate()
    {
        var answer = await Harness.AskAsync("xã Hòa Thắng của tỉnh Phú Yên cũ nay thuộc xã nào");

        var expected = Assert.Single(Communes.Find("Hòa Thắng", "Phú Yên"), m => m.IsOld);
        Assert.Equal("commune-lookup", answer.Decision.Rule);
        Assert.Contains(expected.NewCommunes[0].Name, answer.Text, StringComparison.Ordinal);
        Assert.Single(answer.Citations);
        Assert.DoesNotContain("Có 2", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProvinceNamedAsItIsNow_KeepsTheOldCommunesOfItsFormerProvincesToo()
    {
        // Cần Thơ kept its name and took in Hậu Giang: a phường Thuận An of each is in Cần Thơ now.
        var olds = Communes.Find("Thuận An", "Cần Thơ").Where(m => m.IsOld && m.Name == "Phường Thuận An").ToList();
        Assert.Equal(2, olds.Select(m => m.OldProvince).Distinct().Count());

        var answer = await Harness.AskAsync("phuong Thuan An o Can Tho gio nhap vao phuong nao vay");

        Assert.Equal("commune-lookup", answer.Decision.Rule);
        Assert.All(olds, old => Assert.Contains($"{FormerlyIn(old)} nay thuộc {old.NewCommunes[0].Name}", answer.Text, StringComparison.Ordinal));
        Assert.EndsWith("nào?", answer.Text.Split('\n')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneCandidateInTheProvinceAskedFor_IsTheAnswer_AndTheNamesakesElsewhereFollowIt()
    {
        var all = Communes.Find("phường Thống Nhất").Where(m => m.IsOld).ToList();
        var local = Assert.Single(all, m => m.OldProvince == "Tỉnh Đắk Lắk");
        Assert.InRange(all.Count, 3, 5); // several namesakes, few enough to be listed

        var answer = await Harness.AskAsync("phuong Thong Nhat gio sap nhap thanh phuong nao vay");

        var lines = answer.Text.Split('\n');
        Assert.Equal("commune-lookup", answer.Decision.Rule);
        Assert.Contains(local.NewCommunes[0].Name, lines[0], StringComparison.Ordinal);
        Assert.Equal("Cùng tên ở tỉnh khác:", lines[1]);
        Assert.All(all.Where(m => m != local), other => Assert.Contains(lines[2..], l => l.Contains(FormerlyIn(other), StringComparison.Ordinal)));
        Assert.DoesNotContain("?", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANameManyUnitsShare_GetsOneLineForTheNamesakesElsewhere()
    {
        var answer = await Harness.AskAsync("Phường 9 thành phố Tuy Hòa cũ nay thuộc phường nào");

        Assert.Equal("commune-lookup", answer.Decision.Rule);
        Assert.Single(answer.Text.Split('\n'), l => l.StartsWith("Còn ", StringComparison.Ordinal) && l.Contains("đơn vị cùng tên ở tỉnh khác", StringComparison.Ordinal));
        Assert.DoesNotContain("Cùng tên ở tỉnh khác:", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUnitTheMergerLeftAsItWas_IsSaidOnceAsKept_NotAskedBackAsTwo()
    {
        var answer = await Harness.AskAsync("xã Vụ Bổn có bị sáp nhập với xã nào không");

        Assert.Equal("commune-lookup", answer.Decision.Rule);
        var line = Assert.Single(answer.Text.Split('\n'));
        Assert.Contains("giữ nguyên", line, StringComparison.Ordinal);
        Assert.Contains("Xã Vụ Bổn, Tỉnh Đắk Lắk", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xã Ea Drông giờ thuộc xã nào")]
    [InlineData("xa ea drong sau sap nhap ten gi")]
    public async Task AnOldUnitMergedWholeIntoTheNewUnitOfItsName_IsThatUnit_NotAskedBackAsTwo(string question)
    {
        // The mapping holds the name twice in the province: the new commune, formed from several old ones, and the
        // old commune of that name, which went into it whole. They are one place.
        var found = Communes.Find("Ea Drông", "Đắk Lắk");
        var formed = Assert.Single(found, m => !m.IsOld);
        var old = Assert.Single(found, m => m.IsOld);
        Assert.True(formed.OldCommunes.Count > 1);
        Assert.Equal(formed.Code, Assert.Single(old.NewCommunes, n => !n.Partial).Code);

        var answer = await Harness.AskAsync(question);

        Assert.Equal("commune-lookup", answer.Decision.Rule);
        var line = Assert.Single(answer.Text.Split('\n'));
        Assert.Contains($"{formed.Name}, {formed.Province} (từ ngày 1/7/2025) được lập từ", line, StringComparison.Ordinal);
        Assert.Contains(old.Name, line[line.IndexOf("được lập từ", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("?", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOldUnitSplitIntoTheNewUnitOfItsNameAndAnother_IsSaidOnceByWhereEachPartWent()
    {
        var found = Communes.Find("Canh Liên", "Gia Lai");
        var old = Assert.Single(found, m => m.IsOld);
        var formed = Assert.Single(found, m => !m.IsOld);
        Assert.Contains(old.NewCommunes, n => n.Code == formed.Code && n.Partial);
        Assert.True(old.NewCommunes.Count > 1);

        var answer = await Harness.AskAsync("xã Canh Liên, Gia Lai giờ thuộc xã nào");

        Assert.Equal("commune-lookup", answer.Decision.Rule);
        var line = Assert.Single(answer.Text.Split('\n'));
        Assert.All(old.NewCommunes, n => Assert.Contains(n.Name, line, StringComparison.Ordinal));
        Assert.DoesNotContain("?", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormerProvinceNamedBesideTheProvinceNow_SaysWhichOldUnitIsMeant()
    {
        var all = Communes.Find("Quang Trung", "Ninh Bình").Where(m => m.IsOld && m.Name == "Phường Quang Trung").ToList();
        var meant = Assert.Single(all, m => m.OldProvince == "Tỉnh Hà Nam");
        Assert.True(all.Count > 1);

        var answer = await Harness.AskAsync("phường Quang Trung của Hà Nam cũ, nay là Ninh Bình, giờ ghi phường nào");

        Assert.Equal("commune-lookup", answer.Decision.Rule);
        Assert.Contains(meant.NewCommunes[0].Name, answer.Text, StringComparison.Ordinal);
        Assert.All(all.Where(m => m != meant), other => Assert.DoesNotContain(FormerlyIn(other), answer.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOldUnitMergedIntoTheNewUnitOfItsName_KeepsItsLineBesideAnotherOldUnitOfTheName()
    {
        // Two old communes of the name in the province, one of them merged whole into the new commune of the name.
        var found = Communes.Find("Chi Lăng", "Lạng Sơn");
        var olds = found.Where(m => m.IsOld && m.Name == "Xã Chi Lăng").ToList();
        Assert.Equal(2, olds.Count);
        Assert.Contains(found, m => !m.IsOld && olds.Any(o => o.NewCommunes[0].Code == m.Code));

        var answer = await Harness.AskAsync("xa Chi Lang, Lang Son sau sap nhap thi thuoc xa nao");

        Assert.Equal("commune-lookup", answer.Decision.Rule);
        Assert.All(olds, old => Assert.Contains(answer.Text.Split('\n'), l => l.Contains($"{FormerlyIn(old)} nay thuộc {old.NewCommunes[0].Name}", StringComparison.Ordinal)));
        Assert.EndsWith("nào?", answer.Text.Split('\n')[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("phường Tân Lập được lập từ những phường nào")]
    [InlineData("phường Tân Lập bây giờ gồm những đơn vị cũ nào")]
    [InlineData("phuong Tan Lap ghep tu nhung xa nao vay")]
    public async Task ANewCommuneAskedWhatItWasMadeOf_ListsItsOldCommunes(string question)
    {
        var answer = await Harness.AskAsync(question);

        var expected = Assert.Single(Communes.Find("Tân Lập", "Đắk Lắk"), m => !m.IsOld);
        Assert.Equal("commune-lookup", answer.Decision.Rule);
        Assert.All(expected.OldCommunes, old => Assert.Contains(old, answer.Text, StringComparison.Ordinal));
        Assert.Equal(expected.Resolution, answer.Citations[0].Number);
    }

    [Theory]
    [InlineData("đắk lắk mới được hợp nhất từ những tỉnh nào", "Tỉnh Đắk Lắk (từ ngày 12/6/2025) được hợp nhất từ tỉnh Đắk Lắk cũ và tỉnh Phú Yên cũ")]
    [InlineData("tỉnh Cao Bằng sau sáp nhập thuộc tỉnh nào", "Tỉnh Cao Bằng không sắp xếp với tỉnh khác, giữ nguyên như trước ngày 12/6/2025")]
    [InlineData("thành phố Đà Nẵng mới được hợp nhất từ những đâu", "Thành phố Đà Nẵng (từ ngày 12/6/2025) được hợp nhất từ thành phố Đà Nẵng cũ và tỉnh Quảng Nam cũ")]
    public async Task AProvinceThatKeptItsName_IsAnsweredWithTheFormerProvincesThatMakeItUp(string question, string line)
    {
        var answer = await Harness.AskAsync(question);

        Assert.Equal("commune-lookup", answer.Decision.Rule);
        Assert.StartsWith(line + " [1].", answer.Text, StringComparison.Ordinal);
        Assert.Equal("202/2025/QH15", Assert.Single(answer.Citations).Number);
    }

    [Fact]
    public async Task AFormerProvinceAskedWhereItBelongsNow_NamesTheProvinceAndTheMergerResolution()
    {
        var answer = await Harness.AskAsync("sau sáp nhập tỉnh Phú Yên bây giờ thuộc tỉnh nào");

        Assert.Equal("commune-lookup", answer.Decision.Rule);
        Assert.Contains("Đắk Lắk", answer.Text, StringComparison.Ordinal);
        Assert.Equal("202/2025/QH15", Assert.Single(answer.Citations).Number);
    }

    [Theory]
    [InlineData("làm giấy khai sinh ở xã Hòa Phú cần những gì")]
    [InlineData("đăng ký kết hôn ở phường Tân Lập mất bao lâu")]
    [InlineData("sau sáp nhập, làm giấy khai sinh ở xã Hòa Phú cần những gì")]
    [InlineData("Cà Mau có bao nhiêu xã làm được khai sinh, lệ phí bao nhiêu")]
    [InlineData("TP.HCM mới có bao nhiêu xã phường đặc khu")]
    public async Task AProcedureAskedAtANamedCommuneOrTheMergerOfAProvince_IsNotALookup(string question)
    {
        var answer = await Harness.AskAsync(question);

        Assert.NotEqual("commune-lookup", answer.Decision.Rule);
    }

    [Theory]
    [InlineData("Đắk Lắk sau sáp nhập có bao nhiêu xã, phường", "Đắk Lắk")]
    [InlineData("tinh ca mau gio co tat ca bao nhieu don vi cap xa, xa nao khong phai sap xep", "Cà Mau")]
    [InlineData("Lai Châu có mấy xã không thực hiện sắp xếp?", "Lai Châu")]
    [InlineData("thành phố Hải Phòng sau sắp xếp có mấy đặc khu", "Hải Phòng")]
    public async Task HowManyUnitsAProvinceHasNow_IsAnsweredWithItsResolutionsOwnClause(string question, string province)
    {
        var summary = Communes.SummaryOf(province);
        Assert.NotNull(summary);

        var answer = await Harness.AskAsync(question);

        Assert.Equal("commune-lookup", answer.Decision.Rule);
        Assert.Contains(summary.Text.TrimEnd('.'), answer.Text, StringComparison.Ordinal);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal(summary.Resolution, citation.Number);
        Assert.Equal(summary.Article, citation.Path);
    }

    [Fact]
    public async Task HowManyUnitsAFormerProvinceBecame_NamesTheProvinceNowItsShareAndTheResolutionsCount()
    {
        var answer = await Harness.AskAsync("Phú Yên cũ sau khi sắp xếp còn bao nhiêu xã?");

        Assert.Equal("commune-lookup", answer.Decision.Rule);
        Assert.Contains("nay thuộc Tỉnh Đắk Lắk", answer.Text, StringComparison.Ordinal);
        var share = Communes.ShareOf("Tỉnh Phú Yên");
        Assert.Contains($"{share.UnitsBefore} xã, phường, thị trấn của tỉnh Phú Yên cũ nay thuộc {share.UnitsNow} đơn vị hành chính cấp xã", answer.Text, StringComparison.Ordinal);
        Assert.Contains(Communes.SummaryOf("Đắk Lắk")!.Text.TrimEnd('.'), answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ở huyện Hải Hà, Quảng Ninh đó", "Quảng Ninh")]
    [InlineData("o Thanh Hoa do ad", "Thanh Hóa")]
    public async Task AProvinceNamedRightAfterALookupOfASharedName_NarrowsThatLookup(string answer, string province)
    {
        var conversation = "shared-name-then-province-" + province;
        var first = await Harness.AskAsync("xã Quảng Long cũ giờ sáp nhập thành xã nào vậy", conversationId: conversation);
        var expected = Assert.Single(Communes.Find("Quảng Long", province), m => m.IsOld);
        var other = Communes.Find("Quảng Long").Where(m => m.IsOld && m.OldProvince != expected.OldProvince).SelectMany(m => m.NewCommunes).ToList();

        var next = await Harness.AskAsync(answer, conversationId: conversation);

        Assert.Equal("commune-lookup", first.Decision.Rule);
        Assert.Equal("commune-lookup", next.Decision.Rule);
        Assert.All(expected.NewCommunes, n => Assert.Contains(n.Name, next.Text, StringComparison.Ordinal));
        Assert.StartsWith($"Xã Quảng Long {FormerlyIn(expected)}", next.Text, StringComparison.Ordinal);
        Assert.NotEmpty(other);
    }

    [Theory]
    [InlineData("huyện Côn Đảo giờ đổi thành gì rồi", "Côn Đảo")]
    [InlineData("huyen dao Ly Son cu bay gio la xa hay phuong", "Lý Sơn")]
    [InlineData("Huyện Hoàng Sa của Đà Nẵng sau sắp xếp thì sao?", "Hoàng Sa")]
    public async Task AnIslandDistrictThatBecameASpecialZone_IsLookedUpAsTheZone(string question, string name)
    {
        var zone = Assert.Single(Communes.Find("đặc khu " + name));

        var answer = await Harness.AskAsync(question);

        Assert.Equal("commune-lookup", answer.Decision.Rule);
        Assert.StartsWith($"{zone.Name}, {zone.Province}", answer.Text, StringComparison.Ordinal);
        Assert.Equal(zone.Resolution, answer.Citations[0].Number);
    }

    [Theory]
    [InlineData("o ben Giong Rieng cu")]
    [InlineData("nhà tôi thuộc huyện Giồng Riềng")]
    public async Task AFormerDistrictNamedRightAfterALookupOfNamesakesInOneProvince_NarrowsThatLookup(string answer)
    {
        var conversation = "namesakes-then-district-" + answer;
        var first = await Harness.AskAsync("xã Thạnh Lộc tỉnh Kiên Giang cũ giờ là xã nào", conversationId: conversation);
        var namesakes = Communes.Find("Thạnh Lộc", "Kiên Giang").Where(m => m.IsOld).ToList();
        var meant = Assert.Single(namesakes, m => m.District == "huyện Giồng Riềng");

        var next = await Harness.AskAsync(answer, conversationId: conversation);

        Assert.Equal("commune-lookup", first.Decision.Rule);
        Assert.All(namesakes, m => Assert.Contains(m.NewCommunes[0].Name, first.Text, StringComparison.Ordinal));
        Assert.Equal("commune-lookup", next.Decision.Rule);
        Assert.StartsWith($"{meant.Name} {FormerlyIn(meant)} nay thuộc {meant.NewCommunes[0].Name}", next.Text, StringComparison.Ordinal);
        Assert.All(namesakes.Where(m => m != meant), other => Assert.DoesNotContain(other.District!, next.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACommuneNamedRightAfterALookup_IsLookedUpToo_UnlessAProcedureItemIsAsked()
    {
        await Harness.AskAsync("thị trấn Buôn Trấp giờ nhập vào xã nào rồi", conversationId: "lookup-then-commune");
        var expected = Assert.Single(Communes.Find("Ea Drăng", "Đắk Lắk"), m => m.IsOld);

        var next = await Harness.AskAsync("còn thị trấn Ea Drăng thì sao?", conversationId: "lookup-then-commune");
        var procedure = await Harness.AskAsync("làm khai sinh ở thị trấn Ea Drăng cần giấy tờ gì", conversationId: "lookup-then-commune");

        Assert.Equal("commune-lookup", next.Decision.Rule);
        Assert.Contains(expected.NewCommunes[0].Name, next.Text, StringComparison.Ordinal);
        Assert.NotEqual("commune-lookup", procedure.Decision.Rule);
    }

    // Where an old commune was, as a lookup line says it: its district where its resolution names one, and its province.
    private static string FormerlyIn(CommuneMatch old) =>
        old.District is null ? $"({old.OldProvince} cũ)" : $"({old.District}, {old.OldProvince} cũ)";
}
