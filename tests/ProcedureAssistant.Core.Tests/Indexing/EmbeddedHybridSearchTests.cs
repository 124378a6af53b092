using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Indexing;

public sealed class EmbeddedHybridSearchTests
{
    private static readonly TextAnalyzer Analyzer = TextAnalyzer.CreateDefault();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_WithAVectorOfTheIndexModel_FusesBothRankingsByReciprocalRank()
    {
        using var index = EmbeddedChunkIndex.InMemory();
        await index.ReplaceAsync(DenseSamples.Snapshot(), Token);
        var query = Analyzer.AnalyzeQuery("khai sinh") with { Dense = new DenseQuery(DenseSamples.Model, [1f, 0f]) };

        var hits = await index.SearchAsync(query, 3, Token);

        // BM25 [c0, c1], dense [c2, c1, c0]; k = 2: c1 = 1/3 + 1/3, c0 = 1/2 + 1/4, c2 = 1/2.
        Assert.Equal(["doc#0", "doc#1", "doc#2"], hits.Select(h => h.Chunk.Id));
        Assert.Equal([0.75, 2.0 / 3, 0.5], hits.Select(h => h.Score));
        Assert.Equal(0, hits[2].Coverage);
        Assert.Equal(1, hits[0].Coverage, 12);
    }

    [Fact]
    public async Task Search_WithTheFusionConstantSet_UsesIt()
    {
        using var index = EmbeddedChunkIndex.InMemory(fusion: new FusionParameters(K: 61, Candidates: 2));
        await index.ReplaceAsync(DenseSamples.Snapshot(), Token);
        var query = Analyzer.AnalyzeQuery("khai sinh") with { Dense = new DenseQuery(DenseSamples.Model, [1f, 0f]) };

        var hits = await index.SearchAsync(query, 2, Token);

        // Two candidates each: BM25 [c0, c1], dense [c2, c1]; c1 = 1/62 + 1/62, c0 = 1/61, c2 = 1/61 (tie: c0 seen first).
        Assert.Equal(["doc#1", "doc#0"], hits.Select(h => h.Chunk.Id));
        Assert.Equal([2.0 / 62, 1.0 / 61], hits.Select(h => h.Score));
    }

    [Fact]
    public async Task Search_WithAVectorOfAnotherModel_IsSparseOnly()
    {
        using var index = EmbeddedChunkIndex.InMemory();
        await index.ReplaceAsync(DenseSamples.Snapshot(), Token);
        var sparse = Analyzer.AnalyzeQuery("khai sinh");

        var hits = await index.SearchAsync(sparse with { Dense = new DenseQuery("other-model", [1f, 0f]) }, 3, Token);

        Assert.Equal((await index.SearchAsync(sparse, 3, Token)).Select(h => (h.Chunk.Id, h.Score)), hits.Select(h => (h.Chunk.Id, h.Score)));
        Assert.Equal(["doc#0", "doc#1"], hits.Select(h => h.Chunk.Id));
    }

    [Fact]
    public async Task Index_WithDenseVectors_RoundTripsThemAndTheModelState()
    {
        using var data = new TempFolder();
        using (var writer = EmbeddedChunkIndex.InFolder(data.Path))
        {
            await writer.ReplaceAsync(DenseSamples.Snapshot(), Token);
        }

        using var reader = EmbeddedChunkIndex.InFolder(data.Path);
        var info = await reader.GetInfoAsync(Token);
        var hits = await reader.SearchAsync(Analyzer.AnalyzeQuery("con") with { Dense = new DenseQuery(DenseSamples.Model, [1f, 0f]) }, 1, Token);

        Assert.Equal((DenseSamples.Model, 2), (info!.DenseModel, info.DenseDimensions));
        Assert.Equal([1, 2, 3], await reader.GetDenseModelStateAsync(Token));
        Assert.Equal("doc#2", hits[0].Chunk.Id);
    }

    [Fact]
    public async Task Replace_VectorOfTheWrongSize_IsRejected()
    {
        using var index = EmbeddedChunkIndex.InMemory();
        var snapshot = DenseSamples.Snapshot();
        var broken = snapshot with { Chunks = [.. snapshot.Chunks.Take(2), snapshot.Chunks[2] with { Vector = [1f, 0f, 0f] }] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => index.ReplaceAsync(broken, Token));

        Assert.Contains("doc#2", error.Message, StringComparison.Ordinal);
        Assert.Null(await index.GetInfoAsync(Token));
    }

    [Fact]
    public async Task Replace_WithoutDenseVectors_HashesAsBefore()
    {
        using var index = EmbeddedChunkIndex.InMemory();
        var snapshot = DenseSamples.Snapshot();
        var sparse = snapshot with { Dense = null, Chunks = snapshot.Chunks.Select(c => c with { Vector = null }).ToList() };

        var withVectors = await index.ReplaceAsync(snapshot, Token);
        var without = await index.ReplaceAsync(sparse, Token);

        Assert.NotEqual(withVectors.ContentHash, without.ContentHash);
        Assert.Null(without.DenseModel);
        Assert.Null(await index.GetDenseModelStateAsync(Token));
    }
}
