namespace ProcedureAssistant.Core.Indexing;

/// <summary>How a hybrid search fuses its BM25 and dense rankings.</summary>
/// <param name="K">The reciprocal-rank constant in Qdrant's convention (rank from 0): Qdrant's default is 2; the RRF paper's k = 60 is 61 here.</param>
/// <param name="Candidates">Length of each ranking before fusion (never fewer than the results asked for).</param>
public sealed record FusionParameters(int K = 2, int Candidates = 100)
{
    /// <summary>Qdrant's defaults, k = 2 and 100 candidates per ranking: the service's constants, so that a Qdrant older than 1.16 (which fuses with k = 2 only) ranks as the embedded index does.</summary>
    public static FusionParameters Default { get; } = new();
}
