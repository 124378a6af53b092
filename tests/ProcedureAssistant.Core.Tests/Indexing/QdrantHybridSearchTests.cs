using System.Net;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Indexing.Qdrant;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>
/// Hybrid search on Qdrant: the request bodies (against the official 1.16.3 schema, unknown fields rejected) and,
/// with <c>QDRANT_URL</c>, rankings equal to the embedded index's on the bundled corpus with an LSA model.
/// </summary>
public sealed class QdrantHybridSearchTests : IAsyncDisposable
{
    private const string Alias = "pa";
    private const string Update = """{"operation_id":1,"status":"completed"}""";
    private readonly QdrantOptions _options = QdrantTestServer.Options(batchSize: 64);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("1.16.3", """{"rrf":{"k":2}}""")]
    [InlineData("1.15.2", """{"fusion":"rrf"}""")]
    public async Task Search_WithAVectorOfTheIndexModel_SendsOneHybridQuery(string version, string fusion)
    {
        var requests = await RecordAsync(version, index =>
            index.SearchAsync(TextAnalyzer.CreateDefault().AnalyzeQuery("khai sinh") with { Dense = new DenseQuery(DenseSamples.Model, [1f, 0f]) }, 5, Token));
        var spec = await QdrantOpenApiSpec.GetAsync();

        var query = Assert.Single(requests, r => r.Path.EndsWith("/points/query", StringComparison.Ordinal));
        Assert.Empty(spec.Validate(query));
        var sparse = Bm25SparseEncoder.Query(TextAnalyzer.CreateDefault().AnalyzeQuery("khai sinh"));
        Assert.Equal(
            $$$"""{"query":{{{fusion}}},"limit":5,"prefetch":[{"query":{"indices":[{{{string.Join(',', sparse.Indices)}}}],"values":[{{{string.Join(',', sparse.Values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)))}}}]},"using":"bm25","limit":100},{"query":[1,0],"using":"dense","limit":100}],"with_payload":{"exclude":["document"]}}""",
            query.Body);
    }

    [Fact]
    public async Task Search_WithAVectorOfAnotherModel_SendsTheSparseQuery()
    {
        var requests = await RecordAsync("1.16.3", index =>
            index.SearchAsync(TextAnalyzer.CreateDefault().AnalyzeQuery("khai sinh") with { Dense = new DenseQuery("other", [1f, 0f]) }, 5, Token));

        var query = Assert.Single(requests, r => r.Path.EndsWith("/points/query", StringComparison.Ordinal));
        Assert.StartsWith("""{"query":{"indices":[""", query.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_WithDenseVectors_SendsValidCollectionAndPoints()
    {
        var requests = await RecordAsync("1.16.3", index => index.ReplaceAsync(DenseSamples.Snapshot(), Token));
        var spec = await QdrantOpenApiSpec.GetAsync();

        Assert.Empty(requests.SelectMany(spec.Validate));
        var create = Assert.Single(requests, r => r.Method == HttpMethod.Put && spec.Template(r.Path) == "/collections/{collection_name}");
        Assert.Equal("""{"vectors":{"dense":{"size":2,"distance":"Cosine"}},"sparse_vectors":{"bm25":{"modifier":"idf"}}}""", create.Body);
        var upserts = requests.Where(r => r.Method == HttpMethod.Put && r.Path.EndsWith("/points", StringComparison.Ordinal)).Select(r => r.Body!).ToList();
        Assert.Contains("\"dense\":[0.8,0.6]", upserts[0], StringComparison.Ordinal);
        // The fake's live index is build 1, so this build is 2.
        Assert.Contains("\"kind\":[\"model\"],\"index_version\":2,\"part\":0,\"parts\":1,\"data\":\"AQID\"", upserts[1], StringComparison.Ordinal);
        Assert.Contains("\"dense_model\":\"test-2d\",\"dense_dimensions\":2", upserts[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WholeCorpusWithLsa_RanksAsTheEmbeddedIndex()
    {
        await QdrantTestServer.RequireAsync();
        var corpus = Path.Combine(SharedData.RepositoryRoot, "corpus");
        using var encoder = new DenseEncoder(Options.Create(new EmbeddingOptions { Provider = EmbeddingProvider.Lsa, Dimensions = 32 }));
        using var qdrant = new QdrantChunkIndex(QdrantTestServer.Http, _options);
        using var embedded = EmbeddedChunkIndex.InMemory();
        var fromQdrant = (await TestPipeline.For(qdrant, encoder).RunAsync(corpus, cancellationToken: Token)).Index;
        var fromEmbedded = (await TestPipeline.For(embedded, encoder).RunAsync(corpus, cancellationToken: Token)).Index;
        var analyzer = TextAnalyzer.CreateDefault();

        Assert.Equal(fromEmbedded.ContentHash, fromQdrant.ContentHash);
        Assert.Equal((fromEmbedded.DenseModel, 32), (fromQdrant.DenseModel, fromQdrant.DenseDimensions));
        Assert.Equal(await embedded.GetDenseModelStateAsync(Token), await qdrant.GetDenseModelStateAsync(Token));
        foreach (var question in new[] { "thủ tục đăng ký khai sinh cần giấy tờ gì", "cap giay phep xay dung nha o rieng le", "Chủ tịch UBND xã có được thu hồi đất không" })
        {
            var dense = await encoder.EmbedQueryAsync(qdrant, question, Token);
            var query = analyzer.AnalyzeQuery(question) with { Dense = dense };
            var expected = await embedded.SearchAsync(query, 10, Token);
            var actual = await qdrant.SearchAsync(query, 10, Token);

            // Equal fused scores may come in another order (Qdrant breaks ties its own way), so compare by chunk.
            Assert.NotNull(dense);
            Assert.Equal(expected.Select(h => h.Score), actual.Select(h => h.Score), (x, y) => Math.Abs(x - y) < 1e-6);
            var last = expected[^1].Score;
            Assert.Equal(expected.Where(h => h.Score > last + 1e-6).Select(h => h.Chunk.Id).Order(), actual.Where(h => h.Score > last + 1e-6).Select(h => h.Chunk.Id).Order());
            var coverage = expected.ToDictionary(h => h.Chunk.Id, h => h.Coverage);
            Assert.All(actual.Where(h => coverage.ContainsKey(h.Chunk.Id)), h => Assert.Equal(coverage[h.Chunk.Id], h.Coverage, 12));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (await QdrantTestServer.IsAvailableAsync())
        {
            await QdrantTestServer.DeleteBuildsAsync(_options);
        }
    }

    private static async Task<IReadOnlyList<RecordedRequest>> RecordAsync(string version, Func<QdrantChunkIndex, Task> act)
    {
        var metadata = $$$"""[{"id":"00000000-0000-5000-8000-000000000000","payload":{"kind":["index"],"index_version":1,"analyzer_version":"test","document_count":0,"chunk_count":3,"built_at":"2026-11-24T00:00:00+00:00","content_hash":"h","dense_model":"{{{DenseSamples.Model}}}","dense_dimensions":2}}]""";
        using var handler = new RecordingHandler(request => (request.Method.Method, request.Path) switch
        {
            ("GET", "/") => RecordingHandler.Root(version),
            ("GET", "/collections") => RecordingHandler.Ok("""{"collections":[]}"""),
            ("GET", "/aliases") => RecordingHandler.Ok("""{"aliases":[]}"""),
            ("PUT", var path) when path.EndsWith("/index", StringComparison.Ordinal) || path.EndsWith("/points", StringComparison.Ordinal) => RecordingHandler.Ok(Update),
            ("PUT", _) => RecordingHandler.Ok("true"),
            ("POST", "/collections/aliases") => RecordingHandler.Ok("true"),
            // The snapshot has three chunks and no document records.
            ("POST", var path) when path.EndsWith("/points/count", StringComparison.Ordinal) =>
                RecordingHandler.Ok(request.Body?.Contains("\"document\"", StringComparison.Ordinal) == true ? """{"count":0}""" : """{"count":3}"""),
            ("POST", var path) when path.EndsWith("/points/query", StringComparison.Ordinal) => RecordingHandler.Ok("""{"points":[]}"""),
            ("POST", var path) when path.EndsWith("/points", StringComparison.Ordinal) => RecordingHandler.Ok(metadata),
            ("DELETE", _) => RecordingHandler.Error(HttpStatusCode.NotFound, "Not found"),
            _ => null,
        });
        using var http = new HttpClient(handler);
        using var index = new QdrantChunkIndex(http, new QdrantOptions { Url = new Uri("http://qdrant.test:6333"), Collection = Alias });
        await act(index);
        return handler.Requests;
    }
}
