namespace ProcedureAssistant.Core.Documents;

/// <summary>A file below a corpus source that no reader takes, and why; reported, never skipped silently.</summary>
/// <param name="SourcePath">The file, as its documents would be named (<c>{source}/{file}</c>).</param>
/// <param name="Reason">Why it was not read.</param>
public sealed record IgnoredFile(string SourcePath, string Reason);
