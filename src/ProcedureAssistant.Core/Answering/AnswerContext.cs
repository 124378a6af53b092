using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Questions;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// What the answer policy's rules look at: the question as read, who asks, what retrieval found, the document chosen
/// to answer from, and the measures several rules share, computed once.
/// </summary>
internal sealed class AnswerContext
{
    private readonly Lazy<double> _topicMatch;
    private readonly Lazy<ProcedureRecord?> _record;
    private readonly Lazy<double?> _runnerUpScore;

    public AnswerContext(
        QuestionReading reading,
        Persona persona,
        IReadOnlyList<ChunkHit> hits,
        IReadOnlyDictionary<string, CorpusDocument> documents,
        SourceChoice? choice,
        DocumentStatistics statistics,
        TextAnalyzer analyzer,
        QuestionCues cues,
        DateOnly today)
    {
        Cues = cues;
        Reading = reading;
        Persona = persona;
        Hits = hits;
        Documents = documents;
        Choice = choice;
        Statistics = statistics;
        Analyzer = analyzer;
        Today = today;
        _topicMatch = new(() => choice is null ? 0 : choice.IsNamed ? 1 : statistics.TopicMatch(choice.Document.Id, reading.TopicTerms));
        _record = new(() => choice?.Document is { Type: DocumentType.Procedure } document ? ProcedureRecord.From(document) : null);
        _runnerUpScore = new(() => Reranked && hits.Count > 0 && hits[0].Score > 0
            ? hits.Where(h => h.Chunk.DocumentId != hits[0].Chunk.DocumentId).Select(h => h.Score).DefaultIfEmpty(0).Max() / hits[0].Score
            : null);
    }

    public QuestionReading Reading { get; }

    /// <summary>The province the question is asked for (a key), or null for the deployment's own.</summary>
    public string? Province { get; init; }

    public Persona Persona { get; }

    /// <summary>The retrieved chunks, best first.</summary>
    public IReadOnlyList<ChunkHit> Hits { get; }

    /// <summary>The retrieved chunks' documents (and the texts that replaced them), by id.</summary>
    public IReadOnlyDictionary<string, CorpusDocument> Documents { get; }

    /// <summary>The document chosen to answer from (<see cref="SourceSelector"/>), or null when nothing was retrieved.</summary>
    public SourceChoice? Choice { get; }

    public DocumentStatistics Statistics { get; }

    public TextAnalyzer Analyzer { get; }

    /// <summary>The word lists the question was read with (procedure-name modifiers among them).</summary>
    public QuestionCues Cues { get; }

    public DateOnly Today { get; }

    /// <summary>
    /// True when <see cref="Hits"/> were ordered by the learned reranker, whose scores are exp(s − s_best) of the
    /// model's: only then does a ratio of two scores say how sure the ranking is (<see cref="RunnerUpScore"/>).
    /// </summary>
    public bool Reranked { get; init; }

    /// <summary>
    /// The best score of a text other than the first retrieved, as a share of the first's, when the hits were
    /// reranked; null otherwise or when nothing was retrieved.
    /// </summary>
    public double? RunnerUpScore => _runnerUpScore.Value;

    /// <summary>
    /// True when the chosen text is a catalogue record (a procedure record without the everyday names the team wrote
    /// for its own records) that the reranker put far ahead of every other text (<see cref="SureRunnerUpScore"/>).
    /// A catalogue record has only its official title, so a question told in the asker's own words ("xe tải bị trộm
    /// hơn 40 ngày … tiền phí đường bộ có được trả lại") holds little of its name and its topic words are the
    /// asker's story; the reranker, trained on questions told that way about the catalogue's records (the seen
    /// held-out rounds, <c>train-reranker --judged-with-sources</c>), is then the better judge of whether the record
    /// is the one meant.
    /// Not for the team's records: over them the reranker was as sure of unanswerable questions ("nhận con nuôi",
    /// "làm hộ chiếu") as of answerable ones (QA set, sixteenth session, <c>eval/reports/ablation.md</c>).
    /// </summary>
    public bool RetrievalIsSureOfTheRecord => Choice is { Document: { Type: DocumentType.Procedure, Aliases.Count: 0 } document } && RerankerIsSureOf(document);

    /// <summary>
    /// True when the chosen text is any procedure record the reranker put that far ahead of every other text (as
    /// <see cref="RetrievalIsSureOfTheRecord"/>, the team's records included), the question holds
    /// <see cref="NotInSourcesRule.SomewhatNamed"/> of one of its names, and a word of its title past the action it
    /// opens with (<see cref="TitleActionSyllables"/>): <see cref="NotInSourcesRule"/> does not refer it. Sureness alone
    /// was not enough over the team's records; the action alone names a kind of procedure, not this one ("đăng ký giám
    /// hộ" holds "đăng ký" of "Đăng ký khai sinh", and among a handful of texts the reranker is sure of anything).
    /// Seen held-out rounds 4–72 (twenty-sixth session, <c>eval/reports/ablation.md</c>): 27 refusals of the right
    /// record answered (or asked back among it and its siblings), 3 answered from another record, 2 expected referrals
    /// and 1 expected ask-back answered, 2 requests for someone's data that the personal-data rule had missed
    /// answered; the QA set and the national records unchanged.
    /// </summary>
    public bool RetrievalIsSureOfTheNamedRecord => Choice is { Document.Type: DocumentType.Procedure } choice &&
        RerankerIsSureOf(choice.Document) && choice.NameMatch >= NotInSourcesRule.SomewhatNamed &&
        TextAnalyzer.Syllables(choice.Document.Title).Skip(TitleActionSyllables).Select(VietnameseText.Fold).Any(Reading.TopicTerms.Contains);

