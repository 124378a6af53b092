using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Core.Tests.Retrieval;

public sealed class DocumentPriorTests
{
    [Fact]
    public void Apply_AddsEachDocumentsShareOfTheCandidates()
    {
        // Shares of the best: a1 1.0, b1 0.9, b2 0.8, b3 0.7; mass a = 1.0, b = 2.4 (the heaviest).
        ChunkHit[] hits = [Hit("a", 1, 10), Hit("b", 1, 9), Hit("b", 2, 8), Hit("b", 3, 7)];

        var ranked = DocumentPrior.Apply(hits, weight: 0.5, top: 3);

        // b1 0.9 + 0.5 = 1.4, b2 1.3, a1 1.0 + 0.5 × 1.0 / 2.4 = 1.2083…, b3 1.2; scores scale back by the best (10).
        Assert.Equal(["b#1", "b#2", "a#1"], ranked.Select(h => h.Chunk.Id));
        Assert.Equal([14.0, 13.0, 10 * (1 + (0.5 / 2.4))], ranked.Select(h => h.Score), (x, y) => Math.Abs(x - y) < 1e-9);
    }

    [Fact]
    public void Apply_WeightZero_KeepsTheOrderAndScores()
    {
        ChunkHit[] hits = [Hit("a", 1, 10), Hit("b", 1, 9)];

        Assert.Equal(hits, DocumentPrior.Apply(hits, weight: 0, top: 5));
    }

    [Fact]
    public void LawKey_PrefersTheRegulationNumber() =>
        Assert.Equal("47/2010/QH12", (DenseSamples.Chunk(0, "x") with { Number = "47/2010/QH12" }).LawKey());

    private static ChunkHit Hit(string document, int article, double score) =>
        new(DenseSamples.Chunk(article, "x") with { Id = $"{document}#{article}", DocumentId = document }, score, 1);
}
