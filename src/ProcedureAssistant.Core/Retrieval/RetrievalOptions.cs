using System.ComponentModel.DataAnnotations;

namespace ProcedureAssistant.Core.Retrieval;

/// <summary>How many chunks are retrieved and how they are scored.</summary>
public sealed class RetrievalOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Retrieval";

    /// <summary>Chunks used to answer a question when the request does not say.</summary>
    [Range(1, 20)]
    public int TopK { get; set; } = 5;

    /// <summary>BM25 term-frequency saturation.</summary>
    [Range(0.0, 10.0)]
    public double Bm25K1 { get; set; } = 1.2;

    /// <summary>BM25 length normalisation.</summary>
    [Range(0.0, 1.0)]
    public double Bm25B { get; set; } = 0.75;
}
