using System.ComponentModel.DataAnnotations;

namespace ProcedureAssistant.Core.Indexing;

/// <summary>Which index backs the service and where it keeps its files.</summary>
public sealed class VectorStoreOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "VectorStore";

    /// <summary>The backend. Only <see cref="VectorStoreProvider.Embedded"/> exists so far.</summary>
    public VectorStoreProvider Provider { get; set; } = VectorStoreProvider.Embedded;

    /// <summary>Folder of the embedded index, relative to the working directory unless absolute.</summary>
    [Required]
    public string DataPath { get; set; } = "data";
}
