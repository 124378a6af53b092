using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ProcedureAssistant.Core.Diagnostics;

/// <summary>
/// The one activity source and meter of the service, and the names of its spans. A question is one trace: the HTTP
/// request, then <see cref="AnswerSpan"/> with <see cref="ReadQuestionSpan"/>, <see cref="RetrieveSpan"/> (and
/// <see cref="RerankSpan"/> inside it), <see cref="DecideSpan"/> (tagged with the rule that decided) and
/// <see cref="GenerateSpan"/> when a chat model writes the answer.
/// </summary>
public static class Telemetry
{
    /// <summary>Name of the activity source and of the meter, for OpenTelemetry registration.</summary>
    public const string SourceName = "ProcedureAssistant";

    /// <summary>Answering one question, from reading it to the reply.</summary>
    public const string AnswerSpan = "answer";

    /// <summary>Reading the question: normalising, correcting, finding what it asks.</summary>
    public const string ReadQuestionSpan = "read-question";

    /// <summary>Finding the chunks that best match the question.</summary>
    public const string RetrieveSpan = "retrieve";

    /// <summary>Reordering the first candidates with the learned reranker.</summary>
    public const string RerankSpan = "rerank";

    /// <summary>Deciding whether the evidence answers the question, and from which document.</summary>
    public const string DecideSpan = "decide";

    /// <summary>A chat model writing the answer.</summary>
    public const string GenerateSpan = "generate";

    /// <summary>Reading the corpus into a new index version or an update.</summary>
    public const string IngestSpan = "ingest";

    /// <summary>The activity source every span of the service starts from.</summary>
    public static ActivitySource Source { get; } = new(SourceName);
}
