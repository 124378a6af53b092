using System.Text.Json;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Ingestion;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>
/// What every <see cref="IChunkIndex"/> must do, whatever stores it. Each backend runs these through a subclass
/// that opens indexes over one store of its own per test.
/// </summary>
public abstract class ChunkIndexContractTests : IAsyncDisposable
{
    private static readonly DateTimeOffset BuildTime = new(2026, 11, 22, 8, 30, 0, TimeSpan.FromHours(7));

    private readonly TextAnalyzer _analyzer = TextAnalyzer.CreateDefault();

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The clock of every index the subclass opens.</summary>
    private protected ManualTimeProvider Clock { get; } = new(BuildTime);

    /// <summary>Opens an index over this test's store (empty at first); every call gives a new instance over the same store.</summary>
    protected abstract Task<IChunkIndex> OpenIndexAsync();

    [Fact]
    public async Task Replace_ThenReadFromAnotherInstance_RoundTripsDocumentsAndChunks()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        var expected = await ReadCorpusAsync(corpus.Path);
        var writer = await OpenIndexAsync();

        var built = (await TestPipeline.For(writer).RunAsync(corpus.Path, cancellationToken: Token)).Index;
        var reader = await OpenIndexAsync();

        Assert.Equal(new IndexInfo(1, TextAnalyzer.Version, 3, expected.Chunks.Count, BuildTime, built.ContentHash), built);
        Assert.Equal(built, await reader.GetInfoAsync(Token));
        Assert.Equal(Json(expected.Documents.OrderBy(d => d.Id, StringComparer.Ordinal)), Json(await reader.ListDocumentsAsync(Token)));
        foreach (var document in expected.Documents)
        {
            Assert.Equal(Json(document), Json(await reader.GetDocumentAsync(document.Id, Token)));
            Assert.Equal(Json(expected.Chunks.Where(c => c.DocumentId == document.Id)), Json(await reader.GetChunksAsync(document.Id, Token)));
        }
    }

    [Fact]
    public async Task Search_AccentedQuestion_RanksTheMatchingChunkFirst()
    {
        var index = await BuildSampleAsync();

        var hits = await index.SearchAsync(_analyzer.AnalyzeQuery("Đăng ký kết hôn ở đâu?"), 3, Token);

        Assert.Equal("tthc-1.000894#0", hits[0].Chunk.Id);
        Assert.Equal(1.0, hits[0].Coverage, 6);
        Assert.True(hits[0].Score > hits[1].Score, $"{hits[0].Score} should beat {hits[1].Score}");
    }

    [Fact]
    public async Task Search_UnaccentedQuestion_RanksTheMatchingChunkFirst()
    {
        var index = await BuildSampleAsync();

        var hits = await index.SearchAsync(_analyzer.AnalyzeQuery("lam giay khai sinh can giay to gi"), 3, Token);

        Assert.Equal("tthc-1.001193#0", hits[0].Chunk.Id);
        Assert.Equal("Đăng ký khai sinh", hits[0].Chunk.Title);
        Assert.True(hits[0].Score > hits[1].Score, $"{hits[0].Score} should beat {hits[1].Score}");
    }

    [Fact]
    public async Task Retrieve_UnaccentedQuestion_IsRestoredFromTheIndexsOwnDocuments()
    {
        const string Question = "lam giay khai sinh can giay to gi";
        var index = await BuildSampleAsync();
        using var corpus = TestPipeline.WriteSampleCorpus();
        var (documents, _) = await ReadCorpusAsync(corpus.Path);
        var vocabulary = new SyllableVocabulary(documents.Select(IndexVocabulary.Text));
        var restored = new DiacriticRestorer().Restore(TextAnalyzer.Syllables(Question).ToList(), vocabulary, DiacriticRestorer.MinConfidence);
        var retriever = new Retriever(_analyzer, index, TestPipeline.SparseOnly(), new RetrievalOptions { Rerank = false });

        var terms = await retriever.AnalyzeAsync(Question, Token);
        var hits = await retriever.RetrieveAsync(Question, 3, Token);

        // Every backend restores from the documents it holds, as a vocabulary of the corpus read directly does.
        Assert.Equal(["làm", "giấy", "khai", "sinh"], restored.Take(4));
        Assert.Equal(_analyzer.AnalyzeQuery(Question, restored).Weights, terms.Weights);
        Assert.Equal("tthc-1.001193#0", hits[0].Chunk.Id);
    }

    [Fact]
    public async Task Replace_Twice_KeepsOneLiveVersion()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        var index = await OpenIndexAsync();
        var pipeline = TestPipeline.For(index);
        var first = (await pipeline.RunAsync(corpus.Path, cancellationToken: Token)).Index;
        Clock.Advance(TimeSpan.FromHours(1));

        var second = (await pipeline.RunAsync(corpus.Path, cancellationToken: Token)).Index;

        Assert.Equal(first with { Version = 2, BuiltAt = BuildTime.AddHours(1) }, second);
        Assert.Equal(second, await (await OpenIndexAsync()).GetInfoAsync(Token));
        Assert.Equal(["nd-120-2025", "tthc-1.000894", "tthc-1.001193"], (await index.ListDocumentsAsync(Token)).Select(d => d.Id));
        var hits = await index.SearchAsync(_analyzer.AnalyzeQuery("hộ tịch"), 10, Token);
        Assert.Equal(hits.Select(h => h.Chunk.Id).Distinct(StringComparer.Ordinal), hits.Select(h => h.Chunk.Id));
    }

    [Fact]
    public async Task Replace_WithoutADocument_NoLongerServesIt()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        var index = await OpenIndexAsync();
        var pipeline = TestPipeline.For(index);
        await pipeline.RunAsync(corpus.Path, cancellationToken: Token);
        File.Delete(Path.Combine(corpus.Path, "procedures", "ket-hon.md"));

        var info = (await pipeline.RunAsync(corpus.Path, cancellationToken: Token)).Index;

        Assert.Equal(2, info.DocumentCount);
        Assert.Null(await index.GetDocumentAsync("tthc-1.000894", Token));
        Assert.Empty(await index.GetChunksAsync("tthc-1.000894", Token));
        var hits = await index.SearchAsync(_analyzer.AnalyzeQuery("đăng ký kết hôn"), 10, Token);
        Assert.DoesNotContain(hits, h => h.Chunk.DocumentId == "tthc-1.000894");
    }

    [Fact]
    public async Task GetStatistics_AfterABuild_CountsChunksTheirLengthAndEverySyllable()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        var documents = (await new CorpusReader(new MarkdownDocumentParser()).ReadAsync(corpus.Path, Token)).Documents;
        var chunker = new LegalStructureChunker(Options.Create(new ChunkingOptions()));
        var indexed = documents.SelectMany(d => chunker.Split(d).Select(c => IngestionPipeline.Analyze(c, d.Aliases))).ToList();
        var index = await OpenIndexAsync();
        await TestPipeline.For(index).RunAsync(corpus.Path, cancellationToken: Token);

        var statistics = await (await OpenIndexAsync()).GetStatisticsAsync(Token);

        Assert.NotNull(statistics);
        Assert.Equal(indexed.Count, statistics.ChunkCount);
        Assert.Equal(indexed.Average(c => (double)c.Terms.Length), statistics.AverageLength, 9);
        foreach (var term in new[] { "khai", "~khai", "hôn", "~hon", "xã" })
        {
            Assert.Equal(indexed.Count(c => c.Terms.Frequencies.ContainsKey(term)), statistics.DocumentFrequency(term));
        }

        Assert.Equal(0, statistics.DocumentFrequency("không-có-từ-này"));
    }

    [Fact]
    public async Task Rerank_FeaturesOfThisBackendsHits_MatchTheEmbeddedIndexs()
    {
        var index = await BuildSampleAsync();
        using var reference = EmbeddedChunkIndex.InMemory();
        using (var corpus = TestPipeline.WriteSampleCorpus())
        {
            await TestPipeline.For(reference).RunAsync(corpus.Path, cancellationToken: Token);
        }

        foreach (var question in new[] { "Đăng ký khai sinh cho con cần giấy tờ gì?", "dang ky ket hon o dau" })
        {
            var terms = _analyzer.AnalyzeQuery(question);
            var hits = await index.SearchAsync(terms, 10, Token);
            var expectedHits = await reference.SearchAsync(terms, 10, Token);

            var features = RerankFeatures.Compute(terms, hits, (await index.GetStatisticsAsync(Token))!);
            var expected = RerankFeatures.Compute(terms, expectedHits, (await reference.GetStatisticsAsync(Token))!);

            Assert.Equal(expectedHits.Select(h => h.Chunk.Id), hits.Select(h => h.Chunk.Id));
            Assert.Equal(expected.SelectMany(f => f), features.SelectMany(f => f), (x, y) => Math.Abs(x - y) <= 1e-4f * Math.Max(1, Math.Abs(x)));
        }
    }

    [Fact]
    public async Task Search_TermsWeighedByNecessity_KeepTheCoverageOfTheQuestionAsAsked()
    {
        var index = await BuildSampleAsync();
        // "kết hôn" weighed far down: a chunk that holds the rest of the question would cover more of the weighed
        // question than of the question as asked.
        var asked = _analyzer.AnalyzeQuery("Đăng ký kết hôn cần giấy tờ gì?");
        var table = new TermNecessity(new Dictionary<string, TermCount>(StringComparer.Ordinal) { ["kết"] = new(9, 0), ["hôn"] = new(9, 0), ["ký"] = new(9, 9) });

        var plain = await index.SearchAsync(asked, 10, Token);
        var weighed = await index.SearchAsync(table.Weigh(asked), 10, Token);

        // The scores move with the weights; each chunk's coverage is still the share of the question as asked.
        Assert.NotEqual(plain.Select(h => h.Score), weighed.Select(h => h.Score));
        var coverage = plain.ToDictionary(h => h.Chunk.Id, h => h.Coverage, StringComparer.Ordinal);
        Assert.All(weighed.Where(h => coverage.ContainsKey(h.Chunk.Id)), h => Assert.Equal(coverage[h.Chunk.Id], h.Coverage, 6));
        Assert.Contains(weighed, h => h.Coverage is > 0 and < 1);
    }

    [Fact]
    public async Task GetDocument_UnknownId_ReturnsNull()
    {
        var index = await BuildSampleAsync();

        Assert.Null(await index.GetDocumentAsync("tthc-9.999999", Token));
    }

    [Fact]
    public async Task GetChunks_UnknownId_ReturnsEmpty()
    {
        var index = await BuildSampleAsync();

        Assert.Empty(await index.GetChunksAsync("tthc-9.999999", Token));
    }

    [Fact]
    public async Task Search_BeforeAnyBuild_ThrowsIndexUnavailable()
    {
        var index = await OpenIndexAsync();

        Assert.Null(await index.GetInfoAsync(Token));
        await Assert.ThrowsAsync<IndexUnavailableException>(() => index.SearchAsync(_analyzer.AnalyzeQuery("khai sinh"), 5, Token));
    }

    [Fact]
    public async Task ListSources_AfterABuild_NamesEveryDocumentsFileAndHash()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        var index = await OpenIndexAsync();
        await TestPipeline.For(index).RunAsync(corpus.Path, cancellationToken: Token);
        var documents = (await ReadCorpusAsync(corpus.Path)).Documents;

        var sources = await (await OpenIndexAsync()).ListSourcesAsync(Token);

        Assert.Equal(
            documents.Select(d => new DocumentSource(d.Id, d.SourcePath, d.ContentHash)).OrderBy(s => s.DocumentId, StringComparer.Ordinal),
            sources!.OrderBy(s => s.DocumentId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListSources_BeforeAnyBuild_IsNull()
    {
        var index = await OpenIndexAsync();

        Assert.Null(await index.ListSourcesAsync(Token));
    }

    [Fact]
    public async Task Incremental_AddedChangedAndRemovedDocuments_HoldsWhatAFullBuildWould()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        var index = await OpenIndexAsync();
        var pipeline = TestPipeline.For(index);
        await pipeline.RunAsync(corpus.Path, cancellationToken: Token);
        corpus.Write("procedures/ket-hon.md", SampleCorpus.MarriageRegistration.Replace("05 ngày", "07 ngày", StringComparison.Ordinal));
        corpus.Write("regulations/luat-99.md", SampleCorpus.ResidenceLaw);
        File.Delete(Path.Combine(corpus.Path, "regulations", "nd-120.md"));
        Clock.Advance(TimeSpan.FromHours(1));

        var report = await pipeline.RunAsync(corpus.Path, IngestionMode.Incremental, cancellationToken: Token);

        Assert.Equal(IngestionMode.Incremental, report.Mode);
        Assert.Equal(new DocumentChanges(Added: 1, Changed: 1, Unchanged: 1, Removed: 1), report.Changes);
        using var full = EmbeddedChunkIndex.InMemory(time: Clock);
        var expected = (await TestPipeline.For(full).RunAsync(corpus.Path, cancellationToken: Token)).Index;
        Assert.Equal(expected with { Version = 2 }, report.Index);
        var reader = await OpenIndexAsync();
        Assert.Equal(report.Index, await reader.GetInfoAsync(Token));
        Assert.Equal(Json(await full.ListDocumentsAsync(Token)), Json(await reader.ListDocumentsAsync(Token)));
        foreach (var id in new[] { "tthc-1.000894", "tthc-1.001193", "luat-99-2025", "nd-120-2025" })
        {
            Assert.Equal(Json(await full.GetChunksAsync(id, Token)), Json(await reader.GetChunksAsync(id, Token)));
        }

        Assert.Null(await reader.GetDocumentAsync("nd-120-2025", Token));
        var marriage = await reader.SearchAsync(_analyzer.AnalyzeQuery("kết hôn cần xác minh mất bao nhiêu ngày"), 1, Token);
        Assert.Contains("07 ngày", marriage[0].Chunk.Text, StringComparison.Ordinal);
        var residence = await reader.SearchAsync(_analyzer.AnalyzeQuery("đăng ký tạm trú trong bao lâu"), 1, Token);
        Assert.Equal("luat-99-2025", residence[0].Chunk.DocumentId);
    }

    [Fact]
    public async Task Incremental_WithDenseModel_EmbedsTheChangedChunksWithTheLiveModel()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var encoder = HashedWordsEmbedding.Encoder(4);
        var index = await OpenIndexAsync();
        var pipeline = TestPipeline.For(index, encoder);
        var built = (await pipeline.RunAsync(corpus.Path, cancellationToken: Token)).Index;
        corpus.Write("regulations/luat-99.md", SampleCorpus.ResidenceLaw);

        var report = await pipeline.RunAsync(corpus.Path, IngestionMode.Incremental, cancellationToken: Token);

        // The update is incremental, keeps the model the documents were embedded with, and its chunks answer a
        // hybrid search: a chunk without a vector of the model would be refused by the backend.
        Assert.Equal(IngestionMode.Incremental, report.Mode);
        Assert.Equal(new DocumentChanges(Added: 1, Changed: 0, Unchanged: 3, Removed: 0), report.Changes);
        var reader = await OpenIndexAsync();
        Assert.Equal((built.DenseModel, built.DenseDimensions), (report.Index.DenseModel, report.Index.DenseDimensions));
        Assert.NotEqual(built.ContentHash, report.Index.ContentHash);
        var question = "đăng ký tạm trú trong bao lâu";
        var dense = await encoder.EmbedQueryAsync(reader, question, Token);
        Assert.NotNull(dense);
        var hits = await reader.SearchAsync(_analyzer.AnalyzeQuery(question) with { Dense = dense }, 3, Token);
        Assert.Equal("luat-99-2025", hits[0].Chunk.DocumentId);
    }

    [Fact]
    public async Task Incremental_DocumentLosesArticles_LeavesNoneOfItsOldChunks()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        corpus.Write("regulations/luat-99.md", SampleCorpus.ResidenceLaw);
        var index = await OpenIndexAsync();
        var pipeline = TestPipeline.For(index);
        await pipeline.RunAsync(corpus.Path, cancellationToken: Token);
        Assert.Equal(3, (await index.GetChunksAsync("luat-99-2025", Token)).Count);
        var shortened = SampleCorpus.ResidenceLaw[..SampleCorpus.ResidenceLaw.IndexOf("### Điều 2.", StringComparison.Ordinal)];
        corpus.Write("regulations/luat-99.md", shortened);

        var report = await pipeline.RunAsync(corpus.Path, IngestionMode.Incremental, cancellationToken: Token);

        Assert.Equal(new DocumentChanges(Added: 0, Changed: 1, Unchanged: 3, Removed: 0), report.Changes);
        var reader = await OpenIndexAsync();
        Assert.Equal(["luat-99-2025#0"], (await reader.GetChunksAsync("luat-99-2025", Token)).Select(c => c.Id));
        var hits = await reader.SearchAsync(_analyzer.AnalyzeQuery("đăng ký tạm trú 30 ngày"), 10, Token);
        Assert.DoesNotContain(hits, h => h.Chunk.Text.Contains("30 ngày", StringComparison.Ordinal));
        Assert.Equal(4, report.Index.ChunkCount);
    }

    [Fact]
    public async Task Incremental_NothingChanged_WritesNothing()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        var index = await OpenIndexAsync();
        var pipeline = TestPipeline.For(index);
        var built = (await pipeline.RunAsync(corpus.Path, cancellationToken: Token)).Index;
        Clock.Advance(TimeSpan.FromHours(1));

        var report = await pipeline.RunAsync(corpus.Path, IngestionMode.Incremental, cancellationToken: Token);

        Assert.Equal(new DocumentChanges(Added: 0, Changed: 0, Unchanged: 3, Removed: 0), report.Changes);
        Assert.Equal(built, report.Index);
        Assert.Equal(built, await (await OpenIndexAsync()).GetInfoAsync(Token));
    }

    [Fact]
    public async Task Incremental_NoIndexYet_BuildsInFull()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        var index = await OpenIndexAsync();

        var report = await TestPipeline.For(index).RunAsync(corpus.Path, IngestionMode.Incremental, cancellationToken: Token);

        Assert.Equal(IngestionMode.Full, report.Mode);
        Assert.Equal(new DocumentChanges(Added: 3, Changed: 0, Unchanged: 0, Removed: 0), report.Changes);
        Assert.Equal(1, report.Index.Version);
    }

    [Fact]
    public async Task Incremental_FileNoLongerParses_KeepsItsIndexedVersion()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        var index = await OpenIndexAsync();
        var pipeline = TestPipeline.For(index);
        await pipeline.RunAsync(corpus.Path, cancellationToken: Token);
        corpus.Write("procedures/ket-hon.md", SampleCorpus.Broken);

        var report = await pipeline.RunAsync(corpus.Path, IngestionMode.Incremental, cancellationToken: Token);

        Assert.Equal("procedures/ket-hon.md", Assert.Single(report.Failures).SourcePath);
        Assert.Equal(new DocumentChanges(Added: 0, Changed: 0, Unchanged: 3, Removed: 0), report.Changes);
        Assert.Equal("Đăng ký kết hôn", (await (await OpenIndexAsync()).GetDocumentAsync("tthc-1.000894", Token))?.Title);
    }

    [Fact]
    public async Task Search_WithAProvinceAndLevelFilter_ReturnsOnlyThatProvinceLevelAndNationalChunks()
    {
        using var corpus = new TempFolder();
        WriteFee(corpus, "fee-a", "Đắk Lắk", "xa", "Lệ phí đăng ký khai sinh ở tỉnh này là 10.000 đồng.");
        // The other province's text is the longest, so BM25 ranks it last of all: limiting after the top 2 would lose it.
        WriteFee(corpus, "fee-b", "Gia Lai", "xa", "Theo quyết định của tỉnh kia, người dân nộp lệ phí đăng ký khai sinh là 20.000 đồng tại trung tâm phục vụ hành chính công của xã, phường nơi cư trú.");
        WriteFee(corpus, "fee-c", "dak-lak", "tinh", "Lệ phí đăng ký khai sinh có yếu tố nước ngoài là 100.000 đồng.");
        WriteFee(corpus, "fee-national", null, null, "Miễn lệ phí đăng ký khai sinh đúng hạn.");
        var index = await OpenIndexAsync();
        await TestPipeline.For(index).RunAsync(corpus.Path, cancellationToken: Token);
        var query = _analyzer.AnalyzeQuery("lệ phí đăng ký khai sinh");

        var all = await index.SearchAsync(query, 10, Token);
        var province = await index.SearchAsync(query with { Filter = new SearchFilter { Province = "dak-lak" } }, 10, Token);
        var provinceAndLevel = await index.SearchAsync(query with { Filter = new SearchFilter { Province = "dak-lak", Levels = ["xa"] } }, 10, Token);
        var other = await index.SearchAsync(query with { Filter = new SearchFilter { Province = "gia-lai" } }, 2, Token);

        Assert.Equal(["fee-a", "fee-b", "fee-c", "fee-national"], all.Select(h => h.Chunk.DocumentId).Order(StringComparer.Ordinal));
        Assert.Equal(["fee-a", "fee-c", "fee-national"], province.Select(h => h.Chunk.DocumentId).Order(StringComparer.Ordinal));
        Assert.Equal(["fee-a", "fee-national"], provinceAndLevel.Select(h => h.Chunk.DocumentId).Order(StringComparer.Ordinal));

        // Inside the search, before the limit: the other province's text ranks last of all, yet it is found.
        Assert.Equal("fee-b", all[^1].Chunk.DocumentId);
        Assert.Equal(["fee-b", "fee-national"], other.Select(h => h.Chunk.DocumentId).Order(StringComparer.Ordinal));
        Assert.Equal(["dak-lak", "gia-lai"], await index.ListProvincesAsync(Token));
    }

    [Fact]
    public async Task ListProvinces_AfterAnUpdateRemovesAProvincesLastText_NoLongerNamesIt()
    {
        using var corpus = new TempFolder();
        WriteFee(corpus, "fee-a", "Đắk Lắk", "xa", "Lệ phí đăng ký khai sinh là 10.000 đồng.");
        WriteFee(corpus, "fee-b", "Gia Lai", "xa", "Lệ phí đăng ký khai sinh là 20.000 đồng.");
        var index = await OpenIndexAsync();
        var pipeline = TestPipeline.For(index);
        await pipeline.RunAsync(corpus.Path, cancellationToken: Token);
        File.Delete(Path.Combine(corpus.Path, "fee-b.md"));
        WriteFee(corpus, "fee-c", "Khánh Hòa", "tinh", "Lệ phí đăng ký khai sinh có yếu tố nước ngoài là 50.000 đồng.");

        await pipeline.RunAsync(corpus.Path, IngestionMode.Incremental, cancellationToken: Token);

        Assert.Equal(["dak-lak", "khanh-hoa"], await (await OpenIndexAsync()).ListProvincesAsync(Token));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DisposeStoreAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Deletes this test's store and disposes the indexes opened over it.</summary>
    protected abstract ValueTask DisposeStoreAsync();

    private async Task<IChunkIndex> BuildSampleAsync()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        var index = await OpenIndexAsync();
        await TestPipeline.For(index).RunAsync(corpus.Path, cancellationToken: Token);
        return index;
    }

    private static async Task<(IReadOnlyList<CorpusDocument> Documents, IReadOnlyList<Chunk> Chunks)> ReadCorpusAsync(string path)
    {
        var documents = (await new CorpusReader(new MarkdownDocumentParser()).ReadAsync(path, Token)).Documents;
        var chunker = new LegalStructureChunker(Options.Create(new ChunkingOptions()));
        return (documents, documents.SelectMany(chunker.Split).ToList());
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    private static void WriteFee(TempFolder corpus, string id, string? province, string? level, string body) =>
        corpus.Write(id + ".md", $"""
            ---
            id: {id}
            type: {(level is null ? "regulation" : "procedure")}
            title: Đăng ký khai sinh {id}
            {(province is null ? "" : "province: " + province)}
            {(level is null ? "" : "level: " + level)}
            ---
            {body}
            """);
}
