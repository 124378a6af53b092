namespace ProcedureAssistant.Core.Indexing;

/// <summary>The index backends.</summary>
public enum VectorStoreProvider
{
    /// <summary>Files in a data folder, searched in process; no server.</summary>
    Embedded,

    /// <summary>A Qdrant server reached through its REST API (section <c>Qdrant</c>).</summary>
    Qdrant,
}
