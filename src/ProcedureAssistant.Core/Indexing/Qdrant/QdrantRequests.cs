using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;
using ProcedureAssistant.Core.Queries;

namespace ProcedureAssistant.Core.Indexing.Qdrant;

/// <summary>
/// The requests the index sends, built without a server so that what the server's version decides (see
/// <see cref="QdrantFeatures"/>) is visible and testable: the search query, filters, payload selectors and the
/// payload indexes of a collection.
/// </summary>
internal static class QdrantRequests
{
    /// <summary>
    /// The payload indexes of a collection. <c>province</c> is the tenant key where the server supports it: one
    /// collection serves several provinces, nearly every search is limited to one of them, and Qdrant then keeps each
    /// province's points together and searches them first.
    /// </summary>
    public static IReadOnlyList<(string Field, PayloadSchemaType Type, PayloadIndexParams? Parameters)> PayloadIndexes(QdrantFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return
        [
            (PayloadField.Kind, PayloadSchemaType.Keyword, null),
            (PayloadField.DocumentId, PayloadSchemaType.Keyword, null),
            (PayloadField.Type, PayloadSchemaType.Keyword, null),
            (PayloadField.Levels, PayloadSchemaType.Keyword, null),
            (PayloadField.Province, PayloadSchemaType.Keyword, features.TenantIndex ? new PayloadIndexParams { KeywordIndexParams = new KeywordIndexParams { IsTenant = true } } : null),
            (PayloadField.Field, PayloadSchemaType.Keyword, null),
            (PayloadField.Ordinal, PayloadSchemaType.Integer, null),
            (PayloadField.Revision, PayloadSchemaType.Integer, null),
        ];
    }

    /// <summary>
    /// The search: BM25 over the sparse vector alone, or, with a dense vector, sparse and dense candidates fetched
    /// separately (each <paramref name="candidates"/> long, never fewer than <paramref name="limit"/>) and fused by
    /// reciprocal rank, with <paramref name="rrfK"/> as the constant where the server allows it (the server's k = 2
    /// otherwise). The filter applies inside each fetch, before any limit is taken.
    /// </summary>
    public static QueryPoints Search(
        string collection,
        SparseTermVector sparse,
        DenseQuery? dense,
        int limit,
        int candidates,
        SearchFilter? filter,
        QdrantFeatures features,
        int rrfK)
    {
        ArgumentNullException.ThrowIfNull(sparse);
        ArgumentNullException.ThrowIfNull(features);
        var request = new QueryPoints
        {
            CollectionName = collection,
            Limit = (ulong)limit,
            WithPayload = AllBut(PayloadField.Document),
        };
        var condition = Filter(filter);
        if (dense is null)
        {
            request.Query = new Query { Nearest = Sparse(sparse) };
            request.Using = QdrantChunkIndex.SparseVectorName;
            if (condition is not null)
            {
                request.Filter = condition;
            }

            return request;
        }

        var prefetchLimit = (ulong)Math.Max(limit, candidates);
        var sparseFetch = new PrefetchQuery { Query = new Query { Nearest = Sparse(sparse) }, Using = QdrantChunkIndex.SparseVectorName, Limit = prefetchLimit };
        var denseFetch = new PrefetchQuery { Query = new Query { Nearest = new VectorInput { Dense = new DenseVector { Data = { dense.Vector } } } }, Using = QdrantChunkIndex.DenseVectorName, Limit = prefetchLimit };
        if (condition is not null)
        {
            sparseFetch.Filter = condition;
            denseFetch.Filter = condition;
            request.Filter = condition;
        }

        request.Prefetch.Add(sparseFetch);
        request.Prefetch.Add(denseFetch);
        request.Query = features.RrfConstant ? new Query { Rrf = new Rrf { K = (uint)rrfK } } : new Query { Fusion = Fusion.Rrf };
        return request;
    }

    /// <summary>
    /// The Qdrant filter of a <see cref="SearchFilter"/>, with its semantics: a chunk of the province, or of none (a
    /// national text); a chunk of one of the levels, or of none. Null when the filter leaves nothing out.
    /// </summary>
    public static Filter? Filter(SearchFilter? filter)
    {
        if (filter is null || filter.IsEmpty)
        {
            return null;
        }

        var result = new Filter();
        if (filter.Province is { } province)
        {
            result.Must.Add(new Condition { Filter = new Filter { Should = { MatchKeyword(PayloadField.Province, province), IsEmpty(PayloadField.Province) } } });
        }

        if (filter.Levels.Count > 0)
        {
            result.Must.Add(new Condition { Filter = new Filter { Should = { Match(PayloadField.Levels, filter.Levels.ToList()), IsEmpty(PayloadField.Levels) } } });
        }

        return result;
    }

    /// <summary>Points whose <paramref name="field"/> equals (or, for an array, contains) the keyword.</summary>
    public static Filter Keyword(string field, string value) => MatchKeyword(field, value);

    /// <summary>The whole payload but some fields.</summary>
    public static WithPayloadSelector AllBut(params string[] fields) => new() { Exclude = new PayloadExcludeSelector { Fields = { fields } } };

    /// <summary>Only some fields of the payload.</summary>
    public static WithPayloadSelector Only(params string[] fields) => new() { Include = new PayloadIncludeSelector { Fields = { fields } } };

    /// <summary>The whole payload.</summary>
    public static WithPayloadSelector All { get; } = new() { Enable = true };

    /// <summary>A point's named vectors: the sparse BM25 one and, when there is one, the dense one.</summary>
    public static Vectors Vectors(SparseTermVector sparse, float[]? dense)
    {
        ArgumentNullException.ThrowIfNull(sparse);
        var named = new NamedVectors { Vectors = { [QdrantChunkIndex.SparseVectorName] = new Vector { Sparse = new SparseVector { Indices = { sparse.Indices }, Values = { sparse.Values } } } } };
        if (dense is not null)
        {
            named.Vectors[QdrantChunkIndex.DenseVectorName] = new Vector { Dense = new DenseVector { Data = { dense } } };
        }

        return new Vectors { Vectors_ = named };
    }

    /// <summary>No vector at all (metadata, model parts and documents without chunks).</summary>
    public static Vectors NoVectors() => new() { Vectors_ = new NamedVectors() };

    private static VectorInput Sparse(SparseTermVector sparse) =>
        new() { Sparse = new SparseVector { Indices = { sparse.Indices }, Values = { sparse.Values } } };
}
