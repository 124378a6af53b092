using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Questions;

/// <summary>
/// A question as the service understands it, read once (<see cref="QuestionReader"/>) and passed to retrieval, the
/// answer policy, the composer, search, evaluation and the logs, so that every step reads the question the same way.
/// </summary>
public sealed record QuestionReading
{
    /// <summary>The question as typed.</summary>
    public required string Asked { get; init; }

    /// <summary>The question as meant: shorthand expanded ("ko" → "không"), misspelt syllables corrected.</summary>
    public required string Text { get; init; }

    /// <summary>What is searched: <see cref="Text"/>, behind the conversation's topic when the question is a follow-up that names none.</summary>
    public required string SearchText { get; init; }

    /// <summary>The question leans on the conversation's previous question (an opener such as "còn", or too few words of its own).</summary>
    public bool IsFollowUp { get; init; }

    /// <summary>
    /// The turn asks nothing: no question mark, question word, yes/no phrase or request. In a conversation it tells the
    /// asker's situation or replies to the answer before ("dạ nó mua đất ở luôn trong đó rồi, không về nữa"): a
    /// follow-up whose words are context, asking again what the question before asked.
    /// </summary>
    public bool AsksNothing { get; init; }

    /// <summary>
    /// The asker means to stop a business or an activity ("quán cơm nhà em muốn nghỉ", "tổ hợp tác muốn ngừng hoạt
    /// động") and does not say whether for a while or for good: a suspension and a closing are different procedures.
    /// </summary>
    public bool StopsWithoutSayingHowLong { get; init; }

    /// <summary>
    /// The asker means to stop a business or an activity and says how long (<see cref="SaysHowLongAStopLasts"/>):
    /// "muốn đóng tiệm may chừng 4 tháng rồi mở lại", "dẹp quán luôn".
    /// </summary>
    public bool StopsSayingHowLong { get; init; }

    /// <summary>How long the stop the question speaks of lasts, where it says ("nghỉ ba tháng rồi mở lại", "dẹp luôn").</summary>
    public StopLength? SaysHowLongAStopLasts { get; init; }

    /// <summary>A follow-up that names a topic of its own ("thế còn đăng ký kết hôn thì sao"): searched on its own words.</summary>
    public bool ChangesTopic { get; init; }

    /// <summary>
    /// For a follow-up that keeps the conversation's topic, the document the previous answer came from ("vậy mất bao
    /// lâu" after an answer from the foreign-marriage record is about that record); null otherwise.
    /// </summary>
    public string? FollowsDocument { get; init; }

    /// <summary>
    /// The search terms of <see cref="SearchText"/>: accented and folded syllables and pairs, diacritics restored from the
    /// index's vocabulary for a question typed without them, and the filter of the place and level named.
    /// </summary>
    public required QueryTerms Terms { get; init; }

    /// <summary>Folded topic terms of <see cref="SearchText"/> (<see cref="TopicTerms.Of"/>), without the words that only say which item is asked.</summary>
    public required IReadOnlySet<string> TopicTerms { get; init; }

    /// <summary>Folded topic terms of <see cref="Text"/> alone (a follow-up's own words), without the words that say which item is asked.</summary>
    public required IReadOnlySet<string> OwnTopicTerms { get; init; }

    /// <summary>The items of a procedure asked for, in the order asked; a follow-up that names none asks the previous question's.</summary>
    public required IReadOnlyList<AskedField> Fields { get; init; }

    /// <summary>The items of <see cref="Fields"/> the question itself asks with a question word ("nộp ở đâu", "lệ phí bao nhiêu"), not only mentions ("hồ sơ cũ ghi …").</summary>
    public IReadOnlyList<AskedField> FieldsAskedOutright { get; init; } = [];

    /// <summary>The items were not asked by the question itself but carried over from the conversation's previous one.</summary>
    public bool FieldsCarriedOver { get; init; }

    /// <summary>A yes/no question ("có mất tiền không", "được không").</summary>
    public bool IsYesNo { get; init; }

    /// <summary>A yes or no on whether someone may have or do something ("mẹ tôi có được không": <c>eligibility</c> in <c>question-forms.tsv</c>).</summary>
    public bool AsksIfEligible { get; init; }

