using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Indexing.Qdrant;
using ProcedureAssistant.Core.Ingestion;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;
using Qdrant.Client.Grpc;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>
/// What only the Qdrant index does: versioned collections behind an alias, clean-up of failed builds, and BM25
/// scores equal to the embedded index's. Against a real server (<c>QDRANT_URL</c>); skipped, with the reason, without one.
/// </summary>
public sealed class QdrantChunkIndexTests : IAsyncDisposable
{
    private readonly QdrantOptions _options = QdrantTestServer.Options(batchSize: 2);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Replace_Twice_DeletesThePreviousCollection()
    {
        await QdrantTestServer.RequireAsync();
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var index = new QdrantChunkIndex(_options);
        var pipeline = TestPipeline.For(index);

        await pipeline.RunAsync(corpus.Path, cancellationToken: Token);
        await pipeline.RunAsync(corpus.Path, cancellationToken: Token);

        Assert.Equal([index.CollectionName(2)], await QdrantTestServer.BuildCollectionsAsync(_options, Token));
        Assert.Equal(index.CollectionName(2), await QdrantTestServer.AliasTargetAsync(_options, Token));
    }

    [Fact]
    public async Task Replace_UploadFailsMidway_KeepsTheOldVersionLiveAndDeletesTheHalfBuiltOne()
    {
        await QdrantTestServer.RequireAsync();
        using var corpus = TestPipeline.WriteSampleCorpus();
        var secondBuild = $"{_options.Collection}-v2";
        var upserts = 0;
        var failing = new RecordingInterceptor(call => call.Request is UpsertPoints upsert && upsert.CollectionName == secondBuild && Interlocked.Increment(ref upserts) == 2
            ? RecordingInterceptor.Error(StatusCode.Internal, "Service internal error: injected by the test")
            : null);
        using var index = QdrantTestServer.Index(_options, failing);
        var pipeline = TestPipeline.For(index);
        var live = (await pipeline.RunAsync(corpus.Path, cancellationToken: Token)).Index;

        var error = await Assert.ThrowsAsync<QdrantException>(() => pipeline.RunAsync(corpus.Path, cancellationToken: Token));

        Assert.Equal(StatusCode.Internal, error.Status);
        Assert.Contains("injected by the test", error.Message, StringComparison.Ordinal);
        Assert.Equal(live, await index.GetInfoAsync(Token));
        Assert.Equal([index.CollectionName(1)], await QdrantTestServer.BuildCollectionsAsync(_options, Token));
        var hits = await index.SearchAsync(TextAnalyzer.CreateDefault().AnalyzeQuery("đăng ký khai sinh"), 1, Token);
        Assert.Equal("tthc-1.001193", hits[0].Chunk.DocumentId);
    }

    [Fact]
    public async Task Replace_AfterACrashedBuild_TakesTheNextVersionNumberAndDeletesTheLeftover()
    {
        await QdrantTestServer.RequireAsync();
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var index = new QdrantChunkIndex(_options);
        using (var connection = QdrantTestServer.Connect(_options))
        {
            await connection.CreateCollectionAsync(index.CollectionName(1), QdrantChunkIndex.SparseVectorName, QdrantChunkIndex.DenseVectorName, null, Token);
        }

        var info = (await TestPipeline.For(index).RunAsync(corpus.Path, cancellationToken: Token)).Index;

        Assert.Equal(2, info.Version);
        Assert.Equal(index.CollectionName(2), await QdrantTestServer.AliasTargetAsync(_options, Token));
        Assert.Equal([index.CollectionName(2)], await QdrantTestServer.BuildCollectionsAsync(_options, Token));
    }

    [Fact]
    public async Task Replace_CountsDoNotAddUp_KeepsTheOldVersionLive()
    {
        await QdrantTestServer.RequireAsync();
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var index = new QdrantChunkIndex(_options);
        var live = (await TestPipeline.For(index).RunAsync(corpus.Path, cancellationToken: Token)).Index;
        var chunk = IngestionPipeline.Analyze(new Chunk { Id = "x#0", DocumentId = "x", Ordinal = 0, DocumentType = DocumentType.Guide, Title = "X", Text = "đăng ký" }, []);

        // Two chunks with one id are one point: the build holds fewer chunks than it was given.
        var error = await Assert.ThrowsAsync<QdrantException>(() => index.ReplaceAsync(new IndexSnapshot(TextAnalyzer.Version, [], [chunk, chunk]), Token));

        Assert.Contains("holds 1 chunk points and 0 document points instead of 2 and 0", error.Message, StringComparison.Ordinal);
        Assert.Equal(live, await index.GetInfoAsync(Token));
        Assert.Equal([index.CollectionName(1)], await QdrantTestServer.BuildCollectionsAsync(_options, Token));
    }

