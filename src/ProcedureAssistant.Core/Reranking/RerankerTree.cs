namespace ProcedureAssistant.Core.Reranking;

/// <summary>
/// One regression tree in ML.NET's layout: internal node <c>i</c> sends a vector left when
/// <c>features[Feature[i]] &lt;= Threshold[i]</c>, else right; a child below zero is the leaf <c>~child</c>.
/// </summary>
public sealed record RerankerTree(double Weight, int[] Feature, float[] Threshold, int[] Left, int[] Right, double[] Leaf)
{
    /// <summary>The leaf the vector falls into.</summary>
    public int LeafIndex(ReadOnlySpan<float> features)
    {
        if (Feature.Length == 0)
        {
            return 0;
        }

        var node = 0;
        while (node >= 0)
        {
            node = features[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
        }

        return ~node;
    }

    /// <summary>What is wrong with the tree's arrays, or null when they make a tree over <paramref name="features"/> features.</summary>
    internal string? Validate(int features)
    {
        var nodes = Feature.Length;
        if (Threshold.Length != nodes || Left.Length != nodes || Right.Length != nodes || Leaf.Length != nodes + 1)
        {
            return $"has {nodes} split features, {Threshold.Length} thresholds, {Left.Length}/{Right.Length} children and {Leaf.Length} leaves";
        }

        if (Feature.Any(f => f < 0 || f >= features))
        {
            return $"splits on a feature outside 0..{features - 1}";
        }

        // Children point only forward (or to a leaf), so every walk ends.
        for (var i = 0; i < nodes; i++)
        {
            foreach (var child in (ReadOnlySpan<int>)[Left[i], Right[i]])
            {
                if (child >= 0 ? child <= i || child >= nodes : ~child >= Leaf.Length)
                {
                    return $"has a node {i} whose child {child} is out of order or range";
                }
            }
        }

        return null;
    }
}
