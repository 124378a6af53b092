namespace ProcedureAssistant.Core.Reranking;

/// <summary>Collects every candidate group under a first-stage <see cref="TermNecessity"/> (null: unweighted BM25).</summary>
public delegate Task<IReadOnlyList<RerankGroup>> RerankGroupSource(TermNecessity? firstStage, CancellationToken cancellationToken);
