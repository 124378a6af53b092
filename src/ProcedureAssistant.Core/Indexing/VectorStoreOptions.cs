using System.ComponentModel.DataAnnotations;

namespace ProcedureAssistant.Core.Indexing;

/// <summary>Which index backs the service and where it keeps its files.</summary>
public sealed class VectorStoreOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "VectorStore";

    /// <summary>The backend: the embedded index (default) or Qdrant (configured in section <c>Qdrant</c>).</summary>
    public VectorStoreProvider Provider { get; set; } = VectorStoreProvider.Embedded;

    /// <summary>
    /// Folder of the embedded index and of the service's own files (the admin audit log), relative to the working
    /// directory unless absolute; used with Qdrant too.
    /// </summary>
    [Required]
    public string DataPath { get; set; } = "data";
}
