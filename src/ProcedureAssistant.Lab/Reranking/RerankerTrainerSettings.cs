using System.Globalization;
using ProcedureAssistant.Core.Reranking;

namespace ProcedureAssistant.Lab.Reranking;

/// <summary>The FastTree LambdaRank settings of <see cref="RerankerTrainer"/>.</summary>
/// <param name="Candidates">First-stage candidates per question, in training and in service.</param>
/// <param name="Trees">Boosting rounds.</param>
/// <param name="Leaves">Leaves per tree.</param>
/// <param name="MinimumExamplesPerLeaf">Fewest candidates a leaf may hold.</param>
/// <param name="LearningRate">Shrinkage of each tree.</param>
/// <param name="Seed">Seed of ML.NET and of FastTree.</param>
/// <param name="Head">How many of the best candidates keep the trees' order before the rest are fused with the translation ranking (<see cref="RerankerModel.Head"/>; 0: no translation). 5, the answer's sources by default (Retrieval:TopK): the translation model finds answers the lexical features miss, but places the best one first less often (ablation.md, "Term translation past the head").</param>
/// <param name="NecessityFirstStage">Whether the first stage weighs the question's terms by the model's <see cref="TermNecessity"/> (the model's <see cref="RerankerModel.FirstStage"/> records it). Off by default: it helps the benchmark sets and costs the project's QA set (ablation.md, "Learned term necessity").</param>
public sealed record RerankerTrainerSettings(
    int Candidates = 50, int Trees = 100, int Leaves = 16, int MinimumExamplesPerLeaf = 20, double LearningRate = 0.1, int Seed = 20251201, int Head = 5, bool NecessityFirstStage = false)
{
    /// <summary>
    /// Features held at zero in training, for ablations: the trees then cannot split on them, the same as training
    /// without them (their values at scoring time no longer matter).
    /// </summary>
    public IReadOnlyList<string> HeldAtZero { get; init; } = [];

    /// <summary>The settings as the model file records them.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"Microsoft.ML.FastTree LambdaRank: candidates={Candidates} trees={Trees} leaves={Leaves} minLeaf={MinimumExamplesPerLeaf} learningRate={LearningRate} seed={Seed} threads=1 head={Head}{(NecessityFirstStage ? " firstStage=necessity" : string.Empty)}{(HeldAtZero.Count == 0 ? string.Empty : " without=" + string.Join(',', HeldAtZero))}");
}
