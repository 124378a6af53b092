namespace ProcedureAssistant.Core.Documents;

/// <summary>
/// What reading the corpus sources gave: the documents read, the files (or records) that failed with their
/// reasons, and the documents left unread because an index already holds them unchanged.
/// </summary>
public sealed record CorpusLoadResult(
    IReadOnlyList<CorpusDocument> Documents,
    IReadOnlyList<DocumentParseException> Failures,
    IReadOnlyList<DocumentSource> Unchanged)
{
    /// <summary>Files no reader takes, with the reason.</summary>
    public IReadOnlyList<IgnoredFile> Ignored { get; init; } = [];

    /// <summary>Documents left out because an earlier source holds the same id.</summary>
    public IReadOnlyList<ShadowedDocument> Shadowed { get; init; } = [];
}
