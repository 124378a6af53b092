using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Core.Indexing;

/// <summary>Everything a full build writes: the documents and their analysed chunks, in a stable order.</summary>
public sealed record IndexSnapshot(string AnalyzerVersion, IReadOnlyList<CorpusDocument> Documents, IReadOnlyList<IndexedChunk> Chunks);
