using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using PageSize = UglyToad.PdfPig.Content.PageSize;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace ProcedureAssistant.Core.Tests.Fakes;

/// <summary>Real files of each upload format, built in memory.</summary>
internal static class UploadFiles
{
    /// <summary>A Word document with one paragraph per argument; '|' splits a paragraph into runs.</summary>
    public static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(paragraph =>
                new Paragraph(paragraph.Split('|').Select(run => new Run(new WordText(run) { Space = SpaceProcessingModeValues.Preserve }))))));
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A one-page PDF with one text line per argument, in Helvetica. A standard-14 font only encodes WinAnsi,
    /// which lacks most Vietnamese letters (Đ, ư, ơ, ạ, ...), so PDF tests use text written without diacritics.
    /// </summary>
    public static byte[] Pdf(params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        var y = 780.0;
        foreach (var line in lines)
        {
            page.AddText(line, 11, new PdfPoint(60, y), font);
            y -= 18;
        }

        return builder.Build();
    }

    /// <summary>A ZIP archive holding one text entry.</summary>
    public static byte[] Zip(string entryName, string text)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry(entryName).Open();
            entry.Write(Encoding.UTF8.GetBytes(text));
        }

        return stream.ToArray();
    }
}
