using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>The embedded index as written to disk.</summary>
internal sealed record StoredIndex(
    int Format,
    long Version,
    string AnalyzerVersion,
    DateTimeOffset BuiltAt,
    string ContentHash,
    IReadOnlyList<CorpusDocument> Documents,
    IReadOnlyList<StoredChunk> Chunks)
{
    public const int CurrentFormat = 1;
}

/// <summary>A chunk with its term frequencies and length in syllables.</summary>
internal sealed record StoredChunk(Chunk Chunk, IReadOnlyDictionary<string, float> Terms, int Length);
