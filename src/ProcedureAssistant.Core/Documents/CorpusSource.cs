namespace ProcedureAssistant.Core.Documents;

/// <summary>
/// One place documents are read from: a folder (every file below it) or a single file, with the province its
/// documents belong to. Bound from <c>Corpus:Sources</c>; <c>Corpus:Path</c> is the first, default source.
/// </summary>
public sealed class CorpusSource
{
    /// <summary>The folder or file, relative to the working directory unless absolute.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>
    /// The province the source's documents belong to ("Đắk Lắk" or <c>dak-lak</c>), for documents that do not say
    /// it themselves; null for national texts.
    /// </summary>
    public string? Province { get; set; }

    /// <summary>
    /// The name the source's documents are filed under in the index (their source path is <c>{Name}/{file}</c>);
    /// by default the folder's or file's own name. The default source (<c>Corpus:Path</c>) has none: its paths
    /// are relative to it, as the admin API writes them.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>The default source: the corpus folder itself, its paths unprefixed.</summary>
    public static CorpusSource Primary(string path) => new() { Path = path, Name = string.Empty };

    /// <summary>The prefix of this source's paths: empty for the default source, otherwise its name and a slash.</summary>
    public string PathPrefix
    {
        get
        {
            var name = Name ?? System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(Path)));
            return name.Length == 0 ? string.Empty : name + "/";
        }
    }
}
