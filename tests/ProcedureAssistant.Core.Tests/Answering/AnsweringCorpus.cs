using System.Text;
using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Questions;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Answering;

/// <summary>
/// A few procedure records and texts, parsed and counted the way the service does, for the source-selection and
/// statistics tests: two sibling household-business records, a record with declared gaps, a superseded law and its
/// successor, a law named by its title, a decree and a guide that each declare an item unknown.
/// </summary>
internal sealed class AnsweringCorpus
{
    public const string Founding = """
        ---
        id: tthc-1.001612
        type: procedure
        code: "1.001612"
        title: Đăng ký thành lập hộ kinh doanh
        aliases: ["đăng ký hộ kinh doanh cá thể"]
        source: https://example.gov.vn/1
        ---
        # Đăng ký thành lập hộ kinh doanh
        ## Cơ quan giải quyết
        Cơ quan đăng ký kinh doanh cấp xã.
        ## Thời hạn giải quyết
        03 ngày làm việc.
        ## Lệ phí
        Mức lệ phí do Hội đồng nhân dân cấp tỉnh quy định.
        """;

    public const string Reissue = """
        ---
        id: tthc-cap-lai-hkd
        type: procedure
        title: Cấp lại, cấp đổi Giấy chứng nhận đăng ký hộ kinh doanh
        aliases: ["mất giấy đăng ký hộ kinh doanh"]
        source: https://example.gov.vn/2
        ---
        # Cấp lại, cấp đổi Giấy chứng nhận đăng ký hộ kinh doanh
        Khi giấy chứng nhận đăng ký hộ kinh doanh bị mất, hỏng hoặc cần đổi, hộ kinh doanh đề nghị cấp lại.
        ## Cơ quan giải quyết
        Cơ quan đăng ký kinh doanh cấp xã.
        ## Thời hạn giải quyết
        Chưa có thông tin chính thức.
        """;

    public const string Pension = """
        ---
        id: tthc-huu-tri
        type: procedure
        title: Hưởng trợ cấp hưu trí xã hội
        source: https://example.gov.vn/3
        ---
        # Hưởng trợ cấp hưu trí xã hội
        ## Cơ quan giải quyết
        - Ủy ban nhân dân cấp xã nơi người đề nghị cư trú.
        ## Lệ phí
        Không thu lệ phí.
        ## Kết quả
        - Quyết định hưởng trợ cấp. Mức trợ cấp: chưa có thông tin chính thức.
        ## Điều kiện
        - Từ đủ 75 tuổi trở lên, không hưởng lương hưu.
        ## Ghi chú
        - Mã thủ tục quốc gia: chưa có thông tin chính thức.
        """;

    public const string OldLaw = """
        ---
        id: luat-65
        type: regulation
        number: 65/2025/QH15
        title: Luật Tổ chức chính quyền địa phương số 65/2025/QH15 (đã bị thay thế)
        effective: 2025-03-01
        superseded_by: luat-72
        source: https://example.gov.vn/65
        ---
        # Luật 65/2025/QH15
        ## Tổ chức chính quyền ba cấp
        Luật này tổ chức chính quyền địa phương ở ba cấp tỉnh, huyện và xã.
        """;

    public const string NewLaw = """
        ---
        id: luat-72
        type: regulation
        number: 72/2025/QH15
        title: Luật Tổ chức chính quyền địa phương
        effective: 2025-07-01
        source: https://example.gov.vn/72
        ---
        # Luật 72/2025/QH15
        ## Tổ chức chính quyền hai cấp
        Chính quyền địa phương được tổ chức ở hai cấp tỉnh và xã.
        """;

    public const string GovernmentLaw = """
        ---
        id: luat-63
        type: regulation
        number: 63/2025/QH15
        title: Luật Tổ chức Chính phủ số 63/2025/QH15
        effective: 2025-03-01
        source: https://example.gov.vn/63
        ---
        # Luật Tổ chức Chính phủ số 63/2025/QH15
        Luật quy định về tổ chức của Chính phủ, ban hành ngày 18/02/2025.
        """;

