using System.ComponentModel.DataAnnotations;
using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Core.Ingestion;

/// <summary>Where the corpus is and whether the service builds its index from it when none exists.</summary>
public sealed class CorpusOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Corpus";

    /// <summary>
    /// The default source: the folder of the service's own Markdown documents, relative to the working directory
    /// unless absolute. The admin API writes uploads here.
    /// </summary>
    [Required]
    public string Path { get; set; } = "corpus";

    /// <summary>
    /// Further sources read after <see cref="Path"/>, in order, into the same index (<c>Corpus:Sources:0:Path</c>,
    /// <c>Corpus:Sources:0:Province</c>, <c>Corpus:Sources:0:Name</c>): the national catalogue, a province's
    /// folder. When two sources hold the same document id, the first one listed (<see cref="Path"/> first) keeps it.
    /// </summary>
    public List<CorpusSource> Sources { get; set; } = [];

    /// <summary>Ingest the corpus at start-up when there is no usable index.</summary>
    public bool IngestOnStart { get; set; } = true;

    /// <summary>Every source in reading order: <see cref="Path"/>, then <see cref="Sources"/>.</summary>
    public IReadOnlyList<CorpusSource> AllSources() => [CorpusSource.Primary(Path), .. Sources];
    /// <summary>
    /// The province this deployment serves by default (<c>Corpus__Province</c>), as a name or a key ("Đắk Lắk",
    /// <c>dak-lak</c>; see <see cref="Documents.ProvinceKey"/>). A question that names no province is answered from
    /// this province's texts and the national ones; one index may hold several provinces, and a question (or search)
    /// may name another of them.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Corpus:Province is required (a province name or key, e.g. dak-lak).")]
    public string Province { get; set; } = "dak-lak";
}
