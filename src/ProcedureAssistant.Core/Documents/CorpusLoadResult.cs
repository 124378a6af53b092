namespace ProcedureAssistant.Core.Documents;

/// <summary>
/// What reading a corpus folder gave: the documents read, the files that failed with their reasons, and the files
/// left unread because an index already holds them unchanged.
/// </summary>
public sealed record CorpusLoadResult(
    IReadOnlyList<CorpusDocument> Documents,
    IReadOnlyList<DocumentParseException> Failures,
    IReadOnlyList<DocumentSource> Unchanged);
