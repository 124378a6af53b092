namespace ProcedureAssistant.Core.Documents;

/// <summary>What reading a corpus folder gave: the documents, and the files that failed with their reasons.</summary>
public sealed record CorpusLoadResult(IReadOnlyList<CorpusDocument> Documents, IReadOnlyList<DocumentParseException> Failures);
