namespace ProcedureAssistant.Core.Documents;

/// <summary>
/// A document left out because an earlier corpus source holds a document with the same id (the same procedure
/// code): the first source listed wins, and the later one is reported here.
/// </summary>
/// <param name="DocumentId">The id both hold (<c>tthc-1.001193</c>).</param>
/// <param name="SourcePath">Where the left-out document was read from.</param>
/// <param name="KeptFrom">Where the document that was kept was read from.</param>
public sealed record ShadowedDocument(string DocumentId, string SourcePath, string KeptFrom);
