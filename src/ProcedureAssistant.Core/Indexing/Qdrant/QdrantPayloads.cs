using Google.Protobuf.Collections;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using Qdrant.Client.Grpc;

namespace ProcedureAssistant.Core.Indexing.Qdrant;

// What each point of an index collection carries (keys are snake_case through QdrantPayloadJson.Options).
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
    public const string Levels = "levels";
    public const string Province = "province";
    public const string Field = "field";
    public const string Document = "document";
    public const string Unigrams = "unigrams";
    public const string UnigramDocumentFrequencies = "unigram_document_frequencies";
    public const string Revision = "revision";
    public const string Documents = "documents";
    public const string Provinces = "provinces";
}

/// <summary>
/// A chunk point: the chunk's fields, its document's field and level (for filters), the build it belongs to and the
/// revision that wrote it, its single-syllable terms (for coverage) and, on a document's first chunk only, the whole
/// document.
/// </summary>
internal sealed record ChunkPayload
{
    public required IReadOnlyList<string> Kind { get; init; }

    public required long IndexVersion { get; init; }

    public long? Revision { get; init; }

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

    public IReadOnlyList<string> Levels { get; init; } = [];

    public string? Province { get; init; }

    /// <summary>
    /// The chunk's single-syllable terms, ordered and space-separated: one payload value rather than hundreds (over
    /// gRPC each list item is a message of its own, and a search reads this for every hit). Collections built before
    /// hold a list, which reads the same (<see cref="Read"/>).
    /// </summary>
    public string? Unigrams { get; init; }

    public CorpusDocument? Document { get; init; }

    public static ChunkPayload From(IndexedChunk indexed, CorpusDocument? document, bool isFirst, long version, long revision) => new()
    {
        Kind = isFirst ? [PointKind.Chunk, PointKind.Document] : [PointKind.Chunk],
        IndexVersion = version,
        Revision = revision,
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
        Levels = indexed.Chunk.Levels,
        Province = indexed.Chunk.Province,
        Unigrams = string.Join(' ', indexed.Terms.Frequencies.Keys.Where(TermStatistics.IsUnigram).Order(StringComparer.Ordinal)),
        Document = isFirst ? document : null,
    };

    /// <summary>
    /// The payload map, written field by field: every chunk of every build goes through here, and this is several
    /// times cheaper than the general JSON route of <see cref="QdrantPayloadJson.Write"/>, which gives the same map.
    /// </summary>
    public Dictionary<string, Value> ToPayload()
    {
        var payload = new Dictionary<string, Value>(StringComparer.Ordinal)
        {
            ["kind"] = List(Kind),
            ["index_version"] = IndexVersion,
            ["id"] = Id,
            ["document_id"] = DocumentId,
            ["ordinal"] = Ordinal,
            ["type"] = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(Type.ToString()),
            ["title"] = Title,
            ["headings"] = List(Headings),
            ["text"] = Text,
            ["levels"] = List(Levels),
        };
        Add(payload, "revision", Revision is { } revision ? revision : null);
        Add(payload, "number", Number is null ? null : new Value { StringValue = Number });
        Add(payload, "code", Code is null ? null : new Value { StringValue = Code });
        Add(payload, "url", Url is null ? null : new Value { StringValue = Url });
        Add(payload, "field", Field is null ? null : new Value { StringValue = Field });
        Add(payload, "province", Province is null ? null : new Value { StringValue = Province });
        Add(payload, "unigrams", Unigrams is null ? null : new Value { StringValue = Unigrams });
        Add(payload, "document", Document is null ? null : QdrantPayloadJson.ToValue(System.Text.Json.JsonSerializer.SerializeToElement(Document, QdrantPayloadJson.Options)));
        return payload;
    }

    private static Value List(IEnumerable<string> values) => new() { ListValue = new ListValue { Values = { values.Select(v => new Value { StringValue = v }) } } };

    private static void Add(Dictionary<string, Value> payload, string key, Value? value)
    {
        if (value is not null)
        {
            payload[key] = value;
        }
    }

    /// <summary>
    /// A chunk point's payload as a search returns it (without the document), read field by field: every hit of
    /// every search goes through here, and this is several times cheaper than the general JSON round trip of
    /// <see cref="QdrantPayloadJson.Read{T}"/>, which gives the same record.
    /// </summary>
    public static ChunkPayload Read(MapField<string, Value> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new ChunkPayload
        {
            Kind = Strings(payload, "kind") ?? [],
            IndexVersion = payload.TryGetValue("index_version", out var version) ? version.IntegerValue : 0,
            Revision = payload.TryGetValue("revision", out var revision) && revision.KindCase == Value.KindOneofCase.IntegerValue ? revision.IntegerValue : null,
            Id = StringOf(payload, "id") ?? throw new FormatException("A chunk point has no id."),
            DocumentId = StringOf(payload, "document_id") ?? throw new FormatException("A chunk point has no document_id."),
            Ordinal = payload.TryGetValue("ordinal", out var ordinal) ? (int)ordinal.IntegerValue : 0,
            Type = Enum.Parse<DocumentType>(StringOf(payload, "type") ?? throw new FormatException("A chunk point has no type."), ignoreCase: true),
            Title = StringOf(payload, "title") ?? string.Empty,
            Number = StringOf(payload, "number"),
            Code = StringOf(payload, "code"),
            Headings = Strings(payload, "headings") ?? [],
            Text = StringOf(payload, "text") ?? string.Empty,
            Url = StringOf(payload, "url"),
            Field = StringOf(payload, "field"),
            Levels = Strings(payload, "levels") ?? [],
            Province = StringOf(payload, "province"),
            Unigrams = UnigramsOf(payload),
        };
    }

