using System.Numerics.Tensors;

namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// The chunks' unit-length vectors in one contiguous block, searched by brute force: a few thousand dot products
/// take well under a millisecond, so no approximate index is needed at this size.
/// </summary>
internal sealed class DenseMatrix
{
    private readonly float[] _values;
    private readonly int _dimensions;
    private readonly int _count;

    public DenseMatrix(IReadOnlyList<float[]?> vectors, int dimensions)
    {
        _dimensions = dimensions;
        _count = vectors.Count;
        _values = new float[vectors.Count * dimensions];
        for (var i = 0; i < vectors.Count; i++)
        {
            vectors[i]?.AsSpan().CopyTo(_values.AsSpan(i * dimensions, dimensions));
        }
    }

    /// <summary>Positions of the <paramref name="limit"/> vectors with the largest dot product, best first; ties keep position order.</summary>
    public IReadOnlyList<int> Nearest(ReadOnlySpan<float> query, int limit, Func<int, bool>? accepts = null)
    {
        if (query.Length != _dimensions || limit <= 0)
        {
            return [];
        }

        var heap = new PriorityQueue<int, (float Score, int NegPosition)>();
        for (var i = 0; i < _count; i++)
        {
            if (accepts is not null && !accepts(i))
            {
                continue;
            }

            var key = (TensorPrimitives.Dot(query, _values.AsSpan(i * _dimensions, _dimensions)), -i);
            if (heap.Count < limit)
            {
                heap.Enqueue(i, key);
            }
            else if (heap.TryPeek(out _, out var worst) && key.CompareTo(worst) > 0)
            {
                heap.DequeueEnqueue(i, key);
            }
        }

        var result = new int[heap.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            result[i] = heap.Dequeue();
        }

        return result;
    }
}
