using ProcedureAssistant.Core.Reranking;

namespace ProcedureAssistant.Lab.Reranking;

/// <summary>What a <see cref="RerankGroup"/> is for: training a reranker, scoring one, or both.</summary>
public enum RerankGroupUse
{
    /// <summary>Learnt from, and scored when its question is held out.</summary>
    TrainAndScore,

    /// <summary>Learnt from only: a question without diacritics as analysed without restoring them.</summary>
    TrainOnly,

    /// <summary>Scored only: a question without diacritics as the service analyses it, marks restored.</summary>
    ScoreOnly,
}
