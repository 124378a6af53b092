using ProcedureAssistant.Core.Answering;

namespace ProcedureAssistant.Lab.Evaluation;

/// <summary>How the service did on one evaluation question.</summary>
/// <param name="Item">The question.</param>
/// <param name="Accented">Whether the question was typed with diacritics.</param>
/// <param name="Retrieval">Document ranking against the expected documents (answerable questions only).</param>
/// <param name="Abstained">Whether the service abstained.</param>
/// <param name="KeyFactCoverage">Share of the key facts found in the answer (answerable questions only).</param>
/// <param name="CitationPrecision">Share of cited documents that are expected (answers with citations only; null for a refusal).</param>
/// <param name="Answer">The answer text.</param>
/// <param name="Cited">The documents the answer cites, in order of citation.</param>
/// <param name="Mode">How the answer was produced: generative only when the model answered with a valid citation.</param>
/// <param name="Decision">The answer-policy rule that decided the reply, and why.</param>
/// <param name="Reading">How the service read the question.</param>
/// <param name="AnswerMs">How long answering the question took, in milliseconds (a follow-up's previous question not counted).</param>
public sealed record QaItemResult(
    QaItem Item,
    bool Accented,
    QueryResult? Retrieval,
    bool Abstained,
    double? KeyFactCoverage,
    double? CitationPrecision,
    string Answer,
    IReadOnlyList<string> Cited,
    AnswerMode Mode,
    AnswerDecision Decision,
    Core.Questions.QuestionReading? Reading = null,
    double AnswerMs = 0)
{
    /// <summary>Abstained exactly when the question is unanswerable.</summary>
    public bool AbstentionCorrect => Abstained != Item.Answerable;

    /// <summary>
    /// Whether the reply was right for the question: an unanswerable one refused; an answerable one answered (or asked
    /// back) citing at least one expected document and only those; a key fact missed makes it wrong too.
    /// </summary>
    public bool Right => Item.Answerable
        ? !Abstained && Cited.Any(Item.ExpectedDocuments.Contains) && CitationPrecision is 1 && KeyFactCoverage is null or 1
        : Abstained;
}
