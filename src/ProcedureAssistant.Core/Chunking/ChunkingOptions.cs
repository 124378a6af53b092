using System.ComponentModel.DataAnnotations;

namespace ProcedureAssistant.Core.Chunking;

/// <summary>How long texts are cut.</summary>
public sealed class ChunkingOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Chunking";

    /// <summary>An article longer than this (characters) is split at its clauses.</summary>
    [Range(200, 20000)]
    public int MaxChunkCharacters { get; set; } = 1800;
}
