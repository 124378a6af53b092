using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Reranking;

public sealed class RerankerTests
{
    private static readonly TextAnalyzer Analyzer = TextAnalyzer.CreateDefault();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Rerank_ByAStumpOnCoverage_ReordersTheCandidatesAndAppendsTheRest()
    {
        // The stump gives coverage > 0.5 a score of 2.25, anything else −0.75; it reranks 3 candidates.
        var reranker = new Reranker(RerankerModelTests.Stump(threshold: 0.5f, left: -1, right: 2));
        ChunkHit[] hits = [Hit(0, 9, 0.2), Hit(1, 8, 0.9), Hit(2, 7, 0.5), Hit(3, 6, 0.95)];

        var reranked = reranker.Rerank(Analyzer.AnalyzeQuery("khai sinh"), hits, new IndexStatistics(4, 10, _ => 1), top: 4);

        Assert.Equal(["doc#1", "doc#0", "doc#2", "doc#3"], reranked.Select(h => h.Chunk.Id));
        Assert.Equal([1, Math.Exp(-3), Math.Exp(-3), 0], reranked.Select(h => h.Score), (x, y) => Math.Abs(x - y) < 1e-12);
        Assert.Equal([0.9, 0.2, 0.5, 0.95], reranked.Select(h => h.Coverage));
    }

    [Fact]
    public void FirstStageTerms_OfANecessityModel_AreWeighted_AndOfAPlainOneAsTheyAre()
    {
        var counts = new Dictionary<string, TermCount>(StringComparer.Ordinal) { ["~khai"] = new(4, 0), ["~sinh"] = new(4, 4) };
        var query = Analyzer.AnalyzeQuery("khai sinh");
        var necessity = new Reranker(RerankerModelTests.Stump(0.5f, -1, 2) with { FirstStage = RerankerModel.Bm25NecessityFirstStage, TermNecessity = counts });
        var plain = new Reranker(RerankerModelTests.Stump(0.5f, -1, 2) with { TermNecessity = counts });

        var weighted = necessity.FirstStageTerms(query).Weights;

        Assert.True(weighted["~khai"] < query.Weights["~khai"]);
        Assert.True(weighted["~sinh"] > query.Weights["~sinh"]);
        Assert.Equal(query.Weights, plain.FirstStageTerms(query).Weights);
    }

    [Fact]
    public async Task Retrieve_WithAReranker_ReordersTheIndexsCandidates()
    {
        using var index = await SampleIndexAsync();
        var stump = new Reranker(RerankerModelTests.Stump(threshold: 0.99f, left: 0, right: 0) with { Candidates = 5 });
        var plain = new Retriever(Analyzer, index, TestPipeline.SparseOnly());
        var reranked = new Retriever(Analyzer, index, TestPipeline.SparseOnly(), reranker: stump);

        var first = await plain.RetrieveAsync("đăng ký khai sinh cho con", 5, Token);
        var second = await reranked.RetrieveAsync("đăng ký khai sinh cho con", 5, Token);

        // A model that scores every candidate alike keeps BM25's order, with every score exp(0).
        Assert.Equal(first.Select(h => h.Chunk.Id), second.Select(h => h.Chunk.Id));
        Assert.All(second, h => Assert.Equal(1.0, h.Score));
        Assert.Equal(first.Select(h => h.Coverage), second.Select(h => h.Coverage));
    }

    [Fact]
    public async Task Retrieve_IndexWithoutStatistics_KeepsTheFirstStageOrder()
    {
        using var index = await SampleIndexAsync();
        var inverting = new Reranker(RerankerModelTests.Stump(threshold: 0.5f, left: 2, right: -1) with { Candidates = 5 });
        var retriever = new Retriever(Analyzer, new WithoutStatistics(index), TestPipeline.SparseOnly(), reranker: inverting);

        var hits = await retriever.RetrieveAsync("đăng ký khai sinh cho con", 3, Token);

        Assert.Equal((await index.SearchAsync(Analyzer.AnalyzeQuery("đăng ký khai sinh cho con"), 3, Token)).Select(h => h.Chunk.Id), hits.Select(h => h.Chunk.Id));
    }

    private static async Task<EmbeddedChunkIndex> SampleIndexAsync()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        var index = EmbeddedChunkIndex.InMemory();
        await TestPipeline.For(index).RunAsync(corpus.Path, cancellationToken: Token);
        return index;
    }

    private static ChunkHit Hit(int ordinal, double score, double coverage) => new(DenseSamples.Chunk(ordinal, "khai sinh"), score, coverage);

    /// <summary>An index that, like a Qdrant collection built before statistics were stored, has none.</summary>
    private sealed class WithoutStatistics(IChunkIndex inner) : IChunkIndex
    {
        public Task<IndexInfo?> GetInfoAsync(CancellationToken cancellationToken = default) => inner.GetInfoAsync(cancellationToken);

        public Task<IndexInfo> ReplaceAsync(IndexSnapshot snapshot, CancellationToken cancellationToken = default) => inner.ReplaceAsync(snapshot, cancellationToken);

        public Task<IReadOnlyList<DocumentSource>?> ListSourcesAsync(CancellationToken cancellationToken = default) => inner.ListSourcesAsync(cancellationToken);

        public Task<IndexInfo> UpdateAsync(IndexUpdate update, CancellationToken cancellationToken = default) => inner.UpdateAsync(update, cancellationToken);

        public Task<IReadOnlyList<ChunkHit>> SearchAsync(QueryTerms query, int limit, CancellationToken cancellationToken = default) => inner.SearchAsync(query, limit, cancellationToken);

        public Task<IndexStatistics?> GetStatisticsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IndexStatistics?>(null);

        public Task<byte[]?> GetDenseModelStateAsync(CancellationToken cancellationToken = default) => inner.GetDenseModelStateAsync(cancellationToken);

        public Task<IReadOnlyList<CorpusDocument>> ListDocumentsAsync(CancellationToken cancellationToken = default) => inner.ListDocumentsAsync(cancellationToken);

        public Task<CorpusDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken = default) => inner.GetDocumentAsync(documentId, cancellationToken);

        public Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default) => inner.GetChunksAsync(documentId, cancellationToken);

        public Task<IReadOnlyList<string>> ListProvincesAsync(CancellationToken cancellationToken = default) => inner.ListProvincesAsync(cancellationToken);
    }
}
