namespace ProcedureAssistant.Core.Indexing;

/// <summary>A question's unit-length dense vector and the model (<see cref="DenseModel.Name"/>) that made it.</summary>
public sealed record DenseQuery(string Model, float[] Vector);
