using System.ComponentModel.DataAnnotations;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>When to answer and when to refer the person to the commune's service centre.</summary>
public sealed class AnsweringOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Answering";

    /// <summary>
    /// Least share of the question's terms (weighted by rarity) the best chunk must contain; below it the
    /// service abstains rather than answer from weak evidence.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinCoverage { get; set; } = 0.5;

    /// <summary>
    /// Least topic match (<see cref="DocumentStatistics.TopicMatch"/>: rarity-weighted share of the question's
    /// syllables and syllable pairs that the chosen document holds, a term no document holds counting at the
    /// highest rarity) for a question that does not name the document; below it the service abstains.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinTopicMatch { get; set; } = 0.4;

    /// <summary>
    /// A question that names a document (title, alias, number or code) at least this fully (rarity-weighted share
    /// of the name's terms) is answered from it even below <see cref="MinCoverage"/>, unless what it asks beyond
    /// the name is not in the document (<see cref="MinSupport"/>).
    /// </summary>
    [Range(0.0, 1.0)]
    public double NamedThreshold { get; set; } = 0.5;

    /// <summary>
    /// For a follow-up, or a question answered only because it names the document: least rarity-weighted share of
    /// the question's own known words beyond the document's name that the document must hold, unless the question
    /// just asks one of the named record's fields ("còn lệ phí thì sao?").
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinSupport { get; set; } = 0.5;

    /// <summary>
    /// A later procedure record is chosen over the first retrieved document when its name match plus its support
    /// exceed the first one's by at least this much.
    /// </summary>
    [Range(0.0, 2.0)]
    public double NameMatchMargin { get; set; } = 0.1;

    /// <summary>
    /// A later retrieved document takes over from the one chosen so far (a record the question names better, a text
    /// in force over a superseded one) only when its best passage covers at least this share of what that one's
    /// covers: the ranking has already weighed what the question says beyond the name.
    /// </summary>
    [Range(0.0, 1.0)]
    public double NearEqualCoverage { get; set; } = 0.8;

    /// <summary>How many retrieved documents, in order, compete to be the one answered from.</summary>
    [Range(1, 20)]
    public int SelectionDepth { get; set; } = 5;

    /// <summary>
    /// The question asks for something the document marks unknown ("Mức trợ cấp: Chưa có thông tin chính thức")
    /// when it holds at least this rarity-weighted share of that item's terms, or the item holds this share of the
    /// question's terms beyond the document's name (and the question a quarter of the item's); the answer then says
    /// it is not known.
    /// </summary>
    [Range(0.0, 1.0)]
    public double GapMatch { get; set; } = 0.75;

    /// <summary>Below this coverage the question is taken as outside the service's domain and declined politely.</summary>
    [Range(0.0, 1.0)]
    public double OutOfDomainCoverage { get; set; } = 0.2;

    /// <summary>
    /// A question refused for weak evidence is also taken as outside the domain, and declined politely rather than
    /// referred, when the chosen document matches less than this share of its topic and it asks for none of a
    /// procedure's fields (fee, time limit, filing place, documents): "thời tiết Hà Nội ngày mai" shares "ngày" and
    /// "Hà Nội" with many texts, so its coverage alone does not tell.
    /// </summary>
    [Range(0.0, 1.0)]
    public double OutOfDomainTopicMatch { get; set; } = 0.2;

    /// <summary>Longest quoted passage, in characters.</summary>
    [Range(100, 5000)]
    public int MaxQuoteCharacters { get; set; } = 700;

    /// <summary>Most sources cited in one answer.</summary>
    [Range(1, 10)]
    public int MaxCitations { get; set; } = 3;

    /// <summary>Minutes a conversation's topic is kept for follow-ups.</summary>
    [Range(1, 1440)]
    public int ConversationMinutes { get; set; } = 30;

    /// <summary>Most conversations kept in memory; the oldest are dropped beyond it.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>Replace chat shorthand ("ko", "đc", "mn", from <c>Text/Data/shorthand.tsv</c>) before the question is analysed.</summary>
    public bool ExpandShorthand { get; set; } = true;

    /// <summary>Correct question syllables the corpus does not use ("khai sin" → "khai sinh") before the question is analysed.</summary>
    public bool CorrectSpelling { get; set; } = true;

    /// <summary>
    /// A spelling correction needs the corpus to write the corrected syllable next to the question's neighbouring
    /// syllable at least this many times (before and after together).
    /// </summary>
    [Range(1, 1000)]
    public int SpellingMinPairCount { get; set; } = 2;

    /// <summary>
    /// A spelling correction needs the question's neighbouring syllables to call for it at least this strongly:
    /// the share of the previous syllable's corpus occurrences that it follows plus the share of the next one's
    /// that it precedes.
    /// </summary>
    [Range(0.0, 2.0)]
    public double SpellingMinStrength { get; set; } = 0.1;

    /// <summary>
    /// A spelling correction needs that strength to be at least this many times the next candidate's; otherwise
    /// the syllable is ambiguous and stays as typed.
    /// </summary>
    [Range(1.0, 100.0)]
    public double SpellingDominance { get; set; } = 3.0;

    /// <summary>The normalisation settings as the normaliser takes them.</summary>
    public QueryNormalization Normalization => new()
    {
        ExpandShorthand = ExpandShorthand,
        CorrectSpelling = CorrectSpelling,
        MinPairCount = SpellingMinPairCount,
        MinStrength = SpellingMinStrength,
        Dominance = SpellingDominance,
    };
}
