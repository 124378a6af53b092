using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProcedureAssistant.Core.Indexing.Qdrant.Rest;

// The slice of Qdrant's REST schema (openapi-v1.16.3.json) this service sends and reads. Property names become
// snake_case through QdrantJson.Options and nulls are left out, so every record here maps one schema object;
// QdrantRequestSchemaTests validates what they produce against the official spec with unknown fields rejected.

/// <summary>The JSON settings of every Qdrant request and answer.</summary>
internal static class QdrantJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}

/// <summary><c>PUT /collections/{name}</c>: a named sparse vector and, optionally, named dense vectors.</summary>
internal sealed record CreateCollectionRequest(
    IReadOnlyDictionary<string, DenseVectorParams>? Vectors,
    IReadOnlyDictionary<string, SparseVectorParams> SparseVectors);

/// <summary>A dense vector's size and distance (<c>Cosine|Euclid|Dot|Manhattan</c>, case-sensitive).</summary>
internal sealed record DenseVectorParams(int Size, string Distance, bool? OnDisk = null);

/// <summary>A sparse vector; <c>modifier: "idf"</c> makes the server weigh query terms by IDF.</summary>
internal sealed record SparseVectorParams(string? Modifier);

/// <summary><c>PUT /collections/{name}/index</c>.</summary>
internal sealed record CreateFieldIndexRequest(string FieldName, string FieldSchema);

/// <summary>Payload index types this service uses.</summary>
internal static class PayloadSchemaType
{
    public const string Keyword = "keyword";
    public const string Integer = "integer";
}

/// <summary>A sparse vector: unique u32 indices and their values, of the same length.</summary>
internal sealed record SparseVector(IReadOnlyList<uint> Indices, IReadOnlyList<float> Values);

/// <summary>One point to write. <see cref="Vector"/> maps vector names to a <see cref="SparseVector"/> or a <c>float[]</c>.</summary>
internal sealed record PointStruct(Guid Id, IReadOnlyDictionary<string, object> Vector, object? Payload);

/// <summary><c>PUT /collections/{name}/points</c>.</summary>
internal sealed record UpsertRequest(IReadOnlyList<PointStruct> Points);

/// <summary>A filter: every <see cref="Must"/>, at least one <see cref="Should"/>, no <see cref="MustNot"/>.</summary>
internal sealed record QdrantFilter(IReadOnlyList<object>? Must = null, IReadOnlyList<object>? Should = null, IReadOnlyList<object>? MustNot = null)
{
    /// <summary>Points whose <paramref name="key"/> equals (or, for an array, contains) <paramref name="value"/>.</summary>
    public static FieldCondition Match(string key, object value) => new(key, new MatchCondition(Value: value));

    /// <summary>Points matching all the conditions.</summary>
    public static QdrantFilter All(params object[] conditions) => new(Must: conditions);
}

/// <summary>A condition on one payload field.</summary>
internal sealed record FieldCondition(string Key, MatchCondition? Match = null, RangeCondition? Range = null);

/// <summary><c>{"value": v}</c> for an exact match or <c>{"any": [...]}</c> for one of several.</summary>
internal sealed record MatchCondition(object? Value = null, IReadOnlyList<object>? Any = null);

/// <summary>A numeric range.</summary>
internal sealed record RangeCondition(double? Gt = null, double? Gte = null, double? Lt = null, double? Lte = null);

/// <summary>Points with one of the ids.</summary>
internal sealed record HasIdCondition(IReadOnlyList<Guid> HasId);

/// <summary><c>with_payload</c> as <c>{"include": [...]}</c> or <c>{"exclude": [...]}</c>.</summary>
internal sealed record PayloadSelector(IReadOnlyList<string>? Include = null, IReadOnlyList<string>? Exclude = null)
{
    public static PayloadSelector Only(params string[] fields) => new(Include: fields);

    public static PayloadSelector AllBut(params string[] fields) => new(Exclude: fields);
}

/// <summary>
/// <c>POST /collections/{name}/points/query</c>. <see cref="Query"/> is a <see cref="SparseVector"/>, a dense
/// <c>float[]</c> or a <see cref="FusionQuery"/> over the <see cref="Prefetch"/> results; <see cref="WithPayload"/>
/// is a bool, a field list or a <see cref="PayloadSelector"/>.
/// </summary>
internal sealed record QueryRequest(
    object? Query,
    int Limit,
    string? Using = null,
    IReadOnlyList<Prefetch>? Prefetch = null,
    QdrantFilter? Filter = null,
    object? WithPayload = null,
    object? WithVector = null,
    float? ScoreThreshold = null)
{
    /// <summary>Nearest points to a sparse vector on the named sparse vector.</summary>
    public static QueryRequest Sparse(string vectorName, SparseTermVector vector, int limit, QdrantFilter? filter = null, object? withPayload = null) =>
        new(vector, limit, Using: vectorName, Filter: filter, WithPayload: withPayload);

    /// <summary>
    /// Sparse and dense candidates fetched separately (each <paramref name="candidates"/> long, never fewer than
    /// <paramref name="limit"/>), fused by reciprocal rank: with the server's default constant (k = 2), or with
    /// <paramref name="rrfK"/> (needs Qdrant 1.16). The top-level filter applies to both prefetches.
    /// </summary>
    public static QueryRequest Hybrid(
        string sparseName, SparseTermVector sparse, string denseName, IReadOnlyList<float> dense, int limit, int candidates, QdrantFilter? filter = null, object? withPayload = null, int? rrfK = null)
    {
        var prefetchLimit = Math.Max(limit, candidates);
        return new QueryRequest(
            rrfK is { } k ? new RrfQuery(new RrfParameters(k)) : new FusionQuery("rrf"),
            limit,
            Prefetch: [new Prefetch(sparse, sparseName, prefetchLimit), new Prefetch(dense, denseName, prefetchLimit)],
            Filter: filter,
            WithPayload: withPayload);
    }
}

