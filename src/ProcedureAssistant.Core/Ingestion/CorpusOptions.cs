using System.ComponentModel.DataAnnotations;

namespace ProcedureAssistant.Core.Ingestion;

/// <summary>Where the corpus is and whether the service builds its index from it when none exists.</summary>
public sealed class CorpusOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Corpus";

    /// <summary>Folder of Markdown documents, relative to the working directory unless absolute.</summary>
    [Required]
    public string Path { get; set; } = "corpus";

    /// <summary>Ingest the corpus at start-up when there is no usable index.</summary>
    public bool IngestOnStart { get; set; } = true;
}
