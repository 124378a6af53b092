using System.ComponentModel.DataAnnotations;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Retrieval;

/// <summary>
/// How many chunks are retrieved and whether the reranker reorders them (section <c>Retrieval</c>). How terms are
/// weighted (<see cref="QueryWeighting"/>), BM25's parameters (<see cref="Indexing.Bm25Parameters.Default"/>) and
/// hybrid fusion (<see cref="Indexing.FusionParameters.Default"/>) are constants: the shipped reranker was trained on
/// the first stage they make.
/// </summary>
public sealed class RetrievalOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Retrieval";

    /// <summary>Chunks used to answer a question when the request does not say.</summary>
    [Range(1, 20)]
    public int TopK { get; set; } = 5;

    /// <summary>
    /// Restore the diacritics of a question typed without any (<see cref="DiacriticRestorer"/>, from the index's
    /// syllables) and match it like an accented one, with its folded terms at <see cref="QueryWeighting.RestoredFoldedWeight"/>
    /// and only its confident syllables restored (<see cref="DiacriticRestorer.MinConfidence"/>).
    /// Off: such a question is matched on folded terms only.
    /// </summary>
    public bool RestoreDiacritics { get; set; } = true;

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
}
