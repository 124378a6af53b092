using System.ComponentModel.DataAnnotations;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Retrieval;

/// <summary>How many chunks are retrieved and how they are scored.</summary>
public sealed class RetrievalOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Retrieval";

    /// <summary>Chunks used to answer a question when the request does not say.</summary>
    [Range(1, 20)]
    public int TopK { get; set; } = 5;

    /// <summary>BM25 term-frequency saturation.</summary>
    [Range(0.0, 10.0)]
    public double Bm25K1 { get; set; } = 1.2;

    /// <summary>BM25 length normalisation.</summary>
    [Range(0.0, 1.0)]
    public double Bm25B { get; set; } = 0.75;

    /// <summary>Weight of a syllable bigram relative to a single syllable.</summary>
    [Range(0.0, 5.0)]
    public double BigramWeight { get; set; } = 1.0;

    /// <summary>Weight of folded (diacritic-free) terms when the question has diacritics.</summary>
    [Range(0.0, 1.0)]
    public double FoldedWeight { get; set; } = 0.25;

    /// <summary>
    /// Restore the diacritics of a question typed without any (<see cref="DiacriticRestorer"/>, from the index's
    /// syllables) and match it like an accented one, with its folded terms at <see cref="RestoredFoldedWeight"/>.
    /// Off: such a question is matched on folded terms only.
    /// </summary>
    public bool RestoreDiacritics { get; set; } = true;

    /// <summary>Weight of folded terms for a question whose diacritics were restored; it forgives a wrong restoration.</summary>
    [Range(0.0, 1.0)]
    public double RestoredFoldedWeight { get; set; } = 0.5;

    /// <summary>
    /// Least posterior probability of a syllable's restored form (over every restoration of the question) for it to
    /// be matched restored; a syllable below it is matched on its folded terms only, at full weight. 0 keeps every restoration.
    /// </summary>
    [Range(0.0, 1.0)]
    public double RestorationMinConfidence { get; set; } = 0.8;

    /// <summary>Weight of the corpus wording added by the everyday-word dictionary.</summary>
    [Range(0.0, 2.0)]
    public double ExpansionWeight { get; set; } = 0.5;

    /// <summary>Drop question words that carry no topic.</summary>
    public bool DropQuestionWords { get; set; } = true;

    /// <summary>
    /// The reciprocal-rank fusion constant of hybrid search, in Qdrant's convention (Σ 1/(k + rank), rank from 0;
    /// Qdrant's default is 2, the RRF paper's 60 is 61 here). Used only with a dense model.
    /// </summary>
    [Range(1, 1000)]
    public int FusionK { get; set; } = 2;

    /// <summary>Length of the BM25 and the dense ranking before they are fused.</summary>
    [Range(1, 1000)]
    public int FusionCandidates { get; set; } = 100;

    /// <summary>Weight of the document-level prior (see <see cref="DocumentPrior"/>); 0 turns it off.</summary>
    [Range(0.0, 5.0)]
    public double DocumentPriorWeight { get; set; }

    /// <summary>Candidates the document-level prior re-ranks.</summary>
    [Range(1, 1000)]
    public int DocumentPriorCandidates { get; set; } = 50;

    /// <summary>
    /// Rerank the first-stage BM25 candidates with the learned reranker (see <see cref="Reranking.Reranker"/>). The
    /// model was trained on plain BM25 candidates, so it is not used when <c>Embeddings:Provider</c> makes dense
    /// vectors or <see cref="DocumentPriorWeight"/> is set: the first stage is then another ranking (see <see cref="UsesReranker"/>).
    /// </summary>
    public bool Rerank { get; set; } = true;

    /// <summary>A reranker model file written by <c>train-reranker</c>; null uses the one built into the service.</summary>
    public string? RerankerPath { get; set; }

    /// <summary>Whether the reranker reorders the hits: <see cref="Rerank"/> is on and the first stage is the plain BM25 it was trained on.</summary>
    public bool UsesReranker(Embeddings.EmbeddingProvider provider) => Rerank && provider == Embeddings.EmbeddingProvider.None && DocumentPriorWeight <= 0;

    /// <summary>The fusion settings as the indexes take them.</summary>
    public FusionParameters Fusion => new(FusionK, FusionCandidates);

    /// <summary>The query-term weights as the analyser takes them.</summary>
    public QueryWeighting Weighting => new()
    {
        BigramWeight = BigramWeight,
        FoldedWeight = FoldedWeight,
        RestoredFoldedWeight = RestoredFoldedWeight,
        ExpansionWeight = ExpansionWeight,
        DropQuestionWords = DropQuestionWords,
    };
}
