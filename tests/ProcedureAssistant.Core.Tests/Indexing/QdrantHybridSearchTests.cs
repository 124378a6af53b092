using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Indexing.Qdrant;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;
using Qdrant.Client.Grpc;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>
/// Hybrid search on a real Qdrant server (<c>QDRANT_URL</c>; skipped, with the reason, without one): the query it
/// sends, the collection and model a dense build leaves, and rankings equal to the embedded index's on the bundled
/// corpus with a dense model. (The hybrid query's shape per server version: <see cref="QdrantRequestsTests"/>.)
/// </summary>
public sealed class QdrantHybridSearchTests : IAsyncDisposable
{
    private readonly QdrantOptions _options = QdrantTestServer.Options(batchSize: 64);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_WithAVectorOfTheIndexModel_SendsOneHybridQueryAndFusesBothRankings()
    {
        await QdrantTestServer.RequireAsync();
        var recording = new RecordingInterceptor();
        using var index = QdrantTestServer.Index(_options, recording);
        await index.ReplaceAsync(DenseSamples.Snapshot(), Token);

        using var embedded = EmbeddedChunkIndex.InMemory();
        await embedded.ReplaceAsync(DenseSamples.Snapshot(), Token);
        var question = TextAnalyzer.CreateDefault().AnalyzeQuery("khai sinh") with { Dense = new DenseQuery(DenseSamples.Model, [1f, 0f]) };

        var hits = await index.SearchAsync(question, 3, Token);

        var query = Assert.Single(recording.Calls.Select(c => c.Request).OfType<QueryPoints>());
        Assert.Equal([QdrantChunkIndex.SparseVectorName, QdrantChunkIndex.DenseVectorName], query.Prefetch.Select(p => p.Using));
        Assert.Equal((uint)FusionParameters.Default.K, query.Query.Rrf.K);
        var expected = await embedded.SearchAsync(question, 3, Token);
        Assert.Equal(expected.Select(h => (h.Chunk.Id, Math.Round(h.Score, 6))), hits.Select(h => (h.Chunk.Id, Math.Round(h.Score, 6))));
    }

    [Fact]
    public async Task Search_WithAVectorOfAnotherModel_SendsTheSparseQuery()
    {
        await QdrantTestServer.RequireAsync();
        var recording = new RecordingInterceptor();
        using var index = QdrantTestServer.Index(_options, recording);
        await index.ReplaceAsync(DenseSamples.Snapshot(), Token);

        var hits = await index.SearchAsync(TextAnalyzer.CreateDefault().AnalyzeQuery("khai sinh") with { Dense = new DenseQuery("other", [1f, 0f]) }, 5, Token);

        var query = Assert.Single(recording.Calls.Select(c => c.Request).OfType<QueryPoints>());
        Assert.Empty(query.Prefetch);
        Assert.Equal(QdrantChunkIndex.SparseVectorName, query.Using);
        Assert.Equal(["doc#0", "doc#1"], hits.Select(h => h.Chunk.Id));
    }

    [Fact]
    public async Task Replace_WithDenseVectors_CreatesTheNamedVectorsAndStoresTheModel()
    {
        await QdrantTestServer.RequireAsync();
        using var index = new QdrantChunkIndex(_options);

        var info = await index.ReplaceAsync(DenseSamples.Snapshot(), Token);
        using var client = new global::Qdrant.Client.QdrantClient(QdrantTestServer.GrpcEndpoint!, QdrantTestServer.ApiKey);
        var collection = await client.GetCollectionInfoAsync(index.CollectionName(info.Version), Token);

        var dense = collection.Config.Params.VectorsConfig.ParamsMap.Map[QdrantChunkIndex.DenseVectorName];
        Assert.Equal((2ul, Distance.Cosine), (dense.Size, dense.Distance));
        Assert.Equal(Modifier.Idf, collection.Config.Params.SparseVectorsConfig.Map[QdrantChunkIndex.SparseVectorName].Modifier);
        Assert.Equal((DenseSamples.Model, 2), (info.DenseModel, info.DenseDimensions));
        Assert.Equal(DenseSamples.DenseModel.State, await index.GetDenseModelStateAsync(Token));
    }

    [Fact]
    public async Task Search_WholeCorpusWithDenseModel_RanksAsTheEmbeddedIndex()
    {
        await QdrantTestServer.RequireAsync();
        var corpus = Path.Combine(SharedData.RepositoryRoot, "corpus");
        using var encoder = HashedWordsEmbedding.Encoder(32);
        using var qdrant = new QdrantChunkIndex(_options);
        using var embedded = EmbeddedChunkIndex.InMemory();
        var fromQdrant = (await TestPipeline.For(qdrant, encoder).RunAsync(corpus, cancellationToken: Token)).Index;
        var fromEmbedded = (await TestPipeline.For(embedded, encoder).RunAsync(corpus, cancellationToken: Token)).Index;
        var analyzer = TextAnalyzer.CreateDefault();

        Assert.Equal(fromEmbedded.ContentHash, fromQdrant.ContentHash);
        Assert.Equal((fromEmbedded.DenseModel, 32), (fromQdrant.DenseModel, fromQdrant.DenseDimensions));
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
}
