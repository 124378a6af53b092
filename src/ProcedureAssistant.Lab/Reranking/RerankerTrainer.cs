using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using ProcedureAssistant.Core.Reranking;

namespace ProcedureAssistant.Lab.Reranking;

/// <summary>
/// Trains a <see cref="RerankerModel"/> with ML.NET's FastTree LambdaRank on candidate groups (one per question),
/// then copies the trees out of ML.NET. Deterministic: one thread, fixed seeds, and the groups in the order given,
/// so the same groups and settings give the same model bytes.
/// </summary>
public static class RerankerTrainer
{
    /// <summary>
    /// Trains on every group that has a relevant candidate (the others carry no ranking signal), except those that
    /// are only for scoring (<see cref="RerankGroupUse.ScoreOnly"/>). The model keeps the <see cref="TermNecessity"/>
    /// of the same questions, with which its first stage weighs a question's terms, and their
    /// <see cref="TermTranslation"/>, with which it ranks the candidates past its head.
    /// </summary>
    /// <param name="groups">The training questions' candidates, in a deterministic order.</param>
    /// <param name="settings">The learner's settings.</param>
    public static RerankerModel Train(IReadOnlyList<RerankGroup> groups, RerankerTrainerSettings settings) =>
        TrainWithMlNet(groups, settings).Model;

    /// <summary>The model and the ML.NET transformer it was copied from (tests check that both score alike).</summary>
    internal static (RerankerModel Model, ITransformer Transformer, MLContext Context) TrainWithMlNet(IReadOnlyList<RerankGroup> groups, RerankerTrainerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(settings);
        var useful = groups.Where(g => g.Use != RerankGroupUse.ScoreOnly && g.Relevant.Any(r => r))
            .Select(g => HoldAtZero(g, settings.HeldAtZero))
            .ToList();
        if (useful.Count == 0)
        {
            throw new ArgumentException("No training question has a relevant candidate: there is nothing to learn from.", nameof(groups));
        }

        var context = new MLContext(settings.Seed);
        var data = context.Data.LoadFromEnumerable(Rows(useful), Schema(useful.Count));
        var trainer = context.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
        {
            LabelColumnName = nameof(TrainingRow.Label),
            FeatureColumnName = nameof(TrainingRow.Features),
            RowGroupColumnName = nameof(TrainingRow.GroupId),
            NumberOfTrees = settings.Trees,
            NumberOfLeaves = settings.Leaves,
            MinimumExampleCountPerLeaf = settings.MinimumExamplesPerLeaf,
            LearningRate = settings.LearningRate,
            NumberOfThreads = 1,
            Seed = settings.Seed,
            FeatureSelectionSeed = settings.Seed,
            // Relevance is binary here (labels 0 and 1); ML.NET wants gains for five levels.
            CustomGains = [0, 1, 3, 7, 15],
        });
        var transformer = trainer.Fit(data);
        var ensemble = transformer.Model.TrainedTreeEnsemble;
        var trees = ensemble.Trees.Zip(ensemble.TreeWeights, (tree, weight) => new RerankerTree(
            weight,
            [.. tree.NumericalSplitFeatureIndexes],
            [.. tree.NumericalSplitThresholds],
            [.. tree.LeftChild],
            [.. tree.RightChild],
            [.. tree.LeafValues])).ToList();
        if (ensemble.Trees.Any(t => t.CategoricalSplitFlags.Any(c => c)))
        {
            throw new InvalidOperationException("FastTree made a categorical split, which RerankerTree cannot evaluate.");
        }

        var fingerprints = groups.Select(g => g.Fingerprint).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var datasets = groups.GroupBy(g => g.Dataset, StringComparer.Ordinal)
            .Select(g => new RerankerDataset(g.Key, g.Select(q => q.QueryId).Distinct(StringComparer.Ordinal).Count()))
            .ToList();
        var necessity = TermNecessity.Learn(groups);
        var model = new RerankerModel
        {
            Format = RerankerModel.CurrentFormat,
            FeatureSet = RerankFeatures.Version,
            Features = RerankFeatures.Names,
            FirstStage = settings.NecessityFirstStage ? RerankerModel.Bm25NecessityFirstStage : RerankerModel.Bm25FirstStage,
            Candidates = settings.Candidates,
            Training = new RerankerTraining(settings.Describe(), datasets, fingerprints),
            Bias = ensemble.Bias,
            Trees = trees,
            TermNecessity = settings.NecessityFirstStage ? necessity.Counts : new Dictionary<string, TermCount>(StringComparer.Ordinal),
            Head = settings.Head,
            TermTranslation = settings.Head > 0 ? TermTranslation.Learn(groups).Sources : new Dictionary<string, IReadOnlyDictionary<string, float>>(StringComparer.Ordinal),
        };
        return (model, transformer, context);
    }

    private static RerankGroup HoldAtZero(RerankGroup group, IReadOnlyList<string> held)
    {
        if (held.Count == 0)
        {
            return group;
        }

        var columns = held.Select(name => RerankFeatures.Names.ToList().IndexOf(name)).Where(c => c >= 0).ToList();
        return group with
        {
            Features = group.Features.Select(f =>
            {
                var copy = f.ToArray();
                columns.ForEach(c => copy[c] = 0);
                return copy;
            }).ToList(),
        };
    }

    /// <summary>The rows ML.NET reads: one per candidate, groups numbered from 1 (key 0 means missing).</summary>
    internal static IEnumerable<TrainingRow> Rows(IReadOnlyList<RerankGroup> groups)
    {
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            for (var c = 0; c < group.Features.Count; c++)
            {
                yield return new TrainingRow { Label = group.Relevant[c] ? 1 : 0, GroupId = (uint)(g + 1), Features = group.Features[c] };
            }
        }
    }

    internal static SchemaDefinition Schema(int groups)
    {
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, RerankFeatures.Count);
        schema[nameof(TrainingRow.GroupId)].ColumnType = new KeyDataViewType(typeof(uint), Math.Max(groups, 1));
        return schema;
    }

    /// <summary>One candidate as ML.NET reads it.</summary>
    internal sealed class TrainingRow
    {
        public float Label { get; set; }

        public uint GroupId { get; set; }

        public float[] Features { get; set; } = [];
    }
}
