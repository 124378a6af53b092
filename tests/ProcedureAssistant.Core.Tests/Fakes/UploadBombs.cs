using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ProcedureAssistant.Core.Tests.Fakes;

/// <summary>
/// Hostile uploads built in memory: Word documents whose text inflates far beyond the file's size, one whose ZIP
/// directory lies about that size, and HTML nested deeper than any page a person writes.
/// </summary>
internal static class UploadBombs
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>A valid .docx whose one paragraph holds <paramref name="expandedCharacters"/> letters.</summary>
    public static byte[] Docx(long expandedCharacters) => Build(expandedCharacters, declaredSize: null);

    /// <summary>Like <see cref="Docx"/>, but the ZIP headers say the main part holds 100 bytes.</summary>
    public static byte[] DocxDeclaringSmallerSize(long expandedCharacters) => Build(expandedCharacters, declaredSize: 100);

    /// <summary>An HTML page with <paramref name="depth"/> nested elements around one line of text.</summary>
    public static byte[] NestedHtml(int depth, string element = "div") => Encoding.UTF8.GetBytes(
        "<html><body>" + string.Concat(Enumerable.Repeat($"<{element}>", depth)) + "Điều 1. Nội dung" + string.Concat(Enumerable.Repeat($"</{element}>", depth)) + "</body></html>");

    private static byte[] Build(long expandedCharacters, uint? declaredSize)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(archive, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Write(archive, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            using var main = archive.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            main.Write(Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{WordNamespace}\"><w:body><w:p><w:r><w:t>Điều 1. "));
            var block = Encoding.ASCII.GetBytes(new string('a', 1 << 16));
            for (var left = expandedCharacters; left > 0; left -= block.Length)
            {
                main.Write(block, 0, (int)Math.Min(left, block.Length));
            }

            main.Write(Encoding.UTF8.GetBytes("</w:t></w:r></w:p></w:body></w:document>"));
        }

        var bytes = stream.ToArray();
        if (declaredSize is { } size)
        {
            Declare(bytes, "word/document.xml", size);
        }

        return bytes;
    }

    private static void Write(ZipArchive archive, string name, string text)
    {
        using var entry = archive.CreateEntry(name).Open();
        entry.Write(Encoding.UTF8.GetBytes(text));
    }

    // Rewrites the uncompressed size of one entry in its local header and in the central directory.
    private static void Declare(byte[] zip, string entryName, uint size)
    {
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (signature == 0x04034b50 && zip.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 22), size);
            }
            else if (signature == 0x02014b50 && zip.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), size);
            }
        }
    }
}