    /// <summary>
    /// The procedures the service asked back between in the previous turn (document ids), when this question is the reply
    /// to that ("dạ, giấy còn hạn, chỉ là đổi tên công ty"): it picks one of them. Empty otherwise.
    /// </summary>
    public IReadOnlyList<string> OptionsOffered { get; init; } = [];

    /// <summary>
    /// A paper the asker holds must be done again and the question names no change ("giấy phép xây dựng nhà tôi có vấn
    /// đề, giờ làm lại": <c>redo</c> in <c>question-forms.tsv</c>, and no <c>modifier</c>).
    /// </summary>
    public bool AsksToRedo { get; init; }

    /// <summary>True when the question asks which procedure to follow ("làm thủ tục nào", "xin giấy phép loại nào").</summary>
    public bool AsksWhichProcedure { get; init; }

    /// <summary>
    /// A list of things is asked for ("liệt kê giúp 32 nhiệm vụ", "chuyển những việc gì về xã": <c>list</c> in
    /// <c>question-forms.tsv</c>, or "những" with "gì" or "nào" at most five words after it).
    /// </summary>
    public bool AsksForAList { get; init; }

    /// <summary>The whole procedure is asked for ("cần làm gì", "thủ tục thế nào"), not one item of it (no item but the steps is asked).</summary>
    public bool AsksWholeProcedure { get; init; }

    /// <summary>The answer is a date ("có hiệu lực từ ngày nào", "áp dụng đến bao giờ").</summary>
    public bool ExpectsDate { get; init; }

    /// <summary>
    /// The dates asked of a legal text ("nghị định nào, ký ngày nào": signed; "luật đó hiệu lực từ bao giờ": in force;
    /// "áp dụng tới năm nào": ends); empty when the question names no kind of text and points back at none.
    /// </summary>
    public IReadOnlyList<TextDate> DatesOfTextAsked { get; init; } = [];

    /// <summary>Asks when a legal text was signed, takes effect or ends.</summary>
    public bool AsksDatesOfText => DatesOfTextAsked.Count > 0;

    /// <summary>The answer is a number ("bao nhiêu xã", "luật số mấy").</summary>
    public bool ExpectsNumber { get; init; }

    /// <summary>
    /// What a number is asked of, folded: the syllable after each "bao nhiêu" or "mấy" that counts something ("mỗi loại
    /// bao nhiêu nghị định" → "nghi", "có mấy chương" → "chuong"); a sentence counting it ("14 nghị định") answers.
    /// </summary>
    public IReadOnlyList<string> CountedThings { get; init; } = [];

    /// <summary>The numbers the question itself states ("gói 28 nghị định"): a sentence repeating them gives none asked.</summary>
    public IReadOnlyList<string> NumbersStated { get; init; } = [];

    /// <summary>
    /// The words written right after the numbers the question states, folded ("ngay" of "mẹ nằm viện 10 ngày", "tuoi" of
    /// "em 29 tuổi"): the kinds of quantity the asker gives of his own case, which a condition bounding them speaks to.
    /// </summary>
    public IReadOnlyList<string> UnitsStated { get; init; } = [];

    /// <summary>Asks which commune, ward or province a place belongs to now ("xã Hòa Phú cũ giờ thuộc xã nào").</summary>
    public bool AsksWhereAPlaceBelongsNow { get; init; }

    /// <summary>The question speaks of the 2025 merger of units ("sau sắp xếp", "được sáp nhập": <c>merger</c> in <c>question-forms.tsv</c>).</summary>
    public bool NamesTheMerger { get; init; }

    /// <summary>
    /// Asks which unit a place is ("giờ đổi sang xã gì": <c>unit-name</c> in <c>question-forms.tsv</c>), or its name now
    /// ("giờ xã tôi tên là gì": <c>name-asked</c> with <c>now</c>).
    /// </summary>
    public bool AsksTheNameOfAUnit { get; init; }

    /// <summary>Asks how many communes a province has since the merger, or which were not rearranged ("có bao nhiêu đơn vị cấp xã": <c>unit-count</c>).</summary>
    public bool AsksHowManyUnits { get; init; }

