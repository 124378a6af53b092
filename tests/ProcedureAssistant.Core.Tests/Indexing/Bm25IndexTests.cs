using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Indexing;

public sealed class Bm25IndexTests
{
    // A: "a" twice in 4 syllables; B: "a" once in 2; C: no "a", 3 syllables. N = 3, df(a) = 2, avgdl = 3.
    private static readonly Bm25Index Index = new(
        [
            new TermBag(new Dictionary<string, float> { ["a"] = 2, ["x"] = 2 }, 4),
            new TermBag(new Dictionary<string, float> { ["a"] = 1, ["y"] = 1 }, 2),
            new TermBag(new Dictionary<string, float> { ["c"] = 3 }, 3),
        ],
        Bm25Parameters.Default);

    [Fact]
    public void Idf_UsesTheLuceneForm() =>
        Assert.Equal(0.47000362924573563, Index.Idf("a"), 12);

    [Fact]
    public void Search_ScoresMatchTheBm25Formula()
    {
        var hits = Index.Search(Query(("a", 1f)), 10);

        Assert.Equal(2, hits.Count);
        Assert.Equal(0, hits[0].Document);
        Assert.Equal(0.5908617053374963, hits[0].Score, 12);
        Assert.Equal(1, hits[1].Document);
        Assert.Equal(0.5442147286003255, hits[1].Score, 12);
    }

    [Fact]
    public void Search_QueryWeightScalesTheScore()
    {
        var hits = Index.Search(Query(("a", 0.5f)), 1);
        Assert.Equal(0.5908617053374963 / 2, hits[0].Score, 12);
    }

    [Fact]
    public void Search_Limit_KeepsTheBest() =>
        Assert.Equal([0], Index.Search(Query(("a", 1f)), 1).Select(h => h.Document));

    [Fact]
    public void Search_TermOfWeightZero_ListsEachDocumentOnce()
    {
        // "a" adds nothing to documents 0 and 1, which "x" and "y" then score: each must come back once.
        var hits = Index.Search(Query(("a", 0f), ("x", 1f), ("y", 1f)), 10);

        Assert.Equal([0, 1], hits.Select(h => h.Document).Order());
    }

    [Fact]
    public void Search_UnknownTerm_FindsNothing() =>
        Assert.Empty(Index.Search(Query(("zzz", 1f)), 10));

    [Fact]
    public void Search_Coverage_IsTheRarityWeightedShareOfQueryTermsPresent()
    {
        // "a" is present in document 1; "zzz" is in no document and counts with the highest IDF.
        var hits = Index.Search(Query(("a", 1f), ("zzz", 1f)), 10);
        var idfA = Index.Idf("a");
        var maxIdf = Math.Log(1 + ((3 + 0.5) / 0.5));
        Assert.Equal(idfA / (idfA + maxIdf), hits[1].Coverage, 12);
    }

    [Fact]
    public void Coverage_OfOneDocument_EqualsWhatSearchGivesIt()
    {
        var query = Query(("a", 1f), ("x", 0.5f), ("a x", 1f), ("zzz", 1f));
        var hits = Index.Search(query, 10);

        Assert.Equal(2, hits.Count);
        Assert.All(hits, hit => Assert.Equal(hit.Coverage, Index.Coverage(query, hit.Document), 12));
        Assert.Equal(0, Index.Coverage(query, 2));
    }

    private static QueryTerms Query(params (string Term, float Weight)[] terms) =>
        new(terms.ToDictionary(t => t.Term, t => t.Weight), Accented: true);
}
