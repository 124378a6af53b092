namespace ProcedureAssistant.Core.Indexing;

/// <summary>What every backend checks before writing chunks' dense vectors.</summary>
internal static class DenseVectorCheck
{
    /// <summary>With a dense model every chunk has a vector of its size; without one no chunk has a vector.</summary>
    public static void Validate(IEnumerable<IndexedChunk> chunks, DenseModel? dense)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        foreach (var chunk in chunks)
        {
            if (dense is null && chunk.Vector is not null)
            {
                throw new ArgumentException($"Chunk '{chunk.Chunk.Id}' has a dense vector but the index has no dense model.", nameof(chunks));
            }

            if (dense is not null && chunk.Vector?.Length != dense.Dimensions)
            {
                throw new ArgumentException(
                    $"Chunk '{chunk.Chunk.Id}' has {(chunk.Vector is null ? "no dense vector" : $"a vector of {chunk.Vector.Length} dimensions")}; the model '{dense.Name}' has {dense.Dimensions}.",
                    nameof(chunks));
            }
        }
    }
}
