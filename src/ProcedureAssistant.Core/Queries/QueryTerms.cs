namespace ProcedureAssistant.Core.Queries;

/// <summary>
/// The analysed question, as every index searches with it: its weighted terms, whether it was typed with diacritics and, when a dense model is
/// configured, its embedding (<see cref="Dense"/>), which an index fuses with the terms' BM25 ranking.
/// </summary>
public sealed record QueryTerms(IReadOnlyDictionary<string, float> Weights, bool Accented)
{
    /// <summary>The question's dense vector, or null for a sparse-only search.</summary>
    public DenseQuery? Dense { get; init; }

    /// <summary>Which chunks the search may return (a province, procedure levels), or null for every chunk.</summary>
    public SearchFilter? Filter { get; init; }

    /// <summary>
    /// The weights a hit's coverage is computed with, when the search weighs the terms otherwise
    /// (the reranker's term necessity): coverage stays the share of the question as asked, which the
    /// answering layer's thresholds read. Null: the same as <see cref="Weights"/>.
    /// </summary>
    public IReadOnlyDictionary<string, float>? CoverageWeights { get; init; }

    /// <summary>The weight of <paramref name="term"/> in a hit's coverage.</summary>
    public float CoverageWeight(string term, float searchWeight) =>
        CoverageWeights is null ? searchWeight : CoverageWeights.GetValueOrDefault(term);

    /// <summary>True when nothing in the question carries a topic (empty, or only question words).</summary>
    public bool IsEmpty => Weights.Count == 0;
}
