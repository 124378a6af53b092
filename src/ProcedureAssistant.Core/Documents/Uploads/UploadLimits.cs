using System.ComponentModel.DataAnnotations;

namespace ProcedureAssistant.Core.Documents.Uploads;

/// <summary>
/// How much work converting one upload may take, so that a small file that expands (a ZIP bomb renamed .docx, HTML
/// nested 300,000 deep, a 1 GiB text node) is refused before it costs the machine. The Word package is checked
/// before it is opened; the extraction stops at the first limit it passes. Section <c>Uploads</c>, e.g.
/// <c>Uploads__MaxExtractedCharacters=4000000</c>. The file's own size is <c>Admin:MaxUploadBytes</c>.
/// </summary>
public sealed class UploadLimits
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Uploads";

    /// <summary>Largest total size of a Word package's parts once decompressed, in bytes (each part is also read no further).</summary>
    [Range(1024, 4L * 1024 * 1024 * 1024)]
    public long MaxUncompressedBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Largest ratio of a part's decompressed to compressed size, for parts over 1 MiB (text in a Word file compresses about 10:1).</summary>
    [Range(2, 10_000)]
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>Most parts in a Word package.</summary>
    [Range(1, 100_000)]
    public int MaxEntries { get; set; } = 2_000;

    /// <summary>Most characters of text an upload may hold (a long law holds well under a million).</summary>
    [Range(1_000, 100_000_000)]
    public int MaxExtractedCharacters { get; set; } = 2_000_000;

    /// <summary>Deepest nesting of HTML elements or of the Word document's XML.</summary>
    [Range(16, 100_000)]
    public int MaxNestingDepth { get; set; } = 500;

    /// <summary>Most chunks the converted document may be cut into.</summary>
    [Range(1, 1_000_000)]
    public int MaxChunks { get; set; } = 2_000;

    /// <summary>Longest a conversion may run, in seconds; it also stops when the client hangs up.</summary>
    [Range(1, 3_600)]
    public int ConversionSeconds { get; set; } = 30;

    /// <summary>The setting that names a limit, as a refusal cites it (<c>Uploads:MaxChunks</c>).</summary>
    public static string SettingName(string property) => $"{SectionName}:{property}";
}
