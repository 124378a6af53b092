using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Indexing;

/// <summary>A chunk with its analysed terms and, when a dense model is configured, its unit-length vector, as written to an index.</summary>
public sealed record IndexedChunk(Chunk Chunk, TermBag Terms, float[]? Vector = null);