    /// <summary>The conversation's previous reply said where places belong now: a commune named next ("còn thị trấn X thì sao?") asks the same of it.</summary>
    public bool FollowsAPlaceLookup { get; init; }

    /// <summary>The communes the previous reply looked up ("xã Tả Phìn"), when it was a lookup; else empty.</summary>
    public IReadOnlyList<string> PlacesLookedUpBefore { get; init; } = [];

    /// <summary>The question asks for a person's private data (a phone number, a home address, an identity number).</summary>
    public bool AsksForPersonalData { get; init; }

    /// <summary>
    /// The subjects outside local government and its procedures that the question names ("thời tiết", "giá vàng", "bài
    /// phát biểu": <c>off-topic</c> in <c>question-forms.tsv</c>), each as its folded syllables ("chung khoan"). Whether
    /// one is outside what the deployment answers depends on its texts: the national catalogue has procedures of the
    /// securities commission (<c>AnswerContext.NamesASubjectOutsideTheTexts</c>).
    /// </summary>
    public IReadOnlyList<string> OffTopicSubjects { get; init; } = [];

    /// <summary>The question names a subject outside local government (<see cref="OffTopicSubjects"/>).</summary>
    public bool NamesOffTopicSubject => OffTopicSubjects.Count > 0;

    /// <summary>
    /// The question is asked in a conversation whose previous reply came from a text, and does not open a new subject by
    /// the way ("tiện hỏi luôn", "nhân tiện": <c>by-the-way</c> in <c>question-forms.tsv</c>): whatever few words it
    /// shares with the texts, it goes on with what the asker came about ("lỡ ổng mất giữa chừng thì khoản đó tính sao").
    /// </summary>
    public bool ContinuesAnAnswer { get; init; }

    /// <summary>
    /// The question opens with a case ("nếu", "lỡ", "chẳng may": <c>case</c> in <c>question-forms.tsv</c>): in a
    /// conversation, a case of the situation just answered ("lỡ ổng mất giữa chừng thì khoản trợ cấp đó tính sao"),
    /// whatever other text its words touch.
    /// </summary>
    public bool OpensWithACase { get; init; }

    /// <summary>Document numbers and procedure codes named ("118/2025/NĐ-CP", "1.001193").</summary>
    public IReadOnlyList<string> NamedIdentifiers { get; init; } = [];

    /// <summary>
    /// The offices and levels the question names as where to go or who decides, as the records write them
    /// ("lên công an xã" → "công an"; data: <c>Text/Data/offices.tsv</c>), in the order named.
    /// </summary>
    public IReadOnlyList<string> NamedOffices { get; init; } = [];

    /// <summary>The ways of filing the question names, as the records write them ("gửi bưu điện" → "bưu chính").</summary>
    public IReadOnlyList<string> NamedChannels { get; init; } = [];

    /// <summary>
    /// The ways of filing named in a clause that asks yes or no ("làm qua mạng được không"): the yes or no is about
    /// them. Not one named in another clause ("có làm được không, nộp online hết bao nhiêu" asks the fee online).
    /// </summary>
    public IReadOnlyList<string> ChannelsAskedAbout { get; init; } = [];

    /// <summary>
    /// The words that make a procedure a change to an earlier one that the question holds ("cấp lại", "gia hạn"; the
    /// <c>modifier</c> forms of <c>question-forms.tsv</c>), folded, in the order held.
    /// </summary>
    public IReadOnlyList<string> NamedChanges { get; init; } = [];

    /// <summary>The place named, or null.</summary>
    public NamedPlace? Place { get; init; }

    /// <summary>The procedure level named ("cấp xã" → <c>xa</c>, see <see cref="Documents.ProcedureLevels"/>), or null.</summary>
    public string? Level { get; init; }

    /// <summary>
    /// The question speaks of the commune ("xã phải phê duyệt …", "chủ tịch xã cấp giấy", "ra phường") and of no other
    /// level (province, district, ministry): of a procedure held at several levels, it is about the commune's.
    /// </summary>
    public bool SpeaksOfTheCommuneOnly { get; init; }
}
