using System.Net;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Qdrant;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>
/// Every JSON body the Qdrant client sends is valid against Qdrant's official OpenAPI schemas (1.16.3, the server
/// the tests run, and 1.19.0) with unknown properties rejected: the server ignores a misspelt field silently, so only this catches one. Requests are
/// captured by a recording handler that answers with canned Qdrant-shaped results.
/// </summary>
public sealed class QdrantRequestSchemaTests
{
    private const string Alias = "pa";
    private const string Update = """{"operation_id":1,"status":"completed"}""";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StrictSpec_MisspeltOrWrongValue_IsRejected()
    {
        var spec = await QdrantOpenApiSpec.GetAsync();

        Assert.Empty(spec.ValidateAgainst("CreateCollection", """{"sparse_vectors":{"bm25":{"modifier":"idf"}}}"""));
        Assert.NotEmpty(spec.ValidateAgainst("CreateCollection", """{"sparse_vectors":{"bm25":{"modifer":"idf"}}}"""));
        Assert.NotEmpty(spec.ValidateAgainst("CreateCollection", """{"sparse_vectors":{"bm25":{"modifier":"IDF"}}}"""));
        Assert.NotEmpty(spec.ValidateAgainst("ScrollRequest", """{"filter":{"mustt":[]},"limit":1}"""));
        Assert.NotEmpty(spec.ValidateAgainst("QueryRequest", """{"query":{"indices":[1],"values":[1]},"using":"bm25","limit":5,"with_payloads":true}"""));
        Assert.NotEmpty(spec.ValidateAgainst("PointInsertOperations", """{"points":[{"id":"doc-1#0","vector":{}}]}"""));
    }

    [Fact]
    public async Task CreateCollection_SparseOnlyAndWithDense_MatchTheSpec()
    {
        var requests = await RecordAsync(async (client, _) =>
        {
            await client.CreateCollectionAsync("sparse", QdrantChunkIndex.SparseVectorName, cancellationToken: Token);
            await client.CreateCollectionAsync("hybrid", QdrantChunkIndex.SparseVectorName, "dense", 384, Token);
        });

        var bodies = await AssertValidAsync(requests, HttpMethod.Put, "/collections/{collection_name}", "CreateCollection", 2);
        Assert.Equal(
            [
                """{"sparse_vectors":{"bm25":{"modifier":"idf"}}}""",
                """{"vectors":{"dense":{"size":384,"distance":"Cosine"}},"sparse_vectors":{"bm25":{"modifier":"idf"}}}""",
            ],
            bodies);
    }

    [Fact]
    public async Task PayloadIndexes_OfABuild_MatchTheSpec()
    {
        var requests = await RecordAsync((_, index) => BuildSampleAsync(index));

        var bodies = await AssertValidAsync(requests, HttpMethod.Put, "/collections/{collection_name}/index", "CreateFieldIndex", 8);
        Assert.Equal(
            [
                """{"field_name":"kind","field_schema":"keyword"}""",
                """{"field_name":"document_id","field_schema":"keyword"}""",
                """{"field_name":"type","field_schema":"keyword"}""",
                """{"field_name":"levels","field_schema":"keyword"}""",
                """{"field_name":"province","field_schema":"keyword"}""",
                """{"field_name":"field","field_schema":"keyword"}""",
                """{"field_name":"ordinal","field_schema":"integer"}""",
                """{"field_name":"revision","field_schema":"integer"}""",
            ],
            bodies);
    }