    /// <summary>The syllables a procedure's title opens with that say its action ("Đăng ký", "Cấp lại", "Hòa giải").</summary>
    public const int TitleActionSyllables = 2;

    // The text was retrieved first and the reranker scored every other text below SureRunnerUpScore of it.
    private bool RerankerIsSureOf(CorpusDocument document) => Hits[0].Chunk.DocumentId == document.Id && RunnerUpScore <= SureRunnerUpScore;

    /// <summary>
    /// True when the question replies to the service's question which procedure was meant and the chosen record is one
    /// it offered (<see cref="SelectionReason.AnswersTheAskBack"/>): the service itself judged that record to speak to
    /// the conversation, so the reply's own few words ("dạ, giấy còn hạn") are not held against it.
    /// </summary>
    public bool AnswersTheAskBack => Choice?.Because == SelectionReason.AnswersTheAskBack;

    /// <summary>
    /// True when the question means to stop something and says how long, and the chosen record's title says the same
    /// (retrieved first, or taken for it: <see cref="SelectionReason.LastsAsSaid"/>): the asker's everyday words ("đóng
    /// tiệm may chừng 4 tháng") hold little of "Thông báo tạm ngừng kinh doanh …", and are not held against it.
    /// </summary>
    public bool LastsAsSaid => Reading.StopsSayingHowLong && Choice is { } choice && Cues.StopNamedIn(choice.Document.Title) == Reading.SaysHowLongAStopLasts;

    /// <summary>
    /// Largest share of the first text's score that the next text may reach for the reranker to be sure of the first:
    /// a difference of about 9 in the model's scores. On the seen catalogue questions (sixteenth session, with the
    /// model trained on rounds 4–18) the records it was that sure of, and that were referred for their everyday words,
    /// were the right record 24 times in 32, and no question that had to be declined reached it; at 1/1,000 it was 33
    /// in 52, three of them to be declined.
    /// </summary>
    public const double SureRunnerUpScore = 1e-4;

    /// <summary>
    /// True when the question names a subject outside local government (<see cref="QuestionReading.OffTopicSubjects"/>)
    /// that the texts are not about. "Chứng khoán" is the stock market to a citizen asking which shares to buy, but the
    /// national catalogue's procedures of the securities commission are titled with it ("Rút nghiệp vụ, đóng cửa chi
    /// nhánh … của công ty chứng khoán"): a question is about such a text when a retrieved text's title names every
    /// such subject it names and, those words aside, it holds <see cref="NotInSourcesRule.SomewhatNamed"/> of the
    /// chosen text's name ("đóng phòng giao dịch" of a securities company) or matches its topic as rule 7 asks of an
    /// answer (<see cref="NotInSourcesRule.MinTopicMatch"/>: "ký hợp đồng đại lý … thuế thu nhập ai khai" and the
    /// lottery agents' tax return); not "xổ số miền Trung chiều nay ra số mấy", which holds nothing of "Cấp … Giấy
    /// chứng nhận đủ điều kiện kinh doanh xổ số" but the lottery.
    /// </summary>
    public bool NamesASubjectOutsideTheTexts => Reading.NamesOffTopicSubject && !(Reading.OffTopicSubjects.All(TitledInARetrievedText) &&
        Choice is { } choice && BesidesTheSubjects() is var besides &&
        (Statistics.NameMatch(choice.Document.Id, besides) >= NotInSourcesRule.SomewhatNamed || Statistics.TopicMatch(choice.Document.Id, besides) >= NotInSourcesRule.MinTopicMatch));

    // The question's topic terms (folded syllables and pairs) but those within the subjects outside local government it names.
    private HashSet<string> BesidesTheSubjects() =>
        Reading.TopicTerms.Where(t => !Reading.OffTopicSubjects.Any(subject => ProcedureVariants.Holds(subject.Split(' '), t.Split(' ')))).ToHashSet(StringComparer.Ordinal);

    private bool TitledInARetrievedText(string subject) => Documents.Values.Any(d => ProcedureVariants.Holds(PhraseList<string>.Folded(d.Title), subject.Split(' ')));

    /// <summary>The share of the question's terms the best retrieved chunk holds.</summary>
    public double BestCoverage => Hits.Count == 0 ? 0 : Hits[0].Coverage;

    /// <summary>How well the chosen document matches the question's topic (<see cref="DocumentStatistics.TopicMatch"/>); 1 when the question names it.</summary>
    public double TopicMatch => _topicMatch.Value;

    /// <summary>The chosen document's procedure fields, when it is a procedure record.</summary>
    public ProcedureRecord? Record => _record.Value;

    /// <summary>True when the chosen record states (not merely marks unknown) one of the items asked for.</summary>
    public bool StatesAnAskedItem => Record is { } record &&
        Reading.Fields.Select(ProcedureRecord.SectionOf).OfType<string>().Any(section => record.Field(section) is { } value && !DeclaredGaps.IsAllGaps(value));
}
