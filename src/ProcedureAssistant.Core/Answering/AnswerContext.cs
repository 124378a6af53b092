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
