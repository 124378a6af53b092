using ProcedureAssistant.Core.Chunking;

namespace ProcedureAssistant.Core.Indexing;

/// <summary>A chunk found by a search.</summary>
/// <param name="Chunk">The chunk.</param>
/// <param name="Score">Relevance; higher is better, comparable within one search only.</param>
/// <param name="Coverage">Share (0–1) of the question's terms, weighted by rarity, that the chunk contains.</param>
public sealed record ChunkHit(Chunk Chunk, double Score, double Coverage);
