using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Qdrant;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Text;
using Qdrant.Client.Grpc;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>
/// What the server's version decides in the requests: features newer than the oldest supported server (1.10) are
/// sent only to servers that have them, because an older one fails on them or ignores them without a word.
/// </summary>
public sealed class QdrantRequestsTests
{
    private static readonly SparseTermVector Sparse = Bm25SparseEncoder.Query(TextAnalyzer.CreateDefault().AnalyzeQuery("khai sinh"));
    private static readonly DenseQuery Dense = new("m", [1f, 0f]);

    [Theory]
    [InlineData("1.16.3", true)]
    [InlineData("1.17.0-dev", true)]
    [InlineData("1.15.2", false)]
    public void Search_Hybrid_SetsTheRrfConstantOnlyWhereTheServerHasIt(string version, bool setsK)
    {
        var query = QdrantRequests.Search("pa", Sparse, Dense, 5, 100, null, Features(version), rrfK: 60);

        Assert.Equal(setsK ? Query.VariantOneofCase.Rrf : Query.VariantOneofCase.Fusion, query.Query.VariantCase);
        Assert.Equal(setsK ? 60u : 0u, query.Query.Rrf?.K ?? 0u);
        Assert.Equal([100ul, 100ul], query.Prefetch.Select(p => p.Limit));
        Assert.Equal(5ul, query.Limit);
    }

    [Fact]
    public void Search_Hybrid_NeverFetchesFewerCandidatesThanItReturns()
    {
        var query = QdrantRequests.Search("pa", Sparse, Dense, 150, 100, null, Features("1.16.3"), rrfK: 60);

        Assert.Equal([150ul, 150ul], query.Prefetch.Select(p => p.Limit));
    }

    [Fact]
    public void Search_WithAFilter_AppliesItInsideEveryFetchBeforeTheLimit()
    {
        var filter = new SearchFilter { Province = "dak-lak", Levels = ["xa"] };

        var hybrid = QdrantRequests.Search("pa", Sparse, Dense, 5, 100, filter, Features("1.16.3"), rrfK: 60);
        var sparseOnly = QdrantRequests.Search("pa", Sparse, null, 5, 100, filter, Features("1.16.3"), rrfK: 60);

        var expected = QdrantRequests.Filter(filter);
        Assert.All(hybrid.Prefetch, p => Assert.Equal(expected, p.Filter));
        Assert.Equal(expected, sparseOnly.Filter);
        Assert.Equal(QdrantChunkIndex.SparseVectorName, sparseOnly.Using);
    }

    [Fact]
    public void Filter_ProvinceAndLevels_LetsNationalAndLevellessChunksThrough()
    {
        var filter = QdrantRequests.Filter(new SearchFilter { Province = "dak-lak", Levels = ["xa", "tinh"] })!;

        Assert.Equal(2, filter.Must.Count);
        var province = filter.Must[0].Filter.Should;
        Assert.Equal(("province", "dak-lak"), (province[0].Field.Key, province[0].Field.Match.Keyword));
        Assert.Equal("province", province[1].IsEmpty.Key);
        var levels = filter.Must[1].Filter.Should;
        Assert.Equal(["xa", "tinh"], levels[0].Field.Match.Keywords.Strings);
        Assert.Equal("levels", levels[1].IsEmpty.Key);
        Assert.Null(QdrantRequests.Filter(new SearchFilter()));
        Assert.Null(QdrantRequests.Filter(null));
    }

    [Theory]
    [InlineData("1.16.3", true)]
    [InlineData("1.11.0", true)]
    [InlineData("1.10.1", false)]
    public void PayloadIndexes_MarkTheProvinceAsTheTenantKeyOnlyWhereTheServerHasIt(string version, bool tenant)
    {
        var indexes = QdrantRequests.PayloadIndexes(Features(version));

        var province = Assert.Single(indexes, i => i.Field == "province");
        Assert.Equal(tenant, province.Parameters?.KeywordIndexParams.IsTenant ?? false);
        Assert.All(indexes.Where(i => i.Field != "province"), i => Assert.Null(i.Parameters));
        Assert.Equal(["kind", "document_id", "type", "levels", "province", "field", "ordinal", "revision"], indexes.Select(i => i.Field));
    }

    private static QdrantFeatures Features(string version) => new(QdrantFeatures.ParseVersion(version)!);
}
