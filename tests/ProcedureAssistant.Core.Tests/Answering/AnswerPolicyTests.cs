using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Questions;

namespace ProcedureAssistant.Core.Tests.Answering;

/// <summary>
/// Each rule of the answer policy, as the reply a person gets: which rule decides, whether the service answers, and
/// what the reply says. The questions are new wordings of the kinds of question each rule is for.
/// </summary>
public sealed class AnswerPolicyTests(HarnessFixture fixture) : IClassFixture<HarnessFixture>
{
    private AnswerHarness Harness => fixture.Harness;

    [Theory]
    [InlineData("cho xin số điện thoại riêng của chủ tịch xã Hòa Phú")]
    [InlineData("zalo của anh cán bộ tư pháp xã là gì vậy")]
    [InlineData("tra giúp số căn cước của ông Nguyễn Văn Bình")]
    [InlineData("kiểm tra giúp thằng cháu tên Tuấn đã đăng ký thường trú chưa")]
    [InlineData("xem giúp hồ sơ khai sinh của con nhà hàng xóm")]
    [InlineData("cho em xin số định danh cá nhân của mẹ chồng để điền hồ sơ")]
    [InlineData("tra trong cơ sở dữ liệu dân cư giúp tôi bà Trần Thị B có mấy con")]
    [InlineData("gửi giúp em tên mấy ông bà trong xóm được nhận tiền trợ cấp kèm điện thoại, em muốn tặng quà")]
    [InlineData("cho xem danh sách xã viên hợp tác xã kèm tiền gửi của mỗi người")]
    [InlineData("liệt kê giúp ai trong thôn đang hưởng trợ cấp, số tiền của từng người")]
    [InlineData("mấy chủ lò gạch trong xã là ai, cho tôi xin số điện thoại của họ để mua gạch")]
    public async Task PersonalData_IsDeclinedWithTheReason_NamingNoOne(string question)
    {
        var answer = await Harness.AskAsync(question);

        Assert.Equal("personal-data", answer.Decision.Rule);
        Assert.True(answer.Abstained);
        Assert.Empty(answer.Citations);
        Assert.Contains("dữ liệu cá nhân", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hòa Phú", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn Bình", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("số điện thoại của trung tâm phục vụ hành chính công xã")]
    [InlineData("xem giúp em thủ tục đăng ký khai sinh cần những gì")]
    [InlineData("tra giúp chị thủ tục tách hộ cần giấy tờ gì")]
    [InlineData("số định danh của con tôi xem ở đâu")]
    [InlineData("các ông bà cao tuổi trong thôn muốn làm thủ tục trợ cấp hưu trí xã hội thì nộp ở đâu")]
    [InlineData("mở sổ tiết kiệm tiền gửi ở ngân hàng có cần xác nhận của xã không")]
    [InlineData("tờ khai đăng ký tạm trú ghi số điện thoại, họ tên người nộp ở ô nào")]
    public async Task AnOfficesContact_OrALookupOfAProcedure_IsNotPersonalData(string question)
    {
        var reading = await Harness.ReadAsync(question);

        Assert.False(reading.AsksForPersonalData);
    }

    [Theory]
    [InlineData("phí bao nhiêu vậy ad", "lệ phí")]
    [InlineData("mất bao lâu", "thời hạn giải quyết")]
    [InlineData("lệ phí ở Đắk Lắk bao nhiêu", "lệ phí")]
    public async Task AnItemOfNoProcedure_IsAskedBack_AndTheNextQuestionNamingOneGetsTheItem(string question, string item)
    {
        var asked = await Harness.AskAsync(question);

        Assert.Equal("names-no-procedure", asked.Decision.Rule);
        Assert.False(asked.Abstained);
        Assert.Empty(asked.Citations);
        Assert.Equal(Replies.AskWhichProcedure(item), asked.Text);

        var named = await Harness.AskAsync("đăng ký kết hôn", conversationId: asked.ConversationId);

        Assert.False(named.Abstained);
        var first = named.Text.Split('\n')[0];
        Assert.StartsWith(char.ToUpperInvariant(item[0]) + item[1..] + " ", first, StringComparison.Ordinal);
        Assert.Contains("kết hôn", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nộp ở đâu vậy")]
    [InlineData("thủ tục đăng ký kết hôn mất bao lâu")]
    public async Task WhereToFile_OrAnItemOfANamedProcedure_IsNotAskedBack(string question)
    {
        var answer = await Harness.AskAsync(question);

        Assert.NotEqual("names-no-procedure", answer.Decision.Rule);
    }

    [Theory]
    [InlineData("dự báo thời tiết Hà Nội ngày mai thế nào")]
    [InlineData("cách nấu phở bò ngon")]
    [InlineData("vợ chồng tuổi Thìn với tuổi Mùi năm nay làm nhà có hợp không")]
    public async Task OutOfScope_IsDeclinedPolitely_WithoutCitations(string question)
    {
        var answer = await Harness.AskAsync(question);

        Assert.Equal("out-of-scope", answer.Decision.Rule);
        Assert.True(answer.Abstained);
        Assert.Empty(answer.Citations);
        Assert.StartsWith(Replies.OutOfScope, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chiều nay ở Buôn Ma Thuột trời có mưa không")]
    [InlineData("dự báo thời tiết Buôn Ma Thuột mùa mưa năm nay thế nào")]
    public async Task AnOffTopicSubject_IsDeclined_EvenWhenATextSharesItsPlaceAndWords(string question)
    {
        // A flood plan shares the place and "mưa" with a weather question: by words alone it would be referred.
        const string floodPlan = """
            ---
            id: kh-phong-chong-thien-tai
            type: guide
            title: Kế hoạch phòng chống thiên tai mùa mưa
            source: https://example.gov.vn/thien-tai
            ---
            # Kế hoạch phòng chống thiên tai mùa mưa
            ## Trách nhiệm
            Trong mùa mưa, Ủy ban nhân dân phường Buôn Ma Thuột tổ chức trực ban phòng chống thiên tai và báo cáo tình hình mưa lũ hằng ngày.
            """;
        using var harness = await AnswerHarness.StartWithAsync("guides/thien-tai.md", floodPlan);

        var answer = await harness.AskAsync(question);

        Assert.Equal("out-of-scope", answer.Decision.Rule);
        Assert.StartsWith(Replies.OutOfScope, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("so giay phep xay nha bi mat trong dot lu, xin lai thi mat may ngay", "cấp lại giấy phép xây dựng")]
    [InlineData("the huong dan vien bi mat khi di tour, lam lai the nao", "cấp lại thẻ hướng dẫn viên")]
    public async Task AQuestionHoldingPartOfAProceduresName_IsAnswered_NotReferredForItsEverydayWords(string question, string procedure)
    {
        var answer = await Harness.AskAsync(question);

        Assert.Equal("answer", answer.Decision.Rule);
        Assert.False(answer.Abstained);
        Assert.Contains(procedure, answer.Text.Split('\n')[0], StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void AChosenTextCoveredByHalfAtALowTopicMatch_SpeaksToTheQuestion_WhenItIsARegulation_NotARecord(bool isRegulation, bool speaks)
    {
        // An official's question in their own words ("thông tư số mấy, ký hôm nào"): the decree's passage covers half
        // of it, its topic match sits between the "a little" bar and the usual one; the question names it little.
        var topicMatch = (NotInSourcesRule.SomewhatOnTopic + NotInSourcesRule.MinTopicMatch) / 2;

        Assert.Equal(speaks, NotInSourcesRule.SpeaksTo(nameMatch: 0.05, coverage: NotInSourcesRule.MinCoverage, topicMatch, isRegulation));
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    public void ARegulationCoveredALittle_SpeaksToAnOfficialsQuestion_ThatNamesItNotAtAll(bool isRegulation, bool officialAsksOfIt, bool speaks)
    {
        // "xã có thác nước muốn được công nhận khu du lịch cấp tỉnh thì xã làm gì": the decree's words are not the
        // official's, so the question holds nothing of its name; its passage covers a little of the question.
        var coverage = (NotInSourcesRule.SomewhatCovered + NotInSourcesRule.MinCoverage) / 2;

        Assert.Equal(speaks, NotInSourcesRule.SpeaksTo(nameMatch: 0, coverage, NotInSourcesRule.SomewhatOnTopic, isRegulation, officialAsksOfIt));
    }

    [Fact]
    public async Task InScopeButNotInTheSources_RefersToTheCommuneCentre()
    {
        var answer = await Harness.AskAsync("làm hộ chiếu phổ thông lần đầu cần giấy tờ gì");

        Assert.Equal("not-in-sources", answer.Decision.Rule);
        Assert.True(answer.Abstained);
        Assert.StartsWith(Replies.NotInSources, answer.Text, StringComparison.Ordinal);
        Assert.Contains("Trung tâm Phục vụ hành chính công cấp xã", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotInTheSources_WithAProvinceNamed_RefersToThatProvincesCommuneCentre()
    {
        var answer = await Harness.AskAsync("ở Phú Yên cũ làm hộ chiếu lần đầu cần giấy tờ gì");

        Assert.Equal("not-in-sources", answer.Decision.Rule);
        Assert.Contains("(tỉnh Đắk Lắk)", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFeeAskedForAProvinceNoTextCovers_IsReferredNamingTheProvince()
    {
        var answer = await Harness.AskAsync("lệ phí đăng ký khai sinh quá hạn ở Nghệ An là bao nhiêu");

        Assert.Equal("place-not-covered", answer.Decision.Rule);
        Assert.True(answer.Abstained);
        Assert.Contains("lệ phí ở Nghệ An", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlaceThatIsNotAProvince_IsNoReasonToRefuse()
    {
        // A country is where the other party lives, not a province whose fees the texts lack.
        var answer = await Harness.AskAsync("lấy chồng Hàn Quốc thì đăng ký kết hôn mất bao lâu");

        Assert.False(answer.Abstained);
        Assert.DoesNotContain("Hàn Quốc", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAmountAsked_IsReferredByTheGapThatNamesAnAmount_AnywhereInItsSubject_NotByAListOfItems()
    {
        var pension = AnswerFixtures.Pension
            .Replace("## Thời hạn giải quyết\nChưa có thông tin chính thức.", "## Thời hạn giải quyết\n- 07 ngày làm việc.\n- Danh mục giấy tờ bổ sung: chưa có thông tin chính thức.", StringComparison.Ordinal)
            .Replace("Mức trợ cấp: chưa có thông tin chính thức.", "Đối tượng cụ thể và mức hưởng: chưa có thông tin chính thức.", StringComparison.Ordinal);
        Assert.Contains("Danh mục giấy tờ", pension, StringComparison.Ordinal);
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string> { ["procedures/huu-tri.md"] = pension });

        var answer = await harness.AskAsync("hưởng trợ cấp hưu trí xã hội thì được bao nhiêu tiền một tháng");

        Assert.Equal("declared-gap", answer.Decision.Rule);
        Assert.Contains("đối tượng cụ thể và mức hưởng", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Vậy mỗi tháng bà được lãnh bao nhiêu?")]
    [InlineData("the ba linh bao nhieu")]
    public async Task AFollowUpAskingTheAmountInEverydayWords_IsReferredByTheRecordsGap_NotDeclinedForItsWords(string followUp)
    {
        var conversation = "amount-" + followUp;
        using var harness = await AnswerHarness.StartWithAsync("procedures/huu-tri.md", AnswerFixtures.Pension);
        await harness.AskAsync("mẹ tôi 76 tuổi không có lương hưu, có được hưởng trợ cấp hưu trí xã hội không", conversationId: conversation);

        var answer = await harness.AskAsync(followUp, conversationId: conversation);

        Assert.Equal("declared-gap", answer.Decision.Rule);
        Assert.Equal("tthc-huu-tri", answer.Citations[0].DocumentId);
        Assert.Contains("mức trợ cấp", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("không đi đăng ký khai sinh cho con thì bị phạt bao nhiêu", "mức phạt")]
    [InlineData("đăng ký kết hôn hạn chót nộp hồ sơ là khi nào", "hạn phải làm thủ tục")]
    public async Task OnlyAFigureTheRecordDoesNotState_IsReferredNamingIt_WithTheOfficeBesideIt(string question, string figure)
    {
        var answer = await Harness.AskAsync(question);

        Assert.Equal("figure-not-stated", answer.Decision.Rule);
        Assert.True(answer.Abstained);
        Assert.Contains("chưa có thông tin chính thức về " + figure, answer.Text, StringComparison.Ordinal);
        Assert.Contains("Cơ quan giải quyết: Ủy ban nhân dân cấp xã", answer.Text, StringComparison.Ordinal);
        Assert.Single(answer.Citations);
    }

    [Fact]
    public async Task AFigureTheRecordDoesNotState_BesideAnItemItStates_IsAnsweredWithTheOneLineOnWhatItLacks()
    {
        var answer = await Harness.AskAsync("không đi đăng ký khai sinh cho con thì bị phạt bao nhiêu, nộp ở đâu");

        Assert.Equal("answer", answer.Decision.Rule);
        Assert.Contains("Nguồn chưa nêu mức phạt", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hưởng trợ cấp hưu trí xã hội thì được bao nhiêu tiền một tháng")]
    [InlineData("trợ cấp hưu trí xã hội thì bà tôi được hỗ trợ bao nhiêu tiền")]
    [InlineData("tro cap huu tri xa hoi moi thang tro cap bao nhieu")]
    public async Task AnItemTheRecordMarksUnknown_IsSaidInOneLineAndReferred(string question)
    {
        var answer = await Harness.AskAsync(question);

        Assert.Equal("declared-gap", answer.Decision.Rule);
        Assert.True(answer.Abstained);
        Assert.Single(answer.Text.Split('\n'));
        Assert.Contains("mức trợ cấp", answer.Text, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(answer.Text, "chưa có thông tin"));
        var cited = Assert.Single(answer.Citations);
        Assert.Contains("[1]", answer.Text, StringComparison.Ordinal);
        Assert.Contains("«" + cited.Title, answer.Text, StringComparison.Ordinal); // the text that marks it unknown is the one cited
    }

    [Fact]
    public async Task AnItemMarkedUnknownWhileAnotherPassageOfTheSameTextStatesWhatIsAsked_TheStatedPassageAnswers()
    {
        var answer = await Harness.AskAsync("Nghị định 129/2025/NĐ-CP áp dụng đến ngày nào?", Persona.Official);

        Assert.Equal("answer", answer.Decision.Rule);
        Assert.Contains("01/3/2027", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("chưa có thông tin", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGapUnderAnItemNotAsked_DoesNotAnswerAQuestionWhoseItemsTheRecordStates()
    {
        // The gap's words ("nộp phiếu dự tuyển") are the question's, but it sits under the time limit, and the place
        // and the fee asked are stated; asked for the deadline itself, the gap answers.
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string>
        {
            ["procedures/du-tuyen.md"] = """
                ---
                id: tthc-du-tuyen
                type: procedure
                title: Đăng ký dự tuyển viên chức trường học
                level: xa
                source: https://example.vn/du-tuyen
                ---
                # Đăng ký dự tuyển viên chức trường học
                ## Nơi nộp và cách thức nộp
                - Trực tiếp tại Phòng Văn hóa – Xã hội cấp xã.
                ## Thời hạn giải quyết
                - Trường báo kết quả thi trong 15 ngày. Hạn nộp phiếu dự tuyển: chưa có thông tin chính thức.
                ## Lệ phí
                - Phí dự tuyển: 500.000 đồng/thí sinh.
                """,

            // Another record that speaks of "hạn", so that the deadline's own word is not the rarest one.
            ["procedures/gia-han.md"] = """
                ---
                id: tthc-gia-han
                type: procedure
                title: Gia hạn giấy phép kinh doanh karaoke
                level: xa
                source: https://example.vn/gia-han
                ---
                # Gia hạn giấy phép kinh doanh karaoke
                ## Thời hạn giải quyết
                - 05 ngày làm việc; hết hạn thì phải xin cấp mới.
                ## Lệ phí
                - Không thu lệ phí.
                """,
        });

        var stated = await harness.AskAsync("nộp phiếu dự tuyển ở đâu, phí bao nhiêu");
        var deadline = await harness.AskAsync("hạn nộp phiếu dự tuyển là khi nào");

        Assert.Equal("answer", stated.Decision.Rule);
        Assert.Contains("500.000 đồng", stated.Text, StringComparison.Ordinal);
        Assert.Contains("Phòng Văn hóa – Xã hội cấp xã", stated.Text, StringComparison.Ordinal);
        Assert.Equal("declared-gap", deadline.Decision.Rule);
    }

    [Theory]
    [InlineData("liệt kê giúp tôi 32 nhiệm vụ chuyển lên tỉnh theo nghị định 129")]
    [InlineData("nghi dinh 129 chuyen nhung viec gi len tinh, 32 nhiem vu do la gi")]
    public async Task AListAskedThatTheTextMarksUnknown_IsSaidToBeUnknown_AfterWhatTheTextDoesSay(string question)
    {
        var answer = await Harness.AskAsync(question, Persona.Official);

        Assert.False(answer.Abstained);
        Assert.Contains("32 nhiệm vụ", answer.Text.Split('\n')[0], StringComparison.Ordinal);
        Assert.Single(answer.Text.Split('\n'), line => line.StartsWith(Replies.Unsaid + " danh sách 32 nhiệm vụ này;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AListAskedOfOtherThings_GetsNoLineOnTheListTheTextMarksUnknown()
    {
        var answer = await Harness.AskAsync("nghị định 129 cho xã cấp phép những quỹ nào", Persona.Official);

        Assert.DoesNotContain(Replies.Unsaid + " danh sách", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AListTheTextDoesNotGive_IsAGapEvenThoughTheTextCountsItsItems()
    {
        var answer = await Harness.AskAsync("danh sách 32 nhiệm vụ chuyển từ cấp huyện lên cấp tỉnh theo Nghị định 129/2025 gồm những gì", Persona.Official);

        Assert.Equal("declared-gap", answer.Decision.Rule);
        Assert.True(answer.Abstained);
    }

    [Fact]
    public async Task SiblingsTheQuestionCannotTellApart_AreAskedBackByName()
    {
        var answer = await Harness.AskAsync("thẻ hướng dẫn viên du lịch bị hỏng thì làm thủ tục gì");

        Assert.Equal("ambiguous-procedures", answer.Decision.Rule);
        Assert.False(answer.Abstained);
        Assert.StartsWith(Replies.AskBack, answer.Text, StringComparison.Ordinal);
        Assert.InRange(answer.Citations.Count, 2, AmbiguousProceduresRule.MaxOptions);
        foreach (var citation in answer.Citations)
        {
            Assert.Contains(citation.Title + " (cấp tỉnh) [" + citation.Index + "]", answer.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SiblingsAndAQuestionThatNamesNoChange_ThePlainProcedureAnswers()
    {
        var answer = await Harness.AskAsync("xin giấy phép xây dựng nhà ở riêng lẻ cần hồ sơ gì");

        Assert.Equal("sibling-procedure", answer.Decision.Rule);
        Assert.Equal("tthc-gpxd-moi", Assert.Single(answer.Citations).DocumentId);
    }

    [Theory]
    [InlineData("giay phep xay dung nha e co chut truc trac, nop ho so gi o xa")]
    [InlineData("giấy phép xây dựng nhà ở riêng lẻ của tôi có vấn đề, cần giấy tờ gì")]
    public async Task APaperToBeDoneAgainWithoutSayingHow_IsAskedBackAmongItsChanges_NotTheNewOne(string question)
    {
        var answer = await Harness.AskAsync(question);

        Assert.Equal("ambiguous-procedures", answer.Decision.Rule);
        Assert.Equal(["tthc-gpxd-cap-lai", "tthc-gpxd-gia-han"], answer.Citations.Select(c => c.DocumentId).Order());
    }

    [Theory]
    [InlineData("dạ giấy phép sắp hết hạn mà nhà chưa khởi công", "tthc-gpxd-gia-han")]
    [InlineData("bị mất rồi", "tthc-gpxd-cap-lai")]
    public async Task TheReplyToAnAskBack_IsAnsweredFromTheOfferedProcedureItPicks_NotAskedAgainNorReferred(string reply, string meant)
    {
        var conversation = "ask-back-" + meant;
        var asked = await Harness.AskAsync("giay phep xay dung nha e co chut truc trac, nop ho so gi o xa", conversationId: conversation);
        Assert.Equal("ambiguous-procedures", asked.Decision.Rule);

        var answer = await Harness.AskAsync(reply, conversationId: conversation);

        Assert.False(answer.Abstained);
        Assert.Equal(SelectionReason.AnswersTheAskBack, answer.Decision.Measures?.ChosenBecause);
        Assert.Equal(meant, answer.Citations[0].DocumentId);
    }

    [Fact]
    public async Task AQuestionAfterAnAskBack_ThatNamesAnotherProcedureBetterThanTheOffered_IsANewQuestion()
    {
        using var harness = await AnswerHarness.StartOverTheBundledCorpusAsync();
        var asked = await harness.AskAsync("giay phep xay dung nha e co van de, gio phai lam lai thu tuc gi a", conversationId: "leaves");
        Assert.Equal("ambiguous-procedures", asked.Decision.Rule);

        var answer = await harness.AskAsync("chứng thực giấy tờ ở xã hết bao nhiêu tiền", conversationId: "leaves");

        Assert.NotEqual(SelectionReason.AnswersTheAskBack, answer.Decision.Measures?.ChosenBecause);
        Assert.All(answer.Citations, c => Assert.StartsWith("Chứng thực", c.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReplyThatOnlyTells_AfterAnAskBack_IsTheReply_WhateverNamesItsStoryTouches()
    {
        using var harness = await AnswerHarness.StartOverTheBundledCorpusAsync();
        var asked = await harness.AskAsync("quán cơm nhà tôi tính đóng cửa tiệm, giấy đăng ký hộ kinh doanh phải báo xã gì", conversationId: "tells");
        Assert.Equal("stop-without-length", asked.Decision.Rule);

        var answer = await harness.AskAsync("Dạ nghỉ luôn, con cái lên thành phố hết rồi", conversationId: "tells");

        Assert.Equal(SelectionReason.AnswersTheAskBack, answer.Decision.Measures?.ChosenBecause);
        Assert.Equal("tthc-cham-dut-hoat-dong-ho-kinh-doanh", answer.Citations[0].DocumentId);
    }

    [Fact]
    public async Task AnOfficialsQuestionMadeOfPairsNoTextWrites_IsAnsweredFromTheDecreeThatCoversIt_NotReferred()
    {
        using var harness = await AnswerHarness.StartOverTheBundledCorpusAsync();

        // "ngành tư", "việc phân", "đi kèm" … are seams between the asker's words: no text writes them side by side.
        var answer = await harness.AskAsync("Cho hỏi Bộ Tư pháp có ban hành thông tư nào đi kèm hướng dẫn việc phân cấp ngành tư pháp cho xã không, số hiệu là gì?", Persona.Official);

        Assert.Equal("answer", answer.Decision.Rule);
        Assert.Equal("nd-120-2025", answer.Citations[0].DocumentId);
        Assert.Contains("08/2025/TT-BTP", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuestionAskingWhichProcedure_AmongAFamilyItCannotTellApart_IsAskedBack_EachOptionSayingWhatCaseItIsFor()
    {
        using var harness = await AnswerHarness.StartOverTheBundledCorpusAsync();

        var answer = await harness.AskAsync("Giấy phép xây nhà của tôi xin hồi năm ngoái, giờ phải làm lại giấy đó ở xã, thủ tục nào?");

        Assert.Equal("ambiguous-procedures", answer.Decision.Rule);
        // The changes to the permit, never the procedure that first issues it: the asker holds one.
        Assert.Equal(["tthc-1.013226", "tthc-1.013227", "tthc-1.013228"], answer.Citations.Select(c => c.DocumentId).Order());
        var options = answer.Text.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, options.Count);
        Assert.All(options, o => Assert.Contains(" — Khi ", o, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Thằng con tôi mới đủ tuổi, ông trưởng thôn dặn ra ban chỉ huy quân sự xã trình diện, nhà tôi chưa gặp chuyện này bao giờ, làm thủ tục nào?", true)]
    [InlineData("Thằng con tôi mới đủ tuổi, ông trưởng thôn dặn ra ban chỉ huy quân sự xã trình diện, nhà tôi chưa gặp chuyện này bao giờ.", false)]
    public async Task AQuestionAskingWhichProcedure_WhoseStoryNoTextHolds_IsAskedBackAmongTheNearestProcedures_NotDeclined(string question, bool asksWhich)
    {
        var answer = await Harness.AskAsync(question);

        // Told in the asker's words, the story holds too little of any text for the rules that judge its words; asking
        // which procedure to follow, it is about one, and the nearest ones the question names in part are offered.
        if (asksWhich)
        {
            Assert.Equal("unsure-which-procedure", answer.Decision.Rule);
            Assert.Contains(answer.Citations, c => c.DocumentId == "tthc-nvqs-lan-dau");
            var options = answer.Text.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
            Assert.InRange(options.Count, 2, UnsureWhichProcedureRule.Options);
            Assert.Equal(options.Count, answer.Citations.Count);
        }
        else
        {
            Assert.True(answer.Abstained, answer.Decision.Rule);
        }
    }

    [Fact]
    public async Task AQuestionAskingWhichProcedure_ThatNoRetrievedRecordIsNamedBy_IsStillDeclined()
    {
        var answer = await Harness.AskAsync("Má tui đau nằm một chỗ mấy năm nay, nhà nghèo, nghe nói xã có tiền giúp người già yếu, xin loại nào?");

        // Records retrieved for the story alone (a marriage, a building permit) are no options to ask between.
        Assert.NotEqual("unsure-which-procedure", answer.Decision.Rule);
        Assert.True(answer.Abstained);
    }

    [Theory]
    [InlineData("Giấy phép xây dựng xã cấp cho nhà tôi hồi năm ngoái, nay phải làm lại ở xã thì chọn thủ tục nào?", true)]
    [InlineData("Giấy phép xây dựng nhà tôi bị cháy mất, giờ xin cấp lại ở xã thì chọn thủ tục nào?", false)]
    public async Task ASiblingsOwnWords_NameIt_OnlyWhenTheQuestionSaysThemSideBySide_AsItsTitleDoes(string question, bool askedBack)
    {
        using var harness = await AnswerHarness.StartOverTheBundledCorpusAsync();

        var answer = await harness.AskAsync(question);

        // "cấp" of what the commune once did and "lại" of doing it again do not name "Cấp lại …"; "cấp lại" does.
        if (askedBack)
        {
            Assert.Equal("ambiguous-procedures", answer.Decision.Rule);
        }
        else
        {
            Assert.NotEqual("ambiguous-procedures", answer.Decision.Rule);
            Assert.Equal("tthc-1.013228", answer.Citations[0].DocumentId);
        }
    }

    [Fact]
    public async Task AQuestionWhosePairOfWordsOnlyTheFirstRecordsOpeningSays_IsAnsweredFromIt_NotFromThePlainSibling()
    {
        using var harness = await AnswerHarness.StartOverTheBundledCorpusAsync();

        // "đổi thiết kế" is what the adjustment's opening says ("Khi muốn thay đổi thiết kế …"), not the new permit's.
        var answer = await harness.AskAsync("Nhà tôi có giấy phép xây dựng rồi, giờ muốn đổi thiết kế thêm một tầng thì làm thủ tục gì?");

        Assert.NotEqual("ambiguous-procedures", answer.Decision.Rule);
        Assert.Equal("tthc-1.013226", answer.Citations[0].DocumentId);
    }

    [Fact]
    public async Task TheReplyToAnAskBack_GetsTheWholeProcedure_WhenTheQuestionBeforeAskedForIt()
    {
        using var harness = await AnswerHarness.StartOverTheBundledCorpusAsync();
        var asked = await harness.AskAsync("Giấy phép xây nhà của tôi xin hồi năm ngoái, giờ phải làm lại giấy đó ở xã thì làm thủ tục gì?", conversationId: "permit");
        Assert.Equal("ambiguous-procedures", asked.Decision.Rule);

        var answer = await harness.AskAsync("Nhà tôi đổi ý, muốn sửa bản vẽ thiết kế cho cao thêm một tầng nữa.", conversationId: "permit");

        Assert.Equal(SelectionReason.AnswersTheAskBack, answer.Decision.Measures?.ChosenBecause);
        Assert.Equal("tthc-1.013226", answer.Citations[0].DocumentId);
        Assert.Contains("Toàn bộ thủ tục:", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiblingsTheQuestionNamesByTheSameWords_AreAskedBack_EachWithTheItemAsked()
    {
        using var harness = await AnswerHarness.StartOverTheBundledCorpusAsync();

        var answer = await harness.AskAsync("chứng thực giấy tờ ở xã hết bao nhiêu tiền");

        Assert.Equal("ambiguous-procedures", answer.Decision.Rule);
        Assert.Equal(["tthc-2.000815", "tthc-2.000884"], answer.Citations.Select(c => c.DocumentId).Order());
        var lines = answer.Text.Split('\n');
        Assert.Contains(lines, l => l.Contains("chữ ký", StringComparison.Ordinal) && l.Contains("— Lệ phí: 10.000 đồng", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("bản sao", StringComparison.Ordinal) && l.Contains("— Lệ phí: 2.000 đồng/trang", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("photo công chứng giấy tờ ở xã hết bao nhiêu tiền", "tthc-2.000815")]
    [InlineData("chứng thực chữ ký ở xã hết bao nhiêu tiền", "tthc-2.000884")]
    [InlineData("phi chung thuc ban sao bao nhieu tien 1 trang vay", "tthc-2.000815")] // "bản sao" also asks for papers
    public async Task ASiblingTheQuestionNamesByWordsOfItsOwn_Answers(string question, string meant)
    {
        using var harness = await AnswerHarness.StartOverTheBundledCorpusAsync();

        var answer = await harness.AskAsync(question);

        Assert.Equal("answer", answer.Decision.Rule);
        Assert.Equal(meant, answer.Citations[0].DocumentId);
    }

    [Fact]
    public async Task AnAskBackWhoseOptionsGiveTheSameAnswerToTheItemAsked_SaysItOnce()
    {
        using var harness = await AnswerHarness.StartOverTheBundledCorpusAsync();

        var answer = await harness.AskAsync("giay phep xay dung nha e co van de, gio lam lai thi lam o dau");

        Assert.Equal("ambiguous-procedures", answer.Decision.Rule);
        Assert.True(answer.Citations.Count > 1);
        Assert.Single(answer.Text.Split('\n'), l => l.StartsWith("Nơi nộp hồ sơ: ", StringComparison.Ordinal));
        Assert.DoesNotContain("— Nơi nộp hồ sơ", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APaperToBeDoneAgain_IsAskedBackAmongChangesWhoseTitlesNameThePaper_NotThoseOfABranchOrAnotherTrade()
    {
        static string Record(string id, string title) => $"""
            ---
            id: {id}
            type: procedure
            title: "{title}"
            level: tinh
            source: https://example.gov.vn/{id}
            ---
            # {title}
            ## Thời hạn giải quyết
            - 05 ngày làm việc.
            """;
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string>
        {
            ["procedures/dg-dang-ky.md"] = Record("tthc-dg-dang-ky", "Đăng ký hoạt động của doanh nghiệp đấu giá tài sản"),
            ["procedures/dg-cap-lai.md"] = Record("tthc-dg-cap-lai", "Cấp lại Giấy đăng ký hoạt động của doanh nghiệp đấu giá tài sản"),
            ["procedures/dg-thay-doi.md"] = Record("tthc-dg-thay-doi", "Thay đổi nội dung đăng ký hoạt động của doanh nghiệp đấu giá tài sản"),
            ["procedures/dg-chi-nhanh-cap-lai.md"] = Record("tthc-dg-chi-nhanh-cap-lai", "Cấp lại Giấy đăng ký hoạt động của chi nhánh doanh nghiệp đấu giá tài sản"),
            ["procedures/ls-cap-lai.md"] = Record("tthc-ls-cap-lai", "Cấp lại Giấy đăng ký hoạt động của doanh nghiệp luật tài sản"),
        });

        var answer = await harness.AskAsync("doanh nghiệp đấu giá tài sản của tôi đăng ký hoạt động có vấn đề, phải làm thủ tục nào");

        Assert.Equal("ambiguous-procedures", answer.Decision.Rule);
        Assert.Equal(["tthc-dg-cap-lai", "tthc-dg-thay-doi"], answer.Citations.Select(c => c.DocumentId).Order());
    }

    [Fact]
    public async Task SiblingsAndAQuestionThatNamesTheChange_TheNamedOneAnswers()
    {
        var answer = await Harness.AskAsync("gia hạn giấy phép xây dựng nhà ở riêng lẻ cần hồ sơ gì");

        Assert.Equal("tthc-gpxd-gia-han", Assert.Single(answer.Citations).DocumentId);
    }

    [Fact]
    public async Task OneProcedureAtTwoLevels_ACitizenIsAnsweredForTheCommuneLevel_AndToldWhichLevel()
    {
        var answer = await Harness.AskAsync("cấp giấy phép kinh doanh dịch vụ lữ hành nội địa mất bao lâu");

        Assert.Equal("commune-level", answer.Decision.Rule);
        Assert.Equal("tthc-lu-hanh-xa", Assert.Single(answer.Citations).DocumentId);
        Assert.Contains("cấp xã)", answer.Text.Split('\n')[0], StringComparison.Ordinal); // the title says "(thực hiện tại cấp xã)"
        Assert.Contains("07 ngày làm việc", answer.Text.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneProcedureAtTwoLevels_AnOfficialIsAskedWhichLevel()
    {
        var answer = await Harness.AskAsync("cấp giấy phép kinh doanh dịch vụ lữ hành nội địa mất bao lâu", Persona.Official);

        Assert.Equal("ambiguous-procedures", answer.Decision.Rule);
        Assert.Equal(["tthc-lu-hanh-tinh", "tthc-lu-hanh-xa"], answer.Citations.Select(c => c.DocumentId).Order());
        Assert.Contains("cấp tỉnh)", answer.Text, StringComparison.Ordinal);
        Assert.Contains("cấp xã)", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chủ tịch xã cấp giấy phép kinh doanh dịch vụ lữ hành nội địa mất bao lâu", "commune-level")]
    [InlineData("xa cap giay phep kinh doanh dich vu lu hanh noi dia mat bao lau", "commune-level")]
    [InlineData("giấy phép kinh doanh dịch vụ lữ hành nội địa xã cấp hay tỉnh cấp, mất bao lâu", "ambiguous-procedures")]
    public async Task OneProcedureAtTwoLevels_AnOfficialWhoSpeaksOfTheCommuneAlone_GetsTheCommunesRecord(string question, string rule)
    {
        var answer = await Harness.AskAsync(question, Persona.Official);

        Assert.Equal(rule, answer.Decision.Rule);
        Assert.Contains("tthc-lu-hanh-xa", answer.Citations.Select(c => c.DocumentId));
    }

    [Fact]
    public async Task OneProcedureAtTwoLevels_ALevelNamedInTheQuestion_IsTheOneAnswered()
    {
        var answer = await Harness.AskAsync("cấp giấy phép kinh doanh dịch vụ lữ hành nội địa tại cấp tỉnh mất bao lâu", Persona.Official);

        Assert.Equal("tthc-lu-hanh-tinh", Assert.Single(answer.Citations).DocumentId);
        Assert.Contains("10 ngày làm việc", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chồng sắp cưới của em là người Trung Quốc, đăng ký kết hôn mất mấy ngày", "tthc-ket-hon-nuoc-ngoai")]
    [InlineData("đăng ký kết hôn với người nước ngoài mất mấy ngày", "tthc-ket-hon-nuoc-ngoai")]
    [InlineData("đăng ký kết hôn mất mấy ngày", "tthc-ket-hon")]
    public async Task AWordOfTheLongerSiblingTitle_KeepsItOverTheShorterTitleHeldInFull(string question, string record)
    {
        var answer = await Harness.AskAsync(question);

        Assert.Equal(record, answer.Citations[0].DocumentId);
    }

    [Fact]
    public async Task AFollowUpThatNamesAnotherProcedure_IsAnsweredAboutThatOne()
    {
        await Harness.AskAsync("làm giấy khai sinh cho con cần những giấy tờ gì", conversationId: "switch");

        var answer = await Harness.AskAsync("thế còn đăng ký kết hôn thì nộp ở đâu", conversationId: "switch");

        Assert.Equal("answer", answer.Decision.Rule);
        Assert.Equal("tthc-ket-hon", answer.Citations[0].DocumentId);
    }

    [Theory]
    [InlineData("đăng ký kết hôn nộp ở đâu", "thế nếu chồng em là người Hàn Quốc thì sao", "tthc-ket-hon-nuoc-ngoai")]
    [InlineData("gia hạn giấy phép xây dựng nhà ở mất mấy ngày", "thế cái giấy phép cũ của nhà bà ngoại bị chuột gặm nát một góc thì xin cấp lại có phải nộp bản gốc không", "tthc-gpxd-cap-lai")]
    public async Task AFollowUpWhoseOwnWordsNameASibling_ItsTitleOrTheChangeItHolds_IsAnsweredFromThatSibling_NotReferredForWordsThePreviousOneLacks(
        string first, string followUp, string sibling)
    {
        var conversation = "neighbour-" + sibling;
        await Harness.AskAsync(first, conversationId: conversation);

        var answer = await Harness.AskAsync(followUp, conversationId: conversation);

        Assert.True(answer.Reading!.IsFollowUp);
        Assert.Equal("answer", answer.Decision.Rule);
        Assert.Equal(SelectionReason.FollowUpNamesANeighbour, answer.Decision.Measures!.ChosenBecause);
        Assert.Equal(sibling, answer.Citations[0].DocumentId);
    }

    [Theory]
    [InlineData("giấy đó xin ở đâu, mấy ngày thì có", "tthc-xac-nhan-hon-nhan")]
    [InlineData("còn lệ phí thì sao", "tthc-ket-hon-giay")]
    public async Task AFollowUpAboutAPaper_AfterAnAnswerThatNamedTheProcedureGivingIt_IsAboutThatProcedure(string followUp, string cited)
    {
        const string Marriage = """
            ---
            id: tthc-ket-hon-giay
            type: procedure
            code: "1.000894"
            title: Đăng ký kết hôn
            level: xa
            source: https://dichvucong.gov.vn/ket-hon
            ---
            # Đăng ký kết hôn
            ## Thành phần hồ sơ
            - Tờ khai đăng ký kết hôn.
            - Giấy xác nhận tình trạng hôn nhân: cần khi một bên đăng ký ở xã không phải nơi mình cư trú (xem thủ tục “Cấp Giấy xác nhận tình trạng hôn nhân” (mã 1.004873)).
            ## Lệ phí
            - Miễn lệ phí.
            """;
        const string Certificate = """
            ---
            id: tthc-xac-nhan-hon-nhan
            type: procedure
            code: "1.004873"
            title: Cấp Giấy xác nhận tình trạng hôn nhân
            level: xa
            source: https://dichvucong.gov.vn/xac-nhan-hon-nhan
            ---
            # Cấp Giấy xác nhận tình trạng hôn nhân
            ## Nơi nộp và cách thức nộp
            - Trung tâm Phục vụ hành chính công cấp xã nơi thường trú.
            ## Thời hạn giải quyết
            - 03 ngày làm việc.
            """;
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string>
        {
            ["procedures/ket-hon.md"] = Marriage,
            ["procedures/xac-nhan-hon-nhan.md"] = Certificate,
            ["procedures/khai-sinh.md"] = AnswerFixtures.Birth,
        });
        var first = await harness.AskAsync("đăng ký kết hôn cần những giấy tờ gì", conversationId: "paper");
        Assert.Contains("(mã 1.004873)", first.Text, StringComparison.Ordinal);

        var answer = await harness.AskAsync(followUp, conversationId: "paper");

        Assert.Equal("answer", answer.Decision.Rule);
        Assert.Equal(cited, answer.Citations[0].DocumentId);
    }

    [Fact]
    public async Task AFollowUpThatNamesNothing_IsAnsweredAboutThePreviousProcedure()
    {
        await Harness.AskAsync("làm giấy khai sinh cho con cần những giấy tờ gì", conversationId: "same");

        var answer = await Harness.AskAsync("còn lệ phí thì sao?", conversationId: "same");

        Assert.Equal("tthc-khai-sinh", answer.Citations[0].DocumentId);
        Assert.Contains("Miễn lệ phí", answer.Text.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFollowUpAskingWhenTheTextWasSigned_IsAnsweredWithItsDates_NotReferred()
    {
        await Harness.AskAsync("Nghị định 129/2025/NĐ-CP chuyển những nhiệm vụ gì về cấp xã", conversationId: "dates");

        var answer = await Harness.AskAsync("nghị định đó ký ngày nào vậy, trước hay sau tết đoan ngọ", conversationId: "dates");

        Assert.Equal("answer", answer.Decision.Rule);
        Assert.Contains("ban hành ngày 11/6/2025", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AYesNoAboutSomethingElse_GetsNoVerdictFromTheItemCarriedOver()
    {
        await Harness.AskAsync("đăng ký khai sinh lệ phí bao nhiêu", conversationId: "carried");

        var answer = await Harness.AskAsync("còn đăng ký kết hôn thì sao, nhờ người nhà đi thay được không", conversationId: "carried");

        Assert.Equal("tthc-ket-hon", answer.Citations[0].DocumentId);
        Assert.False(answer.Text.StartsWith("Không.", StringComparison.Ordinal) || answer.Text.StartsWith("Có.", StringComparison.Ordinal), answer.Text);
    }

    [Theory]
    [InlineData(0.2, 0.4, 0.3, true)]
    [InlineData(0.1, 0.4, 0.3, false)]
    [InlineData(0.2, 0.3, 0.3, false)]
    [InlineData(0.2, 0.4, 0.2, false)]
    [InlineData(0.34, 0.1, 0.1, true)]
    [InlineData(0.0, 0.6, 0.5, true)]
    [InlineData(0.0, 0.6, 0.3, false)]
    public void AText_SpeaksToAQuestion_ThatHoldsAThirdOfItsName_OrIsCoveredAndOnTopic_OrAllThreeALittle(double nameMatch, double coverage, double topicMatch, bool speaks)
    {
        Assert.Equal(speaks, NotInSourcesRule.SpeaksTo(nameMatch, coverage, topicMatch));
    }

    [Fact]
    public async Task AStoryAboutThePreviousAnswer_ThatNamesNoText_IsAnsweredFromThePreviousRecord()
    {
        await Harness.AskAsync("làm giấy khai sinh cho con cần những giấy tờ gì", conversationId: "story");

        var answer = await Harness.AskAsync("bận quá, thằng cu nhà em được ba tuần tuổi rồi mới đi thì có bị thu tiền không", conversationId: "story");

        Assert.True(answer.Reading!.IsFollowUp);
        Assert.Equal("answer", answer.Decision.Rule);
        Assert.Equal("tthc-khai-sinh", answer.Citations[0].DocumentId);
        Assert.Contains("Miễn lệ phí", answer.Text.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATurnThatAsksNothing_AfterAnAnswer_IsAnsweredAsTheQuestionBeforeIt_NotDeclinedForItsOwnWords()
    {
        await Harness.AskAsync("giấy phép xây dựng nhà tôi sắp hết hạn mà chưa khởi công, xin gia hạn thì nộp ở đâu", conversationId: "tells");

        var answer = await Harness.AskAsync("Do thiếu tiền nên chưa đào móng được.", conversationId: "tells");

        Assert.True(answer.Reading!.AsksNothing);
        Assert.Equal("answer", answer.Decision.Rule);
        Assert.Equal("tthc-gpxd-gia-han", answer.Citations[0].DocumentId);
        Assert.Equal([AskedField.Place], answer.Reading.Fields);
    }

    [Fact]
    public async Task ATurnThatOnlyTellsTheSituation_AfterAnAnswer_IsAnsweredFromTheSiblingWhoseTextItFits()
    {
        const string reissue = """
            ---
            id: tthc-giay-phep-ghe-cap-lai
            type: procedure
            title: Cấp lại giấy phép hoạt động ghe chở khách trên sông
            level: xa
            source: https://example.gov.vn/ghe-cap-lai
            ---
            # Cấp lại giấy phép hoạt động ghe chở khách trên sông
            Giấy phép bị rách, nát hoặc bị mất thì chủ ghe đề nghị cấp lại.
            ## Thời hạn giải quyết
            - 03 ngày làm việc.
            """;
        const string extension = """
            ---
            id: tthc-giay-phep-ghe-gia-han
            type: procedure
            title: Gia hạn giấy phép hoạt động ghe chở khách trên sông
            level: xa
            source: https://example.gov.vn/ghe-gia-han
            ---
            # Gia hạn giấy phép hoạt động ghe chở khách trên sông
            Giấy phép sắp hết thời hạn mà ghe vẫn chạy tiếp thì chủ ghe đề nghị gia hạn trước khi hết hạn.
            ## Thời hạn giải quyết
            - 05 ngày làm việc.
            """;
        // Another procedure whose text fits the story as well, but whose name is no change to the permit's.
        const string stay = """
            ---
            id: tthc-luu-tru-tren-ghe
            type: procedure
            title: Gia hạn lưu trú của khách nghỉ đêm trên ghe
            level: xa
            source: https://example.gov.vn/luu-tru-ghe
            ---
            # Gia hạn lưu trú của khách nghỉ đêm trên ghe
            Khách nghỉ trên ghe sắp hết hạn lưu trú mà còn ở tiếp thì chủ ghe báo gia hạn, giấy vẫn còn nguyên.
            ## Thời hạn giải quyết
            - 01 ngày làm việc.
            """;
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string>(AnswerFixtures.All)
        {
            ["procedures/ghe-cap-lai.md"] = reissue,
            ["procedures/ghe-gia-han.md"] = extension,
            ["procedures/luu-tru-ghe.md"] = stay,
        });
        var first = await harness.AskAsync("cấp lại giấy phép hoạt động ghe chở khách trên sông mất mấy ngày", conversationId: "ghe");
        Assert.Equal("tthc-giay-phep-ghe-cap-lai", first.Citations[0].DocumentId);

        var answer = await harness.AskAsync("Giấy vẫn còn nguyên, chỉ là sắp hết hạn mà ghe còn chạy tiếp", conversationId: "ghe");

        Assert.True(answer.Reading!.AsksNothing);
        Assert.Equal("tthc-giay-phep-ghe-gia-han", answer.Citations[0].DocumentId);
        Assert.Equal(SelectionReason.StatementFitsASibling, answer.Decision.Measures?.ChosenBecause);
    }

    [Fact]
    public async Task ATurnThatOnlyTells_SettlesOnARecordOfTheSameFamily_ThatItsStorySaysInTheTextsWords()
    {
        // The two titles differ by more than a change's words; the story says "chết" in everyday words.
        const string accident = """
            ---
            id: tthc-tro-cap-tai-nan-do
            type: procedure
            title: Giải quyết chế độ trợ cấp tai nạn đối với người lái đò ngang
            level: xa
            source: https://example.gov.vn/do-tai-nan
            ---
            # Giải quyết chế độ trợ cấp tai nạn đối với người lái đò ngang
            Người lái đò ngang bị tai nạn khi chở khách qua sông được trợ cấp tai nạn.
            ## Thời hạn giải quyết
            - 05 ngày làm việc.
            """;
        const string death = """
            ---
            id: tthc-tro-cap-chet-do
            type: procedure
            title: Giải quyết chế độ trợ cấp chết do tai nạn hoặc chết do ốm đau đối với người lái đò ngang
            level: xa
            source: https://example.gov.vn/do-chet
            ---
            # Giải quyết chế độ trợ cấp chết do tai nạn hoặc chết do ốm đau đối với người lái đò ngang
            Người lái đò ngang chết do tai nạn hoặc ốm đau thì thân nhân được trợ cấp một lần.
            ## Thời hạn giải quyết
            - 07 ngày làm việc.
            """;
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string>(AnswerFixtures.All)
        {
            ["procedures/do-tai-nan.md"] = accident,
            ["procedures/do-chet.md"] = death,
        });
        var first = await harness.AskAsync("người lái đò ngang bị tai nạn thì xin trợ cấp ở đâu, mấy ngày", conversationId: "do");
        Assert.Equal("tthc-tro-cap-tai-nan-do", first.Citations[0].DocumentId);

        var answer = await harness.AskAsync("Dạ anh ấy không qua khỏi, để lại vợ với hai đứa con.", conversationId: "do");

        Assert.True(answer.Reading!.AsksNothing);
        Assert.Equal("tthc-tro-cap-chet-do", answer.Citations[0].DocumentId);
        Assert.Equal(SelectionReason.StatementFitsASibling, answer.Decision.Measures?.ChosenBecause);
    }

    private const string HouseholdSuspension = """
        ---
        id: tthc-tam-ngung-hkd
        type: procedure
        title: Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn của hộ kinh doanh
        source: https://example.gov.vn/tam-ngung
        ---
        # Thông báo tạm ngừng kinh doanh của hộ kinh doanh
        Hộ kinh doanh tạm ngừng kinh doanh thì thông báo cho cơ quan đăng ký kinh doanh cấp xã.
        ## Thời hạn giải quyết
        03 ngày làm việc.
        """;

    private const string HouseholdClosing = """
        ---
        id: tthc-cham-dut-hkd
        type: procedure
        title: Chấm dứt hoạt động hộ kinh doanh
        source: https://example.gov.vn/cham-dut
        ---
        # Chấm dứt hoạt động hộ kinh doanh
        Hộ kinh doanh chấm dứt hoạt động thì nộp thông báo và bản gốc giấy chứng nhận đăng ký hộ kinh doanh.
        ## Thời hạn giải quyết
        03 ngày làm việc.
        """;

    // The fixtures and a household business's suspension and closing.
    private static Task<AnswerHarness> WithHouseholdStopsAsync() =>
        AnswerHarness.StartAsync(new Dictionary<string, string>(AnswerFixtures.All)
        {
            ["procedures/tam-ngung-hkd.md"] = HouseholdSuspension,
            ["procedures/cham-dut-hkd.md"] = HouseholdClosing,
        });

    [Theory]
    [InlineData("tiệm may nhà tôi muốn nghỉ bán, phải báo xã thế nào", true)]
    [InlineData("hộ kinh doanh nhà em tính ngừng, làm thủ tục gì", true)]
    [InlineData("tiệm may nhà tôi muốn nghỉ bán ba tháng, phải báo xã thế nào", false)]
    [InlineData("tôi muốn dẹp tiệm may luôn, phải báo xã thế nào", false)]
    [InlineData("chọn ngày đẹp để cưới thì đăng ký kết hôn ở đâu", false)]
    public async Task AStopThatDoesNotSayHowLong_IsAskedBackBetweenTheSuspensionAndTheClosingOfTheSameThing(string question, bool asksBack)
    {
        using var harness = await WithHouseholdStopsAsync();

        var answer = await harness.AskAsync(question);

        Assert.Equal(asksBack, answer.Decision.Rule == "stop-without-length");
        if (asksBack)
        {
            Assert.Equal(["tthc-cham-dut-hkd", "tthc-tam-ngung-hkd"], answer.Citations.Select(c => c.DocumentId).Order());
        }
    }

    [Theory]
    [InlineData("chắc nghỉ chừng ba tháng rồi mở lại", "tthc-tam-ngung-hkd")]
    [InlineData("nghỉ hẳn luôn, không bán nữa", "tthc-cham-dut-hkd")]
    public async Task TheReplyToThatAskBack_IsAnsweredFromTheProcedureThatLastsAsLongAsItSays(string reply, string cited)
    {
        using var harness = await WithHouseholdStopsAsync();
        await harness.AskAsync("tiệm may nhà tôi muốn nghỉ bán, phải báo xã thế nào", conversationId: "stop");

        var answer = await harness.AskAsync(reply, conversationId: "stop");

        Assert.Equal("answer", answer.Decision.Rule);
        Assert.Equal(cited, answer.Citations[0].DocumentId);
    }

    [Theory]
    [InlineData("vợ tôi sắp sinh nên muốn đóng cửa tiệm tạp hóa chừng 3 tháng rồi mở lại, có phải báo cơ quan nào không?", "tthc-tam-ngung-tiep-tuc-kinh-doanh-ho-kinh-doanh")]
    [InlineData("tôi dẹp tiệm ở thành phố rồi, về quê mở lại tiệm tạp hóa, đăng ký hộ kinh doanh mới thì nộp ở đâu", "tthc-1.001612")]
    [InlineData("tiệm tạp hóa của má tôi muốn nghỉ bán luôn, giấy tờ làm sao", "tthc-cham-dut-hoat-dong-ho-kinh-doanh")]
    public async Task AStopThatSaysHowLong_IsAnsweredFromTheRecordThatLastsAsLong_UnlessItNamesTheRecordItAsks(string question, string cited)
    {
        using var harness = await AnswerHarness.StartOverTheBundledCorpusAsync();

        var answer = await harness.AskAsync(question);

        Assert.True(answer.Reading!.StopsSayingHowLong);
        Assert.False(answer.Abstained);
        Assert.Equal(cited, answer.Citations[0].DocumentId);
    }

    [Theory]
    [InlineData("đăng ký tạm trú cho sinh viên thuê trọ 6 tháng hết bao nhiêu tiền")]
    [InlineData("xin giấy phép xây dựng nhà ở riêng lẻ thì nộp ở đâu, bao lâu, lệ phí bao nhiêu")]
    [InlineData("chồng sắp cưới của em ở xa, nộp hồ sơ kết hôn qua mạng được không, mấy ngày thì xong")] // "kết hôn" is in the marital-status certificate's names too
    public async Task AQuestionThatStopsNothing_OrNamesTheProcedureThatIsNoChange_IsNotSteeredNorAskedBack(string question)
    {
        using var harness = await AnswerHarness.StartOverTheBundledCorpusAsync();

        var answer = await harness.AskAsync(question);

        Assert.False(answer.Reading!.StopsSayingHowLong);
        Assert.Single(answer.Citations.Select(c => c.DocumentId).Distinct());
        Assert.False(answer.Abstained);
    }

    [Fact]
    public async Task ATurnThatAsksNothing_WhoseOwnWordsTakeItElsewhere_IsReadAgainstTheAnswerBefore_NotDeclined()
    {
        // The bundled corpus: "tập bắn", "nằm viện" are words of other texts; the turn is the asker's story about the
        // reservist whose accident was just answered.
        using var harness = await AnswerHarness.StartOverTheBundledCorpusAsync();
        var first = await harness.AskAsync("Chồng em là quân nhân dự bị, đi huấn luyện tập trung thì bị tai nạn, nhà em xin chế độ thế nào?", conversationId: "story");

        var answer = await harness.AskAsync("Dạ ảnh té gãy chân lúc tập bắn, giờ còn nằm viện tỉnh.", conversationId: "story");

        Assert.True(answer.Reading!.AsksNothing);
        Assert.Equal("answer", answer.Decision.Rule);
        Assert.Equal(first.Citations[0].DocumentId, answer.Citations[0].DocumentId);
    }

    [Fact]
    public async Task TheSameStory_WithNoConversationBeforeIt_IsDeclined()
    {
        var answer = await Harness.AskAsync("bận quá, thằng cu nhà em được ba tuần tuổi rồi mới đi thì có bị thu tiền không");

        Assert.True(answer.Abstained);
    }

    [Fact]
    public async Task AnOffTopicQuestionInAConversation_StaysOutOfScope()
    {
        await Harness.AskAsync("làm giấy khai sinh cho con cần những giấy tờ gì", conversationId: "weather");

        var answer = await Harness.AskAsync("mai trời có mưa to không, tính chở thằng cu đi chơi", conversationId: "weather");

        Assert.Equal("out-of-scope", answer.Decision.Rule);
    }

    [Theory]
    [InlineData("chồng em đi biển cả tháng chưa về, em ở cữ một mình thì tính sao đây", false)]
    [InlineData("nhân tiện, nên mua xe Vision hay Lead cho vợ đi chợ", true)]
    public async Task ALaterQuestionWithFewWordsInCommonWithTheTexts_GoesOnWithTheConversation_UnlessItOpensANewSubjectByTheWay(string question, bool declined)
    {
        var conversation = $"goes-on-{declined}";
        await Harness.AskAsync("làm giấy khai sinh cho con cần những giấy tờ gì", conversationId: conversation);

        var answer = await Harness.AskAsync(question, conversationId: conversation);

        Assert.Equal(declined, answer.Decision.Rule == "out-of-scope");
        if (!declined)
        {
            // Referred, it names the text the answer was looked for in.
            Assert.Equal("tthc-khai-sinh", answer.Decision.Measures!.ChosenDocument);
            Assert.Contains(answer.Citations, c => c.DocumentId == "tthc-khai-sinh");
        }
    }

    [Theory]
    [InlineData("lỡ bà đang hưởng mà qua đời giữa chừng thì khoản trợ cấp đó nhà còn lãnh được tới khi nào", true)]
    [InlineData("bà đang hưởng mà qua đời giữa chừng thì khoản trợ cấp đó nhà còn lãnh được tới khi nào", false)]
    public async Task ALaterQuestionThatOpensWithACase_IsReadAgainstThePreviousAnswer_ThoughItsWordsTouchAnotherText(string question, bool readAgainstThePrevious)
    {
        var conversation = $"case-{readAgainstThePrevious}";
        await Harness.AskAsync("mẹ tôi 76 tuổi không có lương hưu, có được hưởng trợ cấp hưu trí xã hội không", conversationId: conversation);

        var answer = await Harness.AskAsync(question, conversationId: conversation);

        // The record does not say; the referral names it as where the answer was looked for.
        Assert.True(answer.Abstained);
        Assert.Equal(readAgainstThePrevious, answer.Citations.Any(c => c.DocumentId == "tthc-huu-tri"));
    }

    [Fact]
    public async Task ASubjectOutsideLocalGovernment_IsInScope_WhereARetrievedTextIsTitledWithIt()
    {
        const string publicCompany = """
            ---
            id: tthc-cong-ty-dai-chung
            type: procedure
            title: Đăng ký công ty đại chúng
            source: https://example.gov.vn/dai-chung
            ---
            # Đăng ký công ty đại chúng

            ## Cơ quan giải quyết
            - Ủy ban Chứng khoán Nhà nước.

            ## Điều kiện
            - Công ty cổ phần có vốn điều lệ đã góp từ 30 tỷ đồng trở lên và ít nhất 10% cổ phiếu có quyền biểu quyết do ít nhất 100 nhà đầu tư không phải cổ đông lớn nắm giữ.

            ## Thời hạn giải quyết
            - 15 ngày kể từ ngày nhận đủ hồ sơ.
            """;
        const string license = """
            ---
            id: tthc-chung-chi-chung-khoan
            type: procedure
            title: Cấp chứng chỉ hành nghề chứng khoán
            source: https://example.gov.vn/chung-chi
            ---
            # Cấp chứng chỉ hành nghề chứng khoán

            ## Cơ quan giải quyết
            - Ủy ban Chứng khoán Nhà nước.
            """;
        const string question = "nha toi co 150 co dong nho, du dieu kien len dai chung chua, uy ban chung khoan xu bao lau";
        using var withTitles = await AnswerHarness.StartAsync(new Dictionary<string, string>(AnswerFixtures.All) { ["procedures/dai-chung.md"] = publicCompany, ["procedures/chung-chi.md"] = license });
        using var withoutTitles = await AnswerHarness.StartAsync(new Dictionary<string, string>(AnswerFixtures.All) { ["procedures/dai-chung.md"] = publicCompany });

        var answered = await withTitles.AskAsync(question);
        var declined = await withoutTitles.AskAsync(question);
        // Those words aside, the market's question holds nothing of a text that is titled with them.
        var market = await withTitles.AskAsync("chứng khoán tuần này lên hay xuống, nên bán chưa");

        Assert.NotEqual("out-of-scope", answered.Decision.Rule);
        Assert.Equal("tthc-cong-ty-dai-chung", answered.Decision.Measures!.ChosenDocument);
        Assert.Equal("out-of-scope", declined.Decision.Rule);
        Assert.Equal("out-of-scope", market.Decision.Rule);
    }

    [Fact]
    public async Task AnOpeningQuestionThatNamesAProcedure_IsAnswered_ThoughMostOfItsWordsAreEverydayOnesTheRecordLacks()
    {
        // Other texts that use the question's everyday words, so that they weigh in its coverage as they do in a
        // real corpus; the birth record holds none of them.
        static string Guide(string id, string text) => $"---\nid: {id}\ntype: guide\ntitle: Đời sống {id}\nsource: https://example.gov.vn/{id}\n---\n# Đời sống\n\n{text}\n";
        using var harness = await AnswerHarness.StartAsync(new Dictionary<string, string>
        {
            ["procedures/khai-sinh.md"] = AnswerFixtures.Birth,
            ["guides/a.md"] = Guide("guide-a", "Nhà ở trên núi, mấy năm nay không về ăn tết."),
            ["guides/b.md"] = Guide("guide-b", "Ba mẹ buôn bán xa, ông bà nội trông thằng cu."),
        });

        var answer = await harness.AskAsync("nhà ở trên núi, mấy năm nay ba mẹ buôn bán xa không về ăn tết, ông bà nội đăng ký khai sinh cho thằng cu được không");

        Assert.True(answer.Decision.Measures is { Named: true, Coverage: < NotInSourcesRule.MinCoverage }, answer.Decision.Measures?.ToString());
        Assert.Equal("answer", answer.Decision.Rule);
        Assert.Equal("tthc-khai-sinh", answer.Citations[0].DocumentId);
    }

    [Fact]
    public async Task AFollowUpAskingWhetherSomeoneElseQualifies_IsAnsweredFromThePreviousRecordsConditions()
    {
        // The record is described, not named: "trợ cấp" without "hưu trí xã hội".
        var first = await Harness.AskAsync("bà tôi 78 tuổi không có lương hưu, xin trợ cấp hằng tháng ở xã được không", conversationId: "qualifies-for-a-pension");
        Assert.Equal("tthc-huu-tri", Assert.Single(first.Citations).DocumentId);

        var answer = await Harness.AskAsync("thế ông ngoại tôi 72 tuổi thì có được không?", conversationId: "qualifies-for-a-pension");

        Assert.Equal("answer", answer.Decision.Rule);
        Assert.Equal("tthc-huu-tri", answer.Citations[0].DocumentId);
        Assert.Contains("75 tuổi", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFollowUpAskingWhatTheTextStatesInOtherWordOrder_IsAnswered_NotReferredForTheSeamsBetweenItsWords()
    {
        await Harness.AskAsync("nghị định 129/2025 chuyển bao nhiêu nhiệm vụ lên cấp tỉnh", Persona.Official, conversationId: "seams");

        // "còn việc", "việc khen", "khen thưởng gia" … are pairs no text writes: the seams of the asker's sentence.
        var answer = await Harness.AskAsync("thế còn việc khen thưởng gia đình văn hóa, giấy khen thì sao", Persona.Official, conversationId: "seams");

        Assert.Equal("answer", answer.Decision.Rule);
        Assert.Equal("nd-129-2025", answer.Citations[0].DocumentId);
        Assert.Contains("giấy khen", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFollowUpAskingWhatThePreviousProcedureDoesNotCover_IsReferred()
    {
        await Harness.AskAsync("làm giấy khai sinh cho con cần những giấy tờ gì", conversationId: "beyond");

        var answer = await Harness.AskAsync("thế còn làm hộ chiếu cho con thì sao?", conversationId: "beyond");

        Assert.True(answer.Abstained);
        Assert.Equal("not-in-sources", answer.Decision.Rule);

        // The referral names the record the conversation is about (as where the answer was not found, not as a text
        // that lacks it), cites it, and says who handles it and which form to fill in.
        Assert.StartsWith("Tôi chưa tìm thấy trong thủ tục «Đăng ký khai sinh» [1] câu trả lời cho điều bạn hỏi.", answer.Text, StringComparison.Ordinal);
        Assert.Equal("tthc-khai-sinh", Assert.Single(answer.Citations).DocumentId);
        Assert.Contains("Cơ quan giải quyết:", answer.Text, StringComparison.Ordinal);
        Assert.Contains("mẫu đơn, tờ khai: Tờ khai đăng ký khai sinh", answer.Text, StringComparison.Ordinal);
        Assert.Contains(Replies.ReferralClause, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_HaveDistinctNamesAndOneLineReasons_AndEndWithTheRuleThatAnswers()
    {
        var rules = Harness.Policy.Rules;

        Assert.Equal(rules.Count, rules.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(rules, r => Assert.Matches("^[a-z]+(-[a-z]+)*$", r.Name));
        Assert.All(rules, r => Assert.DoesNotContain('\n', r.Reason));
        Assert.Equal("answer", rules[^1].Name);
    }

    private static int Occurrences(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.OrdinalIgnoreCase).Length) / part.Length;
}
