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

    /// <summary>
    /// The province this deployment serves by default (<c>Corpus__Province</c>), as a name or a key ("Đắk Lắk",
    /// <c>dak-lak</c>; see <see cref="Documents.ProvinceKey"/>). A question that names no province is answered from
    /// this province's texts and the national ones; one index may hold several provinces, and a question (or search)
    /// may name another of them.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Corpus:Province is required (a province name or key, e.g. dak-lak).")]
    public string Province { get; set; } = "dak-lak";
}
