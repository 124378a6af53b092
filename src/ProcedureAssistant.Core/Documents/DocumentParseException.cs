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
}
