namespace ProcedureAssistant.Cli.Commands;

/// <summary>How <c>eval --dataset</c> treats the learned reranker (<c>--rerank</c>).</summary>
internal enum RerankMode
{
    /// <summary>As <c>Retrieval:Rerank</c> says; a set the shipped model trained on is cross-validated instead, and says so.</summary>
    Config,

    /// <summary>First-stage order only.</summary>
    Off,

    /// <summary>The shipped model; refused on a set it trained on.</summary>
    Shipped,

    /// <summary>k-fold cross-validation grouped by question, over this set and the training sets.</summary>
    Cv,

    /// <summary>Trained on the other training sets only, scored on this one (leave one dataset out).</summary>
    Lodo,
}
