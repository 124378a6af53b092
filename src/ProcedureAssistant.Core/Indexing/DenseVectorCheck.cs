namespace ProcedureAssistant.Core.Indexing;

/// <summary>What every backend checks before writing a snapshot's dense vectors.</summary>
internal static class DenseVectorCheck
{
    /// <summary>With a dense model every chunk has a vector of its size; without one no chunk has a vector.</summary>
    public static void Validate(IndexSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        foreach (var chunk in snapshot.Chunks)
        {
            if (snapshot.Dense is null && chunk.Vector is not null)
            {
                throw new ArgumentException($"Chunk '{chunk.Chunk.Id}' has a dense vector but the snapshot names no dense model.", nameof(snapshot));
            }

            if (snapshot.Dense is { } dense && chunk.Vector?.Length != dense.Dimensions)
            {
                throw new ArgumentException(
                    $"Chunk '{chunk.Chunk.Id}' has {(chunk.Vector is null ? "no dense vector" : $"a vector of {chunk.Vector.Length} dimensions")}; the model '{dense.Name}' has {dense.Dimensions}.",
                    nameof(snapshot));
            }
        }
    }
}
