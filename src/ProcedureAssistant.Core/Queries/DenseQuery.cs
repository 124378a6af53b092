namespace ProcedureAssistant.Core.Queries;

/// <summary>A question's unit-length dense vector and the model (the dense model's name) that made it.</summary>
public sealed record DenseQuery(string Model, float[] Vector);
