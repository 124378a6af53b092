namespace ProcedureAssistant.Core.Indexing.Qdrant;

/// <summary>A sparse vector of analysed terms: unique, ascending u32 dimensions and their values, of the same length.</summary>
internal sealed record SparseTermVector(IReadOnlyList<uint> Indices, IReadOnlyList<float> Values);
