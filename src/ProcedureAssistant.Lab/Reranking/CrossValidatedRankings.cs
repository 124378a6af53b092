using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Lab.Evaluation;

namespace ProcedureAssistant.Lab.Reranking;

/// <summary>The targets' rankings, in the targets' order: by the reranker, and by the first stage it reordered.</summary>
public sealed record CrossValidatedRankings(IReadOnlyList<QueryResult> Reranked, IReadOnlyList<QueryResult> FirstStage);
