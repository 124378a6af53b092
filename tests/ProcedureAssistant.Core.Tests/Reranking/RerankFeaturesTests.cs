using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Reranking;

public sealed class RerankFeaturesTests
{
    // Ten chunks of mean length 8; "kết" and "hôn" are in two of them, so idf = ln(1 + 8.5 / 2.5) = ln 4.4.
    private static readonly Dictionary<string, int> Frequencies = new(StringComparer.Ordinal)
    {
        ["kết"] = 2, ["hôn"] = 2, ["~ket"] = 2, ["~hon"] = 2,
    };

    private static readonly IndexStatistics Statistics = new(10, 8, term => Frequencies.GetValueOrDefault(term));

    // "kết hôn" typed with diacritics: the accented terms at 1, their folded forms at 0.25.
    private static readonly QueryTerms Question = new(
        new Dictionary<string, float>(StringComparer.Ordinal)
        {
            ["kết"] = 1, ["hôn"] = 1, ["kết hôn"] = 1, ["~ket"] = 0.25f, ["~hon"] = 0.25f, ["~ket hon"] = 0.25f,
        },
        Accented: true);

    [Fact]
    public void Compute_TwoCandidates_GivesTheHandComputedFeatures()
    {
        // a: "t t | kết hôn tại xã" (6 syllables, the pair adjacent); b: "t t | hôn nhân và kết quả" (7, apart).
        ChunkHit[] hits = [new(Chunk("a", "kết hôn tại xã"), 10, 1), new(Chunk("b", "hôn nhân và kết quả"), 5, 1)];

        var features = RerankFeatures.Compute(Question, hits, Statistics);

        var (a, b) = (Named(features[0]), Named(features[1]));
        var (normA, normB) = (1.2 * (0.25 + (0.75 * 6 / 8)), 1.2 * (0.25 + (0.75 * 7 / 8)));
        Assert.Equal([1.0, 0.5], [a["first_stage_ratio"], b["first_stage_ratio"]], Close);
        Assert.Equal([0.0, 1.0], [a["rank"], b["rank"]], Close);
        Assert.Equal([1.0, 1.0], [a["coverage"], b["coverage"]], Close);
        // Same single syllables once each, so the shorter chunk wins: sat = 2.2 / (1 + norm).
        Assert.Equal([1.0, (1 + normA) / (1 + normB)], [a["unigram_bm25_ratio"], b["unigram_bm25_ratio"]], Close);
        Assert.Equal([1.0, 0.0], [a["bigram_bm25_ratio"], b["bigram_bm25_ratio"]], Close);
        Assert.Equal([1.0, 0.0], [a["bigram_share"], b["bigram_share"]], Close);
        // Dirichlet with mu = 8 and background (2 + 0.5) / 80: each term adds ln((1 + 0.25) / (length + 8)).
        Assert.Equal([0.0, 2 * Math.Log(14.0 / 15)], [a["query_likelihood_gap"], b["query_likelihood_gap"]], Close);
        Assert.Equal([1.0, 0.5], [a["proximity"], b["proximity"]], Close);
        Assert.Equal([1.0, 1.0], [a["window_coverage"], b["window_coverage"]], Close);
        Assert.Equal([Math.Log(7), Math.Log(8)], [a["log_length"], b["log_length"]], Close);
        Assert.Equal([6.0 / 8, 7.0 / 8], [a["length_ratio"], b["length_ratio"]], Close);
        Assert.Equal([2.0 / 3, 1.0 / 3], [a["law_share"], b["law_share"]], Close);
        Assert.Equal([0.0, 1.0], [a["law_rank"], b["law_rank"]], Close);
        Assert.Equal([0.0, 0.0], [a["title_coverage"], b["title_coverage"]], Close);
        Assert.Equal([1.0, 1.0], [a["max_idf_matched"], b["max_idf_matched"]], Close);
        Assert.Equal([1.0, 1.0], [a["accented"], b["accented"]], Close);
        Assert.Equal([2.0, 2.0], [a["query_terms"], b["query_terms"]], Close);
        Assert.Equal([2.0 / 6, 1.0], [a["first_match"], b["first_match"]], Close);
    }

    [Fact]
    public void Compute_QuestionInTheTitle_CountsTowardsTitleCoverage()
    {
        ChunkHit[] hits = [new(Chunk("a", "thủ tục", title: "Kết hôn"), 1, 1)];

        var features = Named(RerankFeatures.Compute(Question, hits, Statistics)[0]);

        Assert.Equal(1.0, features["title_coverage"], 6);
        Assert.Equal(0.0, features["first_match"], 6);
    }

    [Fact]
    public void Compute_NoCandidates_ReturnsNone() =>
        Assert.Empty(RerankFeatures.Compute(Question, [], Statistics));

    [Fact]
    public void Names_AreDistinctAndMatchTheVectors()
    {
        ChunkHit[] hits = [new(Chunk("a", "kết hôn"), 1, 1)];

        Assert.Equal(RerankFeatures.Count, RerankFeatures.Names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(RerankFeatures.Count, RerankFeatures.Compute(Question, hits, Statistics)[0].Length);
    }

    private static bool Close(double x, double y) => Math.Abs(x - y) < 1e-6;

    private static Dictionary<string, double> Named(float[] vector) =>
        RerankFeatures.Names.Select((name, i) => (name, (double)vector[i])).ToDictionary(p => p.name, p => p.Item2, StringComparer.Ordinal);

    // Title "T" makes the heading path "T" too: two syllables ahead of the text.
    private static Chunk Chunk(string document, string text, string title = "T") => new()
    {
        Id = document + "#0",
        DocumentId = document,
        Ordinal = 0,
        DocumentType = DocumentType.Regulation,
        Title = title,
        Text = text,
    };
}
