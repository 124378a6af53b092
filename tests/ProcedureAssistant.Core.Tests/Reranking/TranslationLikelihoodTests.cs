using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Reranking;

public sealed class TranslationLikelihoodTests
{
    private static readonly IndexStatistics Statistics = new(10, 8, _ => 1);

    private static readonly TermTranslation ThamToChiem = new(new Dictionary<string, IReadOnlyDictionary<string, float>>(StringComparer.Ordinal)
    {
        ["tham"] = new Dictionary<string, float>(StringComparer.Ordinal) { ["chiếm"] = 0.5f },
    });

    private static readonly ChunkHit[] Hits = [Hit("a", "quy định chung về tài sản"), Hit("b", "chiếm đoạt tài sản được giao quản lý")];

    [Fact]
    public void Compute_ACandidateHoldingATranslationOfTheQuestion_IsMoreLikely()
    {
        var question = Question(("tham", 1), ("~tham", 0.25f));

        var plain = TranslationLikelihood.Compute(question, Hits, Statistics, TermTranslation.Empty);
        var translated = TranslationLikelihood.Compute(question, Hits, Statistics, ThamToChiem);

        // Neither says "tham": without translation only their lengths tell them apart ("tham" is nowhere), and the
        // background alone is the same for both.
        Assert.Equal(plain[0], plain[1], 12);
        Assert.True(translated[1] > translated[0], $"{translated[1]} should exceed {translated[0]}");

        // b: 10 syllables with the heading path and title ("T", "T"), "chiếm" once: ln(0.5 · 0.5 · 0.5 / 10 + 0.5 · 1.5 / 80).
        Assert.Equal(Math.Log((0.5 * 0.5 * 0.5 / 10) + (0.5 * 1.5 / 80)), translated[1], 9);
    }

    [Fact]
    public void Compute_AQuestionWithoutAccentedSyllables_GivesZeros()
    {
        var folded = Question(("~tham", 1));

        Assert.Equal([0.0, 0.0], TranslationLikelihood.Compute(folded, Hits, Statistics, ThamToChiem));
    }

    [Fact]
    public void Fuse_KeepsTheHead_AndLiftsACandidateTheTranslationRanksFirst()
    {
        double[] translation = [0, 0, 0, 0, 0, 10];

        var fused = Reranker.Fuse([0, 1, 2, 3, 4, 5], translation, head: 2);

        // 5 is last by the model (1/66) but first by translation (1/61): 0.03154 against 2's 1/63 + 1/64 = 0.03150.
        Assert.Equal([0, 1, 5, 2, 3, 4], fused);
    }

    [Fact]
    public void Fuse_AHeadAsLongAsTheList_IsTheModelsOrder()
    {
        Assert.Equal([2, 0, 1], Reranker.Fuse([2, 0, 1], [5, 9, 1], head: 3));
    }

    [Fact]
    public void Rerank_WithATranslationTable_KeepsTheHeadAndNeverRaisesAScore()
    {
        var model = RerankerModelTests.Stump(threshold: 0.5f, left: -1, right: 2) with
        {
            Candidates = 4,
            Head = 1,
            TermTranslation = ThamToChiem.Sources,
        };
        ChunkHit[] hits = [Hit("a", "tham quan", 0.9), Hit("c", "quy định", 0.2), Hit("d", "khác", 0.2), Hit("b", "chiếm đoạt", 0.2)];

        var reranked = new Reranker(model).Rerank(Question(("tham", 1)), hits, Statistics, top: 4);

        // The stump ranks a first and ties the rest in first-stage order (c, d, b). Past the head, b, second by
        // translation (a says "tham" itself), fuses to 1/64 + 1/62 and passes d (1/63 + 1/64), not c (1/62 + 1/63).
        Assert.Equal(["a", "c", "b", "d"], reranked.Select(h => h.Chunk.DocumentId));
        Assert.Equal(reranked.Select(h => h.Score).OrderDescending(), reranked.Select(h => h.Score));
    }

    private static QueryTerms Question(params (string Term, float Weight)[] terms) =>
        new(terms.ToDictionary(t => t.Term, t => t.Weight, StringComparer.Ordinal), Accented: terms.Any(t => !t.Term.StartsWith('~')));

    private static ChunkHit Hit(string document, string text, double coverage = 1) => new(
        new Chunk { Id = document + "#0", DocumentId = document, Ordinal = 0, DocumentType = DocumentType.Regulation, Title = "T", Text = text },
        1,
        coverage);
}
