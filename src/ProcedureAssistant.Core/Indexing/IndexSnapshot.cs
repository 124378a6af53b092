using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Core.Indexing;

/// <summary>
/// Everything a full build writes: the documents and their analysed chunks, in a stable order, and the model of
/// the chunks' dense vectors (null when there are none; then no chunk has a vector).
/// </summary>
public sealed record IndexSnapshot(string AnalyzerVersion, IReadOnlyList<CorpusDocument> Documents, IReadOnlyList<IndexedChunk> Chunks, DenseModel? Dense = null);
