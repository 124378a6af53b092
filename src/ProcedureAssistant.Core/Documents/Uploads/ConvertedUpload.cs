namespace ProcedureAssistant.Core.Documents.Uploads;

/// <summary>What an upload becomes: the file to store in the corpus folder and the document it parses to.</summary>
/// <param name="FileName">
/// A bare file name derived from the document id (<c>{id}.md</c> or <c>{id}.json</c>), safe to combine with a
/// corpus folder; the corpus groups files by type in <c>regulations/</c>, <c>procedures/</c> and <c>guides/</c>.
/// </param>
/// <param name="Content">The bytes to write: the upload as is for Markdown and JSON, else the generated Markdown.</param>
/// <param name="Document">The document the stored file parses to (its id tells the caller what was added or replaced).</param>
public sealed record ConvertedUpload(string FileName, byte[] Content, CorpusDocument Document);
