using System.Globalization;

namespace ProcedureAssistant.Core.Reranking;

/// <summary>The FastTree LambdaRank settings of <see cref="RerankerTrainer"/>.</summary>
/// <param name="Candidates">First-stage candidates per question, in training and in service.</param>
/// <param name="Trees">Boosting rounds.</param>
/// <param name="Leaves">Leaves per tree.</param>
/// <param name="MinimumExamplesPerLeaf">Fewest candidates a leaf may hold.</param>
/// <param name="LearningRate">Shrinkage of each tree.</param>
/// <param name="Seed">Seed of ML.NET and of FastTree.</param>
public sealed record RerankerTrainerSettings(int Candidates = 50, int Trees = 100, int Leaves = 16, int MinimumExamplesPerLeaf = 20, double LearningRate = 0.1, int Seed = 20251201)
{
    /// <summary>The settings as the model file records them.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"Microsoft.ML.FastTree LambdaRank: candidates={Candidates} trees={Trees} leaves={Leaves} minLeaf={MinimumExamplesPerLeaf} learningRate={LearningRate} seed={Seed} threads=1");
}