    [Fact]
    public async Task Upsert_OfABuild_MatchesTheSpec()
    {
        var chunks = 0;
        var requests = await RecordAsync(async (_, index) => chunks = (await BuildSampleAsync(index)).ChunkCount, batchSize: 2);

        var bodies = await AssertValidAsync(requests, HttpMethod.Put, "/collections/{collection_name}/points", "PointInsertOperations", ((chunks + 1) / 2) + 1);
        Assert.Contains("\"bm25\":{\"indices\":[", bodies[0], StringComparison.Ordinal);
        Assert.Contains("\"kind\":[\"index\"]", bodies[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_SparseAndHybrid_MatchTheSpec()
    {
        var sparse = new SparseVector([Bm25SparseEncoder.Index("khai"), Bm25SparseEncoder.Index("khai sinh")], [1f, 0.5f]);
        var filter = QdrantFilter.All(QdrantFilter.Match("level", "xa"), new FieldCondition("ordinal", Range: new RangeCondition(Gte: 0)));
        var requests = await RecordAsync(async (client, index) =>
        {
            await index.SearchAsync(TextAnalyzer.CreateDefault().AnalyzeQuery("đăng ký khai sinh"), 5, Token);
            await client.QueryAsync<object>(Alias, QueryRequest.Hybrid("bm25", sparse, "dense", [0.1f, 0.2f, 0.3f], 10, 50, filter, withPayload: true), Token);
        });

        var bodies = await AssertValidAsync(requests, HttpMethod.Post, "/collections/{collection_name}/points/query", "QueryRequest", 2);
        Assert.StartsWith("""{"query":{"indices":[""", bodies[0], StringComparison.Ordinal);
        Assert.EndsWith(""","limit":5,"using":"bm25","with_payload":{"exclude":["document"]}}""", bodies[0], StringComparison.Ordinal);
        Assert.Equal(
            $$$"""{"query":{"fusion":"rrf"},"limit":10,"prefetch":[{"query":{"indices":[{{{sparse.Indices[0]}}},{{{sparse.Indices[1]}}}],"values":[1,0.5]},"using":"bm25","limit":50},{"query":[0.1,0.2,0.3],"using":"dense","limit":50}],"filter":{"must":[{"key":"level","match":{"value":"xa"}},{"key":"ordinal","range":{"gte":0}}]},"with_payload":true}""",
            bodies[1]);
    }

    [Fact]
    public async Task DeleteByFilter_MatchesTheSpec()
    {
        var requests = await RecordAsync((client, _) =>
            client.DeleteAsync(Alias, QdrantFilter.All(QdrantFilter.Match("document_id", "nd-120-2025")), Token));

        var bodies = await AssertValidAsync(requests, HttpMethod.Post, "/collections/{collection_name}/points/delete", "PointsSelector", 1);
        Assert.Equal("""{"filter":{"must":[{"key":"document_id","match":{"value":"nd-120-2025"}}]}}""", bodies[0]);
    }

    [Fact]
    public async Task Scroll_WithPaging_MatchesTheSpec()
    {
        var requests = await RecordAsync(async (_, index) =>
        {
            await index.ListDocumentsAsync(Token);
            await index.GetDocumentAsync("tthc-1.001193", Token);
            await index.GetChunksAsync("tthc-1.001193", Token);
        });

        var bodies = await AssertValidAsync(requests, HttpMethod.Post, "/collections/{collection_name}/points/scroll", "ScrollRequest", 4);
        Assert.Equal(
            [
                """{"filter":{"must":[{"key":"kind","match":{"value":"document"}}]},"limit":256,"with_payload":{"include":["document"]},"with_vector":false}""",
                $$$"""{"filter":{"must":[{"key":"kind","match":{"value":"document"}}]},"limit":256,"with_payload":{"include":["document"]},"with_vector":false,"offset":"{{{NextPage}}}"}""",
                """{"filter":{"must":[{"key":"kind","match":{"value":"document"}},{"key":"document_id","match":{"value":"tthc-1.001193"}}]},"limit":1,"with_payload":{"include":["document"]},"with_vector":false}""",
            ],
            bodies.Take(3));
    }

    [Fact]
    public async Task Count_AfterABuild_MatchesTheSpec()
    {
        var requests = await RecordAsync((_, index) => BuildSampleAsync(index));

        var bodies = await AssertValidAsync(requests, HttpMethod.Post, "/collections/{collection_name}/points/count", "CountRequest", 2);
        Assert.Equal(
            [
                """{"filter":{"must":[{"key":"kind","match":{"value":"chunk"}}]},"exact":true}""",
                """{"filter":{"must":[{"key":"kind","match":{"value":"document"}}]},"exact":true}""",
            ],
            bodies);
    }

    [Fact]
    public async Task AliasSwap_AfterABuild_MatchesTheSpec()
    {
        var requests = await RecordAsync((_, index) => BuildSampleAsync(index));

        var bodies = await AssertValidAsync(requests, HttpMethod.Post, "/collections/aliases", "ChangeAliasesOperation", 1);
        Assert.Equal("""{"actions":[{"delete_alias":{"alias_name":"pa"}},{"create_alias":{"collection_name":"pa-v1","alias_name":"pa"}}]}""", bodies[0]);
    }

    [Fact]
    public async Task EveryRequest_OfABuildAndItsReads_IsADeclaredOperation()
    {
        var requests = await RecordAsync(async (client, index) =>
        {
            await BuildSampleAsync(index);
            await index.GetInfoAsync(Token);
            await index.SearchAsync(TextAnalyzer.CreateDefault().AnalyzeQuery("khai sinh"), 5, Token);
            await index.ListDocumentsAsync(Token);
            await client.CollectionExistsAsync(Alias, Token);
            await client.CreateSnapshotAsync(Alias, Token);
            await client.ListSnapshotsAsync(Alias, Token);
            await client.DeleteCollectionAsync("pa-v0", Token);
        });
        var spec = await QdrantOpenApiSpec.GetAsync();

        foreach (var version in await QdrantOpenApiSpec.GetAllAsync())
        {
            Assert.Empty(requests.SelectMany(version.Validate));
        }

        Assert.Equal(
            [
                "DELETE /collections/{collection_name}",
                "GET /",
                "GET /aliases",
                "GET /collections",
                "GET /collections/{collection_name}/exists",
                "GET /collections/{collection_name}/snapshots",
                "POST /collections/aliases",
                "POST /collections/{collection_name}/points",
                "POST /collections/{collection_name}/points/count",
                "POST /collections/{collection_name}/points/query",
                "POST /collections/{collection_name}/points/scroll",
                "POST /collections/{collection_name}/snapshots",
                "PUT /collections/{collection_name}",
                "PUT /collections/{collection_name}/index",
                "PUT /collections/{collection_name}/points",
            ],
            requests.Select(r => $"{r.Method} {spec.Template(r.Path)}").Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Update_EveryRequest_MatchesTheSpec()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        var read = await new CorpusReader(new MarkdownDocumentParser()).ReadAsync(corpus.Path, Token);
        var birth = read.Documents.Single(d => d.Id == "tthc-1.001193");
        var chunks = new LegalStructureChunker(Microsoft.Extensions.Options.Options.Create(new ChunkingOptions())).Split(birth)
            .Select(c => Core.Ingestion.IngestionPipeline.Analyze(c, birth.Aliases)).ToList();
        var committed = new IndexMetadataPayload
        {
            Kind = ["index"],
            IndexVersion = 1,
            Revision = 1,
            AverageLength = 40,
            Bm25K1 = 1.2,
            Bm25B = 0.75,
            AnalyzerVersion = TextAnalyzer.Version,
            DocumentCount = 1,
            ChunkCount = 0,
            BuiltAt = DateTimeOffset.UnixEpoch,
            ContentHash = "0",
            Documents = new Dictionary<string, DocumentEntry> { ["nd-120-2025"] = new("regulations/nd-120.md", "00", 0, 0, "00") },
        };
        var metadata = System.Text.Json.JsonSerializer.Serialize(committed, QdrantJson.Options);
        using var handler = new RecordingHandler(request => (request.Method.Method, request.Path) switch
        {
            ("GET", "/") => RecordingHandler.Root(),
            ("GET", "/aliases") => RecordingHandler.Ok("""{"aliases":[{"alias_name":"pa","collection_name":"pa-v1"}]}"""),
            ("POST", "/collections/pa-v1/points") => RecordingHandler.Ok($$"""[{"id":"{{Guid.Empty}}","payload":{{metadata}}}]"""),
            ("POST", "/collections/pa-v1/points/scroll") => RecordingHandler.Ok(request.Body!.Contains("\"unigrams\"", StringComparison.Ordinal)
                ? $$$"""{"points":[{"id":"{{{Guid.Empty}}}","payload":{"unigrams":["khai","sinh"]}}],"next_page_offset":null}"""
                : """{"points":[],"next_page_offset":null}"""),
            ("POST", "/collections/pa-v1/points/count") => RecordingHandler.Ok(request.Body!.Contains(DocumentKind, StringComparison.Ordinal) ? """{"count":1}""" : $$"""{"count":{{chunks.Count}}}"""),
            ("PUT", "/collections/pa-v1/points") or ("POST", "/collections/pa-v1/points/delete") => RecordingHandler.Ok(Update),
            _ => null,
        });
        using var http = new HttpClient(handler);
        using var index = new QdrantChunkIndex(http, new QdrantOptions { Url = new Uri("http://qdrant.test:6333"), Collection = Alias });

        await index.ListSourcesAsync(Token);
        var info = await index.UpdateAsync(new IndexUpdate(TextAnalyzer.Version, [birth], chunks, ["nd-120-2025"]), Token);

        Assert.Equal(2, info.Version);
        foreach (var spec in await QdrantOpenApiSpec.GetAllAsync())
        {
            Assert.Empty(handler.Requests.SelectMany(spec.Validate));
        }

        var bodies = handler.Requests.Where(r => r.Body is not null).Select(r => $"{r.Method} {r.Path} {r.Body}").ToList();
        Assert.Contains("""POST /collections/pa-v1/points/scroll {"filter":{"must":[{"key":"revision","range":{"gt":1}}]},"limit":256,"with_payload":{"include":["document_id","revision"]},"with_vector":false}""", bodies);
        Assert.Contains("""POST /collections/pa-v1/points/delete {"filter":{"must":[{"key":"document_id","match":{"any":["tthc-1.001193","nd-120-2025"]}}],"must_not":[{"key":"revision","match":{"value":2}}]}}""", bodies);
        Assert.Contains("""POST /collections/pa-v1/points/scroll {"filter":{"must":[{"key":"kind","match":{"value":"chunk"}}]},"limit":1024,"with_payload":{"include":["unigrams"]},"with_vector":false}""", bodies);
        Assert.Contains("\"revision\":2", bodies.First(b => b.StartsWith("PUT /collections/pa-v1/points", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("\"unigram_document_frequencies\":{\"khai\":1,\"sinh\":1}", bodies.Last(), StringComparison.Ordinal);
    }

    private const string NextPage = "2f0a6b1c-0000-5000-8000-000000000001";
    private const string DocumentKind = "\"document\"";

    private static async Task<IndexInfo> BuildSampleAsync(IChunkIndex index)
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        return (await TestPipeline.For(index).RunAsync(corpus.Path, cancellationToken: Token)).Index;
    }

    private static async Task<IReadOnlyList<RecordedRequest>> RecordAsync(Func<QdrantRestClient, QdrantChunkIndex, Task> act, int batchSize = 128)
    {
        var scrolls = 0;
        var chunkCount = await SampleChunkCountAsync();
        using var handler = new RecordingHandler(request => (request.Method.Method, request.Path) switch
        {
            ("GET", "/") => RecordingHandler.Root(),
            ("GET", "/collections") => RecordingHandler.Ok("""{"collections":[]}"""),
            ("GET", "/aliases") => RecordingHandler.Ok("""{"aliases":[]}"""),
            ("GET", var path) when path.EndsWith("/exists", StringComparison.Ordinal) => RecordingHandler.Ok("""{"exists":true}"""),
            ("GET", var path) when path.EndsWith("/snapshots", StringComparison.Ordinal) => RecordingHandler.Ok("[]"),
            ("PUT", var path) when path.EndsWith("/index", StringComparison.Ordinal) || path.EndsWith("/points", StringComparison.Ordinal) => RecordingHandler.Ok(Update),
            ("PUT", _) => RecordingHandler.Ok("true"),
            ("POST", "/collections/aliases") => RecordingHandler.Ok("true"),
            ("POST", var path) when path.EndsWith("/points/count", StringComparison.Ordinal) => RecordingHandler.Ok(
                $$"""{"count":{{(request.Body!.Contains(DocumentKind, StringComparison.Ordinal) ? 3 : chunkCount)}}}"""),
            ("POST", var path) when path.EndsWith("/points/query", StringComparison.Ordinal) => RecordingHandler.Ok("""{"points":[]}"""),
            ("POST", var path) when path.EndsWith("/points/scroll", StringComparison.Ordinal) => RecordingHandler.Ok(
                Interlocked.Increment(ref scrolls) == 1 ? $$"""{"points":[],"next_page_offset":"{{NextPage}}"}""" : """{"points":[],"next_page_offset":null}"""),
            ("POST", var path) when path.EndsWith("/points/delete", StringComparison.Ordinal) => RecordingHandler.Ok(Update),
            ("POST", var path) when path.EndsWith("/points", StringComparison.Ordinal) => RecordingHandler.Ok("[]"),
            ("POST", var path) when path.EndsWith("/snapshots", StringComparison.Ordinal) => RecordingHandler.Ok("""{"name":"pa-v1-1.snapshot","creation_time":"2026-11-22T17:42:22","size":1,"checksum":"00"}"""),
            ("DELETE", _) => RecordingHandler.Error(HttpStatusCode.NotFound, "Not found: Collection `pa-v0` doesn't exist!"),
            _ => null,
        });
        using var http = new HttpClient(handler);
        var options = new QdrantOptions { Url = new Uri("http://qdrant.test:6333"), Collection = Alias, BatchSize = batchSize };
        using var index = new QdrantChunkIndex(http, options);
        await act(new QdrantRestClient(http, options), index);
        return handler.Requests;
    }

    /// <summary>Checks the requests to one operation against every spec and returns their bodies, in order.</summary>
    private static async Task<IReadOnlyList<string>> AssertValidAsync(IReadOnlyList<RecordedRequest> requests, HttpMethod method, string template, string schema, int expectedCount)
    {
        var spec = await QdrantOpenApiSpec.GetAsync();
        var matching = requests.Where(r => r.Method == method && spec.Template(r.Path) == template).ToList();

        Assert.Equal(expectedCount, matching.Count);
        foreach (var version in await QdrantOpenApiSpec.GetAllAsync())
        {
            Assert.Equal(schema, version.RequestSchema(method, template));
            Assert.Empty(matching.SelectMany(version.Validate));
        }

        return matching.Select(r => r.Body!).ToList();
    }

    private static async Task<int> SampleChunkCountAsync()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var index = Core.Indexing.Embedded.EmbeddedChunkIndex.InMemory();
        return (await TestPipeline.For(index).RunAsync(corpus.Path, cancellationToken: Token)).Index.ChunkCount;
    }
}
