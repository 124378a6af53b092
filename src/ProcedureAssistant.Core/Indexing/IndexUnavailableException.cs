namespace ProcedureAssistant.Core.Indexing;

/// <summary>The index cannot answer yet (still being built or loaded) or could not be reached.</summary>
public sealed class IndexUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