    public const string Decree = """
        ---
        id: nd-129
        type: regulation
        number: 129/2025/NĐ-CP
        title: Nghị định 129/2025/NĐ-CP phân định thẩm quyền trong lĩnh vực nội vụ
        effective: 2025-07-01
        source: https://example.gov.vn/129
        ---
        # Nghị định 129/2025/NĐ-CP
        ## Nhiệm vụ chuyển lên cấp tỉnh
        Có 32 nhiệm vụ chuyển từ cấp huyện lên cấp tỉnh. Danh sách 32 nhiệm vụ này: chưa có thông tin chính thức.
        ## Nhiệm vụ chuyển về cấp xã
        Có 60 nhiệm vụ chuyển từ cấp huyện về cấp xã, trong đó Chủ tịch Ủy ban nhân dân cấp xã tặng giấy khen.
        """;

    public const string Province = """
        ---
        id: guide-tinh
        type: guide
        title: Tỉnh Đắk Lắk sau sáp nhập
        source: https://example.gov.vn/tinh
        ---
        # Tỉnh Đắk Lắk sau sáp nhập
        Tỉnh Đắk Lắk có 102 xã, phường sau sáp nhập.
        ## Thông tin chưa có
        - Nghị quyết của HĐND tỉnh Đắk Lắk về lệ phí hộ tịch, đăng ký hộ kinh doanh, cấp giấy chứng nhận quyền sử dụng đất: chưa có thông tin chính thức.
        """;

    /// <summary>The corpus above, and <paramref name="more"/> documents (Markdown with front matter) a test adds.</summary>
    public AnsweringCorpus(params string[] more)
    {
        var parser = new MarkdownDocumentParser();
        Documents = new[] { Founding, Reissue, Pension, OldLaw, NewLaw, GovernmentLaw, Decree, Province }.Concat(more)
            .Select((text, i) => parser.Parse($"doc{i}.md", Encoding.UTF8.GetBytes(text)))
            .ToDictionary(d => d.Id, StringComparer.Ordinal);
        Statistics = new DocumentStatistics(1, "hash", Documents.Values.ToList(), Analyzer);
    }

    public TextAnalyzer Analyzer { get; } = TextAnalyzer.CreateDefault();

    public IReadOnlyDictionary<string, CorpusDocument> Documents { get; }

    public DocumentStatistics Statistics { get; }

    public static DateOnly Today => new(2026, 1, 15);

    /// <summary>A retrieved chunk: the whole body of the document, with the coverage the retriever would report.</summary>
    public ChunkHit Hit(string documentId, double coverage)
    {
        var document = Documents[documentId];
        var chunk = new Chunk
        {
            Id = documentId + "#0",
            DocumentId = documentId,
            Ordinal = 0,
            DocumentType = document.Type,
            Title = document.Title,
            Number = document.Number,
            Code = document.Code,
            Text = document.Body,
        };
        return new ChunkHit(chunk, 10 * coverage, coverage);
    }

    /// <summary>The folded topic terms of a question, without the words that say which item it asks for.</summary>
    public IReadOnlySet<string> Terms(string question)
    {
        var terms = TopicTerms.Of(Analyzer, question);
        var syllables = PhraseList<AskedField>.Folded(question);
        foreach (var cue in _cues.Fields.Find(syllables))
        {
            terms.ExceptWith(TopicTerms.All(string.Join(' ', syllables.Skip(cue.Start).Take(cue.Length))));
        }

        return terms;
    }

    /// <summary>A question read as the reader would, without an index behind it: its topic terms and the items asked.</summary>
    public QuestionReading Reading(string question) => new()
    {
        Asked = question,
        Text = question,
        SearchText = question,
        Terms = Analyzer.AnalyzeQuery(question),
        TopicTerms = Terms(question),
        OwnTopicTerms = Terms(question),
        Fields = _cues.Fields.Find(PhraseList<AskedField>.Folded(question)).Select(m => m.Key).Distinct().ToList(),
        NamedChanges = _cues.ChangesIn(PhraseList<AskedField>.Folded(question)),
    };

    public SourceChoice Choose(string question, params ChunkHit[] hits) =>
        SourceSelector.Choose(hits, Documents, Reading(question), Statistics, _cues, Today)!;

    private readonly QuestionCues _cues = QuestionCues.CreateDefault();

    /// <summary>The cues shipped with the service.</summary>
    public QuestionCues Cues => _cues;
}
