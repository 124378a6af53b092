namespace ProcedureAssistant.Core.Indexing;

/// <summary>The index backends.</summary>
public enum VectorStoreProvider
{
    /// <summary>Files in a data folder, searched in process; no server.</summary>
    Embedded,
}
