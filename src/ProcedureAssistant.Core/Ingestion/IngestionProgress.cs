namespace ProcedureAssistant.Core.Ingestion;

/// <summary>How far an ingestion has got: documents done of the total, and the one just handled.</summary>
public sealed record IngestionProgress(int Done, int Total, string Current);
