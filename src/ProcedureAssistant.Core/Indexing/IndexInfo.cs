namespace ProcedureAssistant.Core.Indexing;

/// <summary>What the live index holds.</summary>
/// <param name="Version">Build number of the live index.</param>
/// <param name="AnalyzerVersion">The text analyser that produced its terms.</param>
/// <param name="DocumentCount">Documents indexed.</param>
/// <param name="ChunkCount">Chunks indexed.</param>
/// <param name="BuiltAt">When it was built.</param>
/// <param name="ContentHash">SHA-256 of its content: the same corpus gives the same hash.</param>
/// <param name="DenseModel">The <see cref="Indexing.DenseModel.Name"/> of its dense vectors, or null when it has none.</param>
/// <param name="DenseDimensions">Size of its dense vectors (0 when it has none).</param>
public sealed record IndexInfo(long Version, string AnalyzerVersion, int DocumentCount, int ChunkCount, DateTimeOffset BuiltAt, string ContentHash, string? DenseModel = null, int DenseDimensions = 0);
