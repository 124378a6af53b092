namespace ProcedureAssistant.Core.Embeddings;

/// <summary>Unit-length vectors, so that a dot product is a cosine.</summary>
internal static class VectorMath
{
    /// <summary>The vector scaled to length 1 (a zero vector stays zero).</summary>
    public static float[] Normalized(ReadOnlySpan<float> vector)
    {
        var sum = 0.0;
        foreach (var v in vector)
        {
            sum += (double)v * v;
        }

        var result = vector.ToArray();
        if (sum <= 0)
        {
            return result;
        }

        var scale = 1 / Math.Sqrt(sum);
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (float)(result[i] * scale);
        }

        return result;
    }

}