    [Fact]
    public async Task Incremental_OneDocumentChanged_UploadsOnlyItsPoints()
    {
        await QdrantTestServer.RequireAsync();
        using var corpus = TestPipeline.WriteSampleCorpus();
        var recording = new RecordingInterceptor();
        using var index = QdrantTestServer.Index(_options, recording);
        var pipeline = TestPipeline.For(index);
        await pipeline.RunAsync(corpus.Path, cancellationToken: Token);
        var before = recording.Calls.Count;
        corpus.Write("procedures/ket-hon.md", SampleCorpus.MarriageRegistration.Replace("05 ngày", "07 ngày", StringComparison.Ordinal));

        await pipeline.RunAsync(corpus.Path, IngestionMode.Incremental, cancellationToken: Token);

        var points = recording.Calls.Skip(before).Select(c => c.Request).OfType<UpsertPoints>()
            .SelectMany(upsert => upsert.Points)
            .Select(p => p.Payload.TryGetValue("id", out var id) ? id.StringValue : "metadata")
            .ToList();
        Assert.Equal(["tthc-1.000894#0", "metadata"], points);
    }

    [Fact]
    public async Task Incremental_InterruptedBeforeItsCommit_KeepsAnsweringAndTheNextUpdateRepairsIt()
    {
        await QdrantTestServer.RequireAsync();
        using var corpus = TestPipeline.WriteSampleCorpus();
        corpus.Write("regulations/luat-99.md", SampleCorpus.ResidenceLaw);
        using var index = new QdrantChunkIndex(_options);
        var live = (await TestPipeline.For(index).RunAsync(corpus.Path, cancellationToken: Token)).Index;
        corpus.Write("regulations/luat-99.md", SampleCorpus.ResidenceLaw[..SampleCorpus.ResidenceLaw.IndexOf("### Điều 2.", StringComparison.Ordinal)] + "Sửa đổi.\n");

        // The process "dies" after writing the new chunks: the delete of the old ones never gets through.
        var failing = new RecordingInterceptor(call => call.Method == RecordingInterceptor.Delete ? RecordingInterceptor.Error(StatusCode.Internal, "injected by the test") : null);
        using (var dying = QdrantTestServer.Index(_options, failing))
        {
            await Assert.ThrowsAsync<QdrantException>(() => TestPipeline.For(dying).RunAsync(corpus.Path, IngestionMode.Incremental, cancellationToken: Token));
        }

        using var reader = new QdrantChunkIndex(_options);
        Assert.Equal(live, await reader.GetInfoAsync(Token));
        var hits = await reader.SearchAsync(TextAnalyzer.CreateDefault().AnalyzeQuery("đăng ký khai sinh"), 1, Token);
        Assert.Equal("tthc-1.001193", hits[0].Chunk.DocumentId);
        Assert.Contains(new DocumentSource("luat-99-2025", "regulations/luat-99.md", string.Empty), (await reader.ListSourcesAsync(Token))!);

        var repaired = await TestPipeline.For(reader).RunAsync(corpus.Path, IngestionMode.Incremental, cancellationToken: Token);

        Assert.Equal(new DocumentChanges(Added: 0, Changed: 1, Unchanged: 3, Removed: 0), repaired.Changes);
        using var full = EmbeddedChunkIndex.InMemory();
        Assert.Equal((await TestPipeline.For(full).RunAsync(corpus.Path, cancellationToken: Token)).Index.ContentHash, repaired.Index.ContentHash);
        Assert.Equal(["luat-99-2025#0"], (await reader.GetChunksAsync("luat-99-2025", Token)).Select(c => c.Id));
        Assert.DoesNotContain((await reader.ListSourcesAsync(Token))!, s => s.ContentHash.Length == 0);
    }

