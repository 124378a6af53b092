using ProcedureAssistant.Core.Answering;

namespace ProcedureAssistant.Api.Contracts;

/// <summary>An answer with numbered citations.</summary>
/// <param name="Answer">The answer text; <c>[n]</c> marks point into <paramref name="Citations"/>.</param>
/// <param name="Mode"><c>extractive</c> (offline) or <c>generative</c>.</param>
/// <param name="Abstained">True when the corpus does not hold an answer; the text then refers to the commune's service centre.</param>
/// <param name="Persona">The persona the answer was written for.</param>
/// <param name="Citations">The sources, numbered from 1.</param>
/// <param name="ConversationId">Pass it with a follow-up question.</param>
/// <param name="Decision">The answer-policy rule that decided the reply, and why.</param>
public sealed record AskResponse(string Answer, string Mode, bool Abstained, string Persona, IReadOnlyList<CitationResponse> Citations, string? ConversationId, DecisionResponse Decision);

/// <summary>The rule of the answer policy that decided a reply.</summary>
/// <param name="Rule">The rule's stable name (<c>answer</c>, <c>out-of-scope</c>, ...).</param>
/// <param name="Reason">Why it fired, in one sentence.</param>
/// <param name="Measures">The measures the rules compared with their thresholds for this question (<c>docs/answering.md</c>).</param>
public sealed record DecisionResponse(string Rule, string Reason, DecisionMeasures? Measures);

/// <summary>One source of an answer.</summary>
public sealed record CitationResponse(
    int Index,
    string DocumentId,
    string ChunkId,
    string Title,
    string? Code,
    string? Number,
    string? Path,
    string Snippet,
    string? Url);
