using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Core.Answering;

/// <summary>The document chosen to answer from, with what speaks for it.</summary>
/// <param name="Primary">The best chunk of the chosen document.</param>
/// <param name="Document">The chosen document.</param>
/// <param name="Others">Further documents the question names by number or code, one chunk each: cited beside the primary.</param>
/// <param name="Context">Every retrieved chunk, the chosen document's first: what a chat model is given.</param>
/// <param name="Coverage">The best share of the question's terms that one of the document's retrieved chunks holds.</param>
/// <param name="NameMatch">How fully the question names the document (title, alias, number or code), 0–1.</param>
/// <param name="Support">Rarity-weighted share of the question's known terms that the whole document holds, 0–1.</param>
public sealed record SourceChoice(
    ChunkHit Primary,
    CorpusDocument Document,
    IReadOnlyList<ChunkHit> Others,
    IReadOnlyList<ChunkHit> Context,
    double Coverage,
    double NameMatch,
    double Support)
{
    /// <summary>Why the selector took this document rather than retrieval's first.</summary>
    public SelectionReason Because { get; init; } = SelectionReason.RetrievedFirst;

    /// <summary>True when the question names the document (<see cref="SourceSelector.Named"/>).</summary>
    public bool IsNamed => NameMatch >= SourceSelector.Named;
}