    [Fact]
    public async Task Search_AfterAnUpdateByAnotherProcess_SeesItsTermStatisticsWithinTheMaxAge()
    {
        await QdrantTestServer.RequireAsync();
        using var corpus = TestPipeline.WriteSampleCorpus();
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        using var reader = new QdrantChunkIndex(_options, time: clock);
        using var writer = new QdrantChunkIndex(_options);
        await TestPipeline.For(writer).RunAsync(corpus.Path, cancellationToken: Token);
        var query = TextAnalyzer.CreateDefault().AnalyzeQuery("đăng ký khai sinh hay kết hôn");
        double BirthCoverage(IReadOnlyList<ChunkHit> hits) => hits.Single(h => h.Chunk.Id == "tthc-1.001193#0").Coverage;
        var before = BirthCoverage(await reader.SearchAsync(query, 10, Token));
        corpus.Write("procedures/ket-hon-2.md", SampleCorpus.MarriageRegistration.Replace("tthc-1.000894", "tthc-2.000894", StringComparison.Ordinal));
        await TestPipeline.For(writer).RunAsync(corpus.Path, IngestionMode.Incremental, cancellationToken: Token);
        using var fresh = new QdrantChunkIndex(_options);
        var expected = BirthCoverage(await fresh.SearchAsync(query, 10, Token));

        var cached = BirthCoverage(await reader.SearchAsync(query, 10, Token));
        clock.Advance(QdrantChunkIndex.StatisticsMaxAge);
        var refreshed = BirthCoverage(await reader.SearchAsync(query, 10, Token));

        Assert.NotEqual(before, expected, 6);
        Assert.Equal(before, cached, 12);
        Assert.Equal(expected, refreshed, 12);
    }

    [Fact]
    public async Task Search_WholeCorpus_ScoresAsTheEmbeddedIndex()
    {
        await QdrantTestServer.RequireAsync();
        var corpus = Path.Combine(SharedData.RepositoryRoot, "corpus");
        _options.BatchSize = 128;
        using var qdrant = new QdrantChunkIndex(_options);
        using var embedded = EmbeddedChunkIndex.InMemory();
        var fromQdrant = (await TestPipeline.For(qdrant).RunAsync(corpus, cancellationToken: Token)).Index;
        var fromEmbedded = (await TestPipeline.For(embedded).RunAsync(corpus, cancellationToken: Token)).Index;
        var analyzer = TextAnalyzer.CreateDefault();

        Assert.Equal(fromEmbedded.ContentHash, fromQdrant.ContentHash);
        Assert.Equal(fromEmbedded.ChunkCount, fromQdrant.ChunkCount);
        foreach (var question in new[] { "thủ tục đăng ký khai sinh cần giấy tờ gì", "cap giay phep xay dung nha o rieng le", "Chủ tịch UBND xã có được thu hồi đất không", "so do lan dau mat bao lau", "trợ cấp xã hội hằng tháng" })
        {
            var query = analyzer.AnalyzeQuery(question);
            var expected = await embedded.SearchAsync(query, 10, Token);
            var actual = await qdrant.SearchAsync(query, 10, Token);

            Assert.Equal(10, expected.Count);
            Assert.Equal(10, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                // Qdrant keeps values and scores as 32-bit floats.
                Assert.Equal(expected[i].Score, actual[i].Score, expected[i].Score * 1e-5);
                Assert.Equal(expected[i].Coverage, actual[i].Coverage, 12);
            }

            Assert.Equal(expected[0].Chunk.Id, actual[0].Chunk.Id);
        }
    }

