namespace ProcedureAssistant.Core.Indexing;

/// <summary>BM25's term-frequency saturation <paramref name="K1"/> and length normalisation <paramref name="B"/>.</summary>
public sealed record Bm25Parameters(double K1 = 1.2, double B = 0.75)
{
    /// <summary>The usual defaults, k1 = 1.2 and b = 0.75: the service's constants, the BM25 the shipped reranker was trained on.</summary>
    public static Bm25Parameters Default { get; } = new();
}