    /// <summary>The chunk's single-syllable terms as a set, for coverage.</summary>
    public HashSet<string> UnigramSet() => [.. (Unigrams ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The space-separated unigrams of a payload: a string, or a list in collections built before.</summary>
    internal static string? UnigramsOf(MapField<string, Value> payload) =>
        payload.TryGetValue(PayloadField.Unigrams, out var value) && value.KindCase == Value.KindOneofCase.ListValue
            ? string.Join(' ', value.ListValue.Values.Select(v => v.StringValue))
            : StringOf(payload, PayloadField.Unigrams);

    internal static string? StringOf(MapField<string, Value> payload, string key) =>
        payload.TryGetValue(key, out var value) && value.KindCase == Value.KindOneofCase.StringValue ? value.StringValue : null;

    internal static List<string>? Strings(MapField<string, Value> payload, string key) =>
        payload.TryGetValue(key, out var value) && value.KindCase == Value.KindOneofCase.ListValue
            ? value.ListValue.Values.Select(v => v.StringValue).ToList()
            : null;

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
        Levels = Levels,
        Province = Province,
    };
}

/// <summary>
/// The point of a document without chunks (written), or the <c>document</c> field of any document point (read).
/// </summary>
internal sealed record DocumentPayload(CorpusDocument? Document, IReadOnlyList<string>? Kind = null, string? DocumentId = null, long? IndexVersion = null, long? Revision = null);

/// <summary>What an update reads back from points: their document, the revision that wrote them, a chunk's terms and province.</summary>
internal sealed record PointStatePayload(string? DocumentId, long? Revision, IReadOnlyList<string> Unigrams, string? Province = null)
{
    /// <summary>Read field by field: an update reads this of every chunk of the collection (see <see cref="ChunkPayload.Read"/>).</summary>
    public static PointStatePayload Read(MapField<string, Value> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new PointStatePayload(
            ChunkPayload.StringOf(payload, "document_id"),
            payload.TryGetValue("revision", out var revision) && revision.KindCase == Value.KindOneofCase.IntegerValue ? revision.IntegerValue : null,
            (ChunkPayload.UnigramsOf(payload) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries),
            ChunkPayload.StringOf(payload, "province"));
    }
}

/// <summary>The provinces field of the metadata point, read alone.</summary>
internal sealed record ProvincesPayload(IReadOnlyList<string>? Provinces);

/// <summary>
/// The metadata point of a build: what <see cref="IChunkIndex.GetInfoAsync"/> reports, plus the term statistics
/// that coverage needs and what an incremental update needs to carry on (every document's source, chunk count,
/// length and digest, and the BM25 settings its vectors were encoded with). It has no vector, so it never shows up
/// in searches nor changes Qdrant's IDF. An update writes it last: it is the commit record of the collection.
/// </summary>
internal sealed record IndexMetadataPayload
{
    public required IReadOnlyList<string> Kind { get; init; }

    /// <summary>The build (the collection's number); every point of the collection carries the same.</summary>
    public required long IndexVersion { get; init; }

    /// <summary>The last committed build or update (<see cref="IndexInfo.Version"/>); a build starts at its own number.</summary>
    public long? Revision { get; init; }

    /// <summary>The average chunk length every document vector of the collection was encoded with.</summary>
    public double? AverageLength { get; init; }

    public double? Bm25K1 { get; init; }

    public double? Bm25B { get; init; }

    public required string AnalyzerVersion { get; init; }

    public required int DocumentCount { get; init; }

    public required int ChunkCount { get; init; }

    public required DateTimeOffset BuiltAt { get; init; }

    public required string ContentHash { get; init; }

    public IReadOnlyDictionary<string, int>? UnigramDocumentFrequencies { get; init; }

    /// <summary>Every document id of the collection (chunks without a document included), as committed.</summary>
    public IReadOnlyDictionary<string, DocumentEntry>? Documents { get; init; }

    public string? DenseModel { get; init; }

    public int DenseDimensions { get; init; }

    /// <summary>The provinces the collection's chunks carry, ordered; null in collections built before it was stored.</summary>
    public IReadOnlyList<string>? Provinces { get; init; }

    /// <summary>The collection's dense model without its state (which lives in the model parts), or null when it has none.</summary>
    public DenseModel? Dense => DenseModel is { } name ? new DenseModel(name, DenseDimensions) : null;

    public IndexInfo ToInfo() => new(Revision ?? IndexVersion, AnalyzerVersion, DocumentCount, ChunkCount, BuiltAt, ContentHash, DenseModel, DenseDimensions);
}

/// <summary>
/// One document id of a collection as committed: its file and hash (null for chunks without a document), how many
/// chunks it has, their total length in syllables, and its <see cref="ContentDigest"/>.
/// </summary>
internal sealed record DocumentEntry(string? SourcePath, string? ContentHash, int Chunks, long Length, string Digest);

/// <summary>
/// One part of a dense model trained on the corpus (no provider today trains one), base64, on a point without a vector. The model lives in
/// the collection it was trained for, so every API replica reads the same one and the alias switch changes vectors
/// and model in one step.
/// </summary>
internal sealed record DenseModelPartPayload(IReadOnlyList<string> Kind, long IndexVersion, int Part, int Parts, string Data);
