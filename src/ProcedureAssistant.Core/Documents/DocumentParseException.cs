namespace ProcedureAssistant.Core.Documents;

/// <summary>A corpus file could not be read as a document; the message says why in terms an editor can act on.</summary>
public sealed class DocumentParseException : Exception
{
    /// <summary>Creates the exception for a file and a reason.</summary>
    public DocumentParseException(string sourcePath, string reason, Exception? inner = null)
        : base($"{sourcePath}: {reason}", inner)
    {
        SourcePath = sourcePath;
        Reason = reason;
    }

    /// <summary>The file, relative to the corpus folder.</summary>
    public string SourcePath { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }

    /// <summary>
    /// For an upload, the part of it at fault: <c>id</c>, <c>type</c> or <c>title</c> for its metadata; null when
    /// it is the file itself (and always for a corpus file), so that an API can name the field in its answer.
    /// </summary>
    public string? Field { get; init; }

    /// <summary>
    /// For an upload, whether the file's type is what is refused: its extension is not accepted or its content is
    /// not what the extension says. Other reasons are about a file of an accepted type.
    /// </summary>
    public bool IsUnsupportedType { get; init; }
}
