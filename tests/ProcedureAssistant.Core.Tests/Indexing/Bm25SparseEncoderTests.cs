using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Qdrant;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>The pieces the Qdrant index computes on its side: term dimensions, BM25 values, point ids, coverage.</summary>
public sealed class Bm25SparseEncoderTests
{
    // The bags of Bm25IndexTests: N = 3, avgdl = 3.
    private static readonly TermBag[] Bags =
    [
        new(new Dictionary<string, float> { ["a"] = 2, ["x"] = 2, ["a x"] = 1 }, 4),
        new(new Dictionary<string, float> { ["a"] = 1, ["y"] = 1 }, 2),
        new(new Dictionary<string, float> { ["c"] = 3 }, 3),
    ];

    [Theory]
    [InlineData("", 2166136261u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    [InlineData("đăng", 1156489036u)]
    [InlineData("~dang ky", 45044675u)]
    public void Index_Term_IsFnv1aOfItsUtf8Bytes(string term, uint expected) =>
        Assert.Equal(expected, Bm25SparseEncoder.Index(term));

    [Fact]
    public void Document_Values_AreBm25SaturatedTermFrequencies()
    {
        var encoder = new Bm25SparseEncoder(Bm25Parameters.Default, averageLength: 5);

        var vector = encoder.Document(new TermBag(new Dictionary<string, float> { ["a"] = 2, ["b"] = 1 }, 10));

        // norm = 1.2 · (1 − 0.75 + 0.75 · 10 / 5) = 2.1; a: 2 · 2.2 / 4.1; b: 2.2 / 3.1. Indices come sorted.
        var expected = new Dictionary<uint, float> { [Bm25SparseEncoder.Index("a")] = (float)(4.4 / 4.1), [Bm25SparseEncoder.Index("b")] = (float)(2.2 / 3.1) };
        Assert.Equal(expected.Keys.Order(), vector.Indices);
        Assert.Equal(expected.OrderBy(e => e.Key).Select(e => e.Value), vector.Values);
    }

    [Fact]
    public void Query_ZeroWeights_AreLeftOut()
    {
        var vector = Bm25SparseEncoder.Query(new QueryTerms(new Dictionary<string, float> { ["a"] = 0.25f, ["b"] = 0f }, Accented: true));

        Assert.Equal([Bm25SparseEncoder.Index("a")], vector.Indices);
        Assert.Equal([0.25f], vector.Values);
    }

    [Fact]
    public void DotProductWithIdf_EqualsTheEmbeddedBm25Score()
    {
        var encoder = Bm25SparseEncoder.For(Indexed(), Bm25Parameters.Default);
        var index = new Bm25Index(Bags, Bm25Parameters.Default);
        var document = encoder.Document(Bags[0]);

        // What Qdrant computes with the IDF modifier: Σ query value · idf · document value.
        var score = index.Idf("a") * document.Values[document.Indices.ToList().IndexOf(Bm25SparseEncoder.Index("a"))];

        Assert.Equal(3, encoder.AverageLength);
        Assert.Equal(index.Search(new QueryTerms(new Dictionary<string, float> { ["a"] = 1 }, Accented: true), 1)[0].Score, score, 6);
    }

    [Fact]
    public void Coverage_SameTermsAndCounts_EqualsTheEmbeddedIndexCoverage()
    {
        var statistics = new TermStatistics(1, Bags.Length, TermStatistics.CountUnigrams(Indexed()));
        var query = new QueryTerms(new Dictionary<string, float> { ["a"] = 1, ["zzz"] = 1, ["a x"] = 1, ["y"] = 0.5f }, Accented: true);

        var expected = new Bm25Index(Bags, Bm25Parameters.Default).Search(query, 3);

        Assert.Equal(new Dictionary<string, int> { ["a"] = 2, ["x"] = 1, ["y"] = 1, ["c"] = 1 }, statistics.UnigramDocumentFrequencies);
        foreach (var hit in expected)
        {
            var unigrams = Bags[hit.Document].Frequencies.Keys.Where(TermStatistics.IsUnigram).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(hit.Coverage, statistics.Coverage(query, unigrams), 12);
        }
    }

    [Theory]
    [InlineData("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org", "886313e1-3b8a-5372-9b90-0c9aee199e5d")]
    [InlineData("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com", "2ed6657d-e927-568b-95e1-2665a8aea6a2")]
    public void UuidV5_KnownNames_MatchRfc4122(string namespaceId, string name, string expected) =>
        Assert.Equal(Guid.Parse(expected), UuidV5.Create(Guid.Parse(namespaceId), name));

    [Fact]
    public void ChunkPointId_SameChunkId_IsTheSameUuidV5EveryTime() =>
        Assert.Equal(Guid.Parse("55d5c201-5821-51ed-b73b-d864f755273a"), QdrantChunkIndex.ChunkPointId("tthc-1.001193#0"));

    private static List<IndexedChunk> Indexed() =>
        Bags.Select((bag, i) => new IndexedChunk(
            new Chunk { Id = $"d#{i}", DocumentId = "d", Ordinal = i, DocumentType = DocumentType.Guide, Title = "d", Text = "" },
            bag)).ToList();
}
