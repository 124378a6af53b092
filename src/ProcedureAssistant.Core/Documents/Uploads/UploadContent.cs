using System.IO.Compression;
using System.Text;

namespace ProcedureAssistant.Core.Documents.Uploads;

/// <summary>What an upload's bytes really are, whatever its extension says.</summary>
internal static class UploadContent
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether the bytes start like a PDF (<c>%PDF-</c>).</summary>
    public static bool IsPdf(ReadOnlySpan<byte> content) => content.StartsWith("%PDF-"u8);

    /// <summary>Whether the bytes start like a ZIP archive (a DOCX is one).</summary>
    public static bool IsZip(ReadOnlySpan<byte> content) => content.StartsWith("PK\x03\x04"u8);

    /// <summary>Whether the bytes are a ZIP archive holding a Word main document part.</summary>
    public static bool IsWordPackage(byte[] content)
    {
        if (!IsZip(content))
        {
            return false;
        }

        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return archive.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false; // a truncated or corrupt archive
        }
    }

    /// <summary>What the bytes look like, for a message that explains a mismatch ("a PDF file").</summary>
    public static string Describe(byte[] content)
    {
        if (IsPdf(content))
        {
            return "a PDF file";
        }

        if (IsZip(content))
        {
            return IsWordPackage(content) ? "a Word (.docx) document" : "a ZIP archive that is not a Word document";
        }

        if (content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return "a legacy Office file (.doc or .xls); save it as .docx";
        }

        if (IsBinary(content))
        {
            return "binary data";
        }

        var head = Encoding.UTF8.GetString(content.AsSpan(0, Math.Min(content.Length, 512))).TrimStart('\uFEFF').TrimStart();
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return "an HTML page";
        }

        if (head.StartsWith('{') || head.StartsWith('['))
        {
            return "JSON";
        }

        return head.StartsWith("---", StringComparison.Ordinal) ? "Markdown with front matter" : "plain text";
    }

    /// <summary>Binary formats hold NUL bytes; text in UTF-8 never does.</summary>
    public static bool IsBinary(ReadOnlySpan<byte> content) => content.Contains((byte)0);

    /// <summary>Decodes strict UTF-8 (a BOM is dropped); null when the bytes are not valid UTF-8.</summary>
    public static string? DecodeUtf8(byte[] content)
    {
        try
        {
            return StrictUtf8.GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