    [Fact]
    public async Task ReplaceInParts_SearchesAndReadsAsAWholeBuild_ButCannotBeUpdatedInPlace()
    {
        await QdrantTestServer.RequireAsync();
        using var corpus = TestPipeline.WriteSampleCorpus();
        corpus.Write("regulations/luat-99.md", SampleCorpus.ResidenceLaw);
        var documents = (await new CorpusReader(new MarkdownDocumentParser()).ReadAsync(corpus.Path, Token)).Documents;
        var chunker = new LegalStructureChunker(Microsoft.Extensions.Options.Options.Create(new ChunkingOptions()));
        var chunks = documents.SelectMany(chunker.Split).Select(c => IngestionPipeline.Analyze(c, [])).ToList();
        var other = QdrantTestServer.Options(batchSize: 2);
        using var whole = new QdrantChunkIndex(_options);
        using var inParts = new QdrantChunkIndex(other);
        try
        {
            var expected = await whole.ReplaceAsync(new IndexSnapshot(TextAnalyzer.Version, documents, chunks), Token);
            var parts = documents.Chunk(2).Select(part => new IndexSnapshot(TextAnalyzer.Version, part, chunks.Where(c => part.Any(d => d.Id == c.Chunk.DocumentId)).ToList())).ToList();
            var reported = new List<long>();

            var built = await inParts.ReplaceInPartsAsync(TextAnalyzer.Version, parts.ToAsyncEnumerable(), chunks.Average(c => (double)c.Terms.Length), new SynchronousProgress<long>(reported.Add), Token);

            Assert.Equal((expected.DocumentCount, expected.ChunkCount), (built.DocumentCount, built.ChunkCount));
            Assert.Equal([parts[0].Chunks.Count, chunks.Count], reported);
            foreach (var question in new[] { "đăng ký khai sinh", "đăng ký thường trú", "kết hôn ở đâu" })
            {
                var query = TextAnalyzer.CreateDefault().AnalyzeQuery(question);
                var a = await whole.SearchAsync(query, 5, Token);
                var b = await inParts.SearchAsync(query, 5, Token);
                Assert.Equal(a.Select(h => (h.Chunk.Id, Math.Round(h.Score, 5), Math.Round(h.Coverage, 9))), b.Select(h => (h.Chunk.Id, Math.Round(h.Score, 5), Math.Round(h.Coverage, 9))));
            }

            Assert.Equal((await whole.ListDocumentsAsync(Token)).Select(d => d.Id), (await inParts.ListDocumentsAsync(Token)).Select(d => d.Id));
            Assert.Null(await inParts.ListSourcesAsync(Token));
        }
        finally
        {
            await QdrantTestServer.DeleteBuildsAsync(other);
        }
    }

    [Fact]
    public async Task GetInfo_ServerUnreachable_ThrowsIndexUnavailable()
    {
        // Port 9 (discard) on loopback has no listener: the connection is refused at once.
        var options = new QdrantOptions { Endpoint = new Uri("http://127.0.0.1:9"), MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(1) };
        using var index = new QdrantChunkIndex(options);

        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => index.GetInfoAsync(Token));

        Assert.StartsWith("Qdrant at http://127.0.0.1:9/ cannot be reached (HealthCheck)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_MarksTheProvinceIndexAsTheTenantKeyAndCreatesTheCollectionAsConfigured()
    {
        await QdrantTestServer.RequireAsync();
        using var corpus = TestPipeline.WriteSampleCorpus();
        _options.Shards = 2;
        using var index = new QdrantChunkIndex(_options);
        await TestPipeline.For(index).RunAsync(corpus.Path, cancellationToken: Token);
        using var client = new global::Qdrant.Client.QdrantClient(QdrantTestServer.GrpcEndpoint!, QdrantTestServer.ApiKey);

        var collection = await client.GetCollectionInfoAsync(index.CollectionName(1), Token);

        Assert.True(collection.PayloadSchema[PayloadField.Province].Params.KeywordIndexParams.IsTenant);
        Assert.False(collection.PayloadSchema[PayloadField.Levels].Params?.KeywordIndexParams?.IsTenant ?? false);
        Assert.Equal(2u, collection.Config.Params.ShardNumber);

        // The gRPC field is marked obsolete in the client; the REST answer says it plainly.
        using var http = new HttpClient();
        var rest = await http.GetFromJsonAsync<JsonElement>(new Uri(QdrantTestServer.Url!, $"/collections/{index.CollectionName(1)}"), Token);
        Assert.True(rest.GetProperty("result").GetProperty("config").GetProperty("params").GetProperty("on_disk_payload").GetBoolean());
        Assert.Equal(Modifier.Idf, collection.Config.Params.SparseVectorsConfig.Map[QdrantChunkIndex.SparseVectorName].Modifier);
    }

    public async ValueTask DisposeAsync()
    {
        if (await QdrantTestServer.IsAvailableAsync())
        {
            await QdrantTestServer.DeleteBuildsAsync(_options);
        }
    }
}
