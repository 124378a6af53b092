using ProcedureAssistant.Core.Reranking;

namespace ProcedureAssistant.Lab.Reranking;

/// <summary>
/// Collects every candidate group under a first-stage <see cref="TermNecessity"/> (null: unweighted BM25), with each
/// question's <see cref="RerankGroup.Translation"/> under the table <paramref name="translationOf"/> gives for its
/// fingerprint (none, or null: not computed).
/// </summary>
public delegate Task<IReadOnlyList<RerankGroup>> RerankGroupSource(
    TermNecessity? firstStage, Func<string, TermTranslation?>? translationOf, CancellationToken cancellationToken);
