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
    IReadOnlyList<StoredChunk> Chunks,
    DenseModel? Dense = null)
{
    /// <summary>Format 2 added dense vectors and their model; format 1 files (without them) are still read.</summary>
    public const int CurrentFormat = 2;

    public static bool IsReadable(int format) => format is 1 or CurrentFormat;
}

/// <summary>A chunk with its term frequencies, length in syllables and, when the index has a dense model, its vector.</summary>
internal sealed record StoredChunk(Chunk Chunk, IReadOnlyDictionary<string, float> Terms, int Length, float[]? Vector = null);