/// <summary>A sub-query whose results the outer query fuses or re-scores.</summary>
internal sealed record Prefetch(object Query, string Using, int Limit, QdrantFilter? Filter = null);

/// <summary><c>{"fusion": "rrf"}</c> or <c>{"fusion": "dbsf"}</c>.</summary>
internal sealed record FusionQuery(string Fusion);

/// <summary><c>{"rrf": {"k": n}}</c> (1.16+): reciprocal-rank fusion with its constant set.</summary>
internal sealed record RrfQuery(RrfParameters Rrf);

/// <summary>The RRF constant k (≥ 1; Qdrant's default is 2).</summary>
internal sealed record RrfParameters(int K);

/// <summary><c>POST /collections/{name}/points/delete</c> by filter.</summary>
internal sealed record DeleteByFilterRequest(QdrantFilter Filter);

/// <summary><c>POST /collections/{name}/points/scroll</c>; <see cref="Offset"/> is the previous page's <c>next_page_offset</c>.</summary>
internal sealed record ScrollRequest(QdrantFilter? Filter, int Limit, object? WithPayload, bool WithVector = false, JsonElement? Offset = null);

/// <summary><c>POST /collections/{name}/points/count</c>.</summary>
internal sealed record CountRequest(QdrantFilter? Filter, bool Exact = true);

/// <summary><c>POST /collections/{name}/points</c>: points by id.</summary>
internal sealed record RetrieveRequest(IReadOnlyList<Guid> Ids, object? WithPayload, bool WithVector = false);

/// <summary><c>POST /collections/aliases</c>: the actions apply atomically.</summary>
internal sealed record ChangeAliasesRequest(IReadOnlyList<AliasAction> Actions);

/// <summary>One alias action: exactly one member is set.</summary>
internal sealed record AliasAction(DeleteAlias? DeleteAlias = null, CreateAlias? CreateAlias = null);

/// <summary>Removes an alias (a missing alias is not an error).</summary>
internal sealed record DeleteAlias(string AliasName);

/// <summary>Points an alias at a collection.</summary>
internal sealed record CreateAlias(string CollectionName, string AliasName);

/// <summary>
/// Qdrant's answer envelope. <see cref="Status"/> is the string <c>"ok"</c> (or <c>"accepted"</c>, ...) on success
/// and an object <c>{"error": "..."}</c> on failure, so it stays a raw element.
/// </summary>
internal sealed record QdrantEnvelope<T>(T? Result, JsonElement Status, double? Time);

/// <summary><c>GET /</c> (not enveloped).</summary>
internal sealed record QdrantServerInfo(string Title, string Version, string? Commit);

/// <summary><c>GET /collections/{name}/exists</c>.</summary>
internal sealed record CollectionExistence(bool Exists);

/// <summary>The answer to a point write.</summary>
internal sealed record UpdateResult(long? OperationId, string Status);

/// <summary>A point as read back; <see cref="Id"/> is a number or a UUID string, <see cref="Score"/> is set by queries.</summary>
internal sealed record PointRecord<TPayload>(JsonElement Id, TPayload? Payload, float Score = 0, JsonElement? Vector = null);

/// <summary>The answer to a query.</summary>
internal sealed record QueryResult<TPayload>(IReadOnlyList<PointRecord<TPayload>> Points);

/// <summary>One page of a scroll; <see cref="NextPageOffset"/> is null on the last page.</summary>
internal sealed record ScrollResult<TPayload>(IReadOnlyList<PointRecord<TPayload>> Points, JsonElement? NextPageOffset);

/// <summary>The answer to a count.</summary>
internal sealed record CountResult(long Count);

/// <summary><c>GET /aliases</c>.</summary>
internal sealed record AliasList(IReadOnlyList<AliasDescription> Aliases);

/// <summary>An alias and the collection it points to.</summary>
internal sealed record AliasDescription(string AliasName, string CollectionName);

/// <summary><c>GET /collections</c>.</summary>
internal sealed record CollectionList(IReadOnlyList<CollectionName> Collections);

/// <summary>A collection's name.</summary>
internal sealed record CollectionName(string Name);

/// <summary>A collection snapshot on the server's disk.</summary>
internal sealed record SnapshotDescription(string Name, string? CreationTime, long Size, string? Checksum);

/// <summary>The REST client's error (the replaced client's own exception, with the HTTP status).</summary>
internal sealed class RestQdrantException : Exception
{
    public RestQdrantException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public RestQdrantException(System.Net.HttpStatusCode statusCode, string method, string path, string error)
        : base($"Qdrant answered {(int)statusCode} {statusCode} to {method} {path}: {error}")
    {
        StatusCode = statusCode;
    }

    public System.Net.HttpStatusCode? StatusCode { get; }
}
