namespace ProcedureAssistant.Core.Documents;

/// <summary>The file a document was read from and the SHA-256 of that file's bytes, as an index recorded it.</summary>
/// <param name="DocumentId">The document's id.</param>
/// <param name="SourcePath">The file, relative to the corpus folder.</param>
/// <param name="ContentHash">
/// <see cref="CorpusDocument.ContentHash"/> when it was indexed; a value that matches no file (such as the empty
/// string) when the index knows the document must be read again.
/// </param>
public sealed record DocumentSource(string DocumentId, string SourcePath, string ContentHash);
