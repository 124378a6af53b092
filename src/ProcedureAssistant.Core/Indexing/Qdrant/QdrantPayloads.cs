using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Core.Indexing.Qdrant;

// What each point of an index collection carries (keys are snake_case through QdrantJson.Options).
// kind is an array so that one keyword index answers "chunks" and "documents": a document's first chunk is both.

/// <summary>Values of the <c>kind</c> payload field.</summary>
internal static class PointKind
{
    public const string Chunk = "chunk";
    public const string Document = "document";
    public const string Metadata = "index";
    public const string DenseModel = "model";
}

/// <summary>Payload field names used in filters, selectors and indexes.</summary>
internal static class PayloadField
{
    public const string Kind = "kind";
    public const string DocumentId = "document_id";
    public const string Ordinal = "ordinal";
    public const string Type = "type";
    public const string Level = "level";
    public const string Field = "field";
    public const string Document = "document";
    public const string Unigrams = "unigrams";
    public const string UnigramDocumentFrequencies = "unigram_document_frequencies";
}

/// <summary>
/// A chunk point: the chunk's fields, its document's field and level (for filters), the build it belongs to, its
/// single-syllable terms (for coverage) and, on a document's first chunk only, the whole document.
/// </summary>
internal sealed record ChunkPayload
{
    public required IReadOnlyList<string> Kind { get; init; }

    public required long IndexVersion { get; init; }

    public required string Id { get; init; }

    public required string DocumentId { get; init; }

    public required int Ordinal { get; init; }

    public required DocumentType Type { get; init; }

    public required string Title { get; init; }

    public string? Number { get; init; }

    public string? Code { get; init; }

    public IReadOnlyList<string> Headings { get; init; } = [];

    public required string Text { get; init; }

    public string? Url { get; init; }

    public string? Field { get; init; }

    public string? Level { get; init; }

    public IReadOnlyList<string>? Unigrams { get; init; }

    public CorpusDocument? Document { get; init; }

    public static ChunkPayload From(IndexedChunk indexed, CorpusDocument? document, bool isFirst, long version) => new()
    {
        Kind = isFirst ? [PointKind.Chunk, PointKind.Document] : [PointKind.Chunk],
        IndexVersion = version,
        Id = indexed.Chunk.Id,
        DocumentId = indexed.Chunk.DocumentId,
        Ordinal = indexed.Chunk.Ordinal,
        Type = indexed.Chunk.DocumentType,
        Title = indexed.Chunk.Title,
        Number = indexed.Chunk.Number,
        Code = indexed.Chunk.Code,
        Headings = indexed.Chunk.Headings,
        Text = indexed.Chunk.Text,
        Url = indexed.Chunk.Url,
        Field = document?.Field,
        Level = document?.Level,
        Unigrams = indexed.Terms.Frequencies.Keys.Where(TermStatistics.IsUnigram).Order(StringComparer.Ordinal).ToList(),
        Document = isFirst ? document : null,
    };

    public Chunk ToChunk() => new()
    {
        Id = Id,
        DocumentId = DocumentId,
        Ordinal = Ordinal,
        DocumentType = Type,
        Title = Title,
        Number = Number,
        Code = Code,
        Headings = Headings,
        Text = Text,
        Url = Url,
    };
}

/// <summary>
/// The point of a document without chunks (written), or the <c>document</c> field of any document point (read).
/// </summary>
internal sealed record DocumentPayload(CorpusDocument? Document, IReadOnlyList<string>? Kind = null, string? DocumentId = null, long? IndexVersion = null);

/// <summary>
/// The metadata point of a build: what <see cref="IChunkIndex.GetInfoAsync"/> reports, plus the term statistics
/// that coverage needs. It has no vector, so it never shows up in searches nor changes Qdrant's IDF.
/// </summary>
internal sealed record IndexMetadataPayload
{
    public required IReadOnlyList<string> Kind { get; init; }

    public required long IndexVersion { get; init; }

    public required string AnalyzerVersion { get; init; }

    public required int DocumentCount { get; init; }

    public required int ChunkCount { get; init; }

    public required DateTimeOffset BuiltAt { get; init; }

    public required string ContentHash { get; init; }

    public IReadOnlyDictionary<string, int>? UnigramDocumentFrequencies { get; init; }

    /// <summary>The mean chunk length (syllables) the chunks' BM25 vectors were encoded with; null in collections built before rerankers needed it.</summary>
    public double? AverageLength { get; init; }

    public string? DenseModel { get; init; }

    public int DenseDimensions { get; init; }

    public IndexInfo ToInfo() => new(IndexVersion, AnalyzerVersion, DocumentCount, ChunkCount, BuiltAt, ContentHash, DenseModel, DenseDimensions);
}

/// <summary>
/// One part of a dense model trained on the corpus (LSA), base64, on a point without a vector. The model lives in
/// the collection it was trained for, so every API replica reads the same one and the alias switch changes vectors
/// and model in one step.
/// </summary>
internal sealed record DenseModelPartPayload(IReadOnlyList<string> Kind, long IndexVersion, int Part, int Parts, string Data);
