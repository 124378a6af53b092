using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ProcedureAssistant.Core.Documents.Catalogue;

/// <summary>
/// A <c>.jsonl</c> file of national catalogue records, one JSON object a line, read as it is: one document per
/// record, each named <c>{file}#{code}</c> and hashed on its own line, so that an incremental ingestion re-reads
/// only the records whose line changed. A line that cannot be read is reported with its reason (named
/// <c>{file}#{code}</c>, or <c>{file}:{line}</c> when it has no code) and the others still go in.
/// </summary>
/// <remarks>
/// A detail page belongs to one procedure. When several records with different codes carry the same detail page
/// (<c>detail_url</c>), the crawl stored that page under codes it does not describe, and which code (if any) it
/// belongs to cannot be told from the record: all of them are refused, with the codes they share the page with.
/// </remarks>
internal static class CatalogueFile
{
    /// <summary>Reads every record of the file.</summary>
    /// <param name="relativePath">The file's path in its corpus source, which names its records.</param>
    /// <param name="content">The file's bytes.</param>
    public static (List<CorpusDocument> Documents, List<DocumentParseException> Failures) Read(string relativePath, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var records = new List<(int Line, JsonDocument Json, string Hash)>();
        var failures = new List<DocumentParseException>();
        var lineNumber = 0;
        var start = 0;
        var bytes = content.AsSpan();
        if (bytes.StartsWith("\uFEFF"u8))
        {
            start = 3;
        }

        while (start < bytes.Length)
        {
            lineNumber++;
            var newline = bytes[start..].IndexOf((byte)'\n');
            var line = newline < 0 ? bytes[start..] : bytes.Slice(start, newline);
            start = newline < 0 ? bytes.Length : start + newline + 1;
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            try
            {
                records.Add((lineNumber, JsonDocument.Parse(line.ToArray()), Convert.ToHexStringLower(SHA256.HashData(line))));
            }
            catch (JsonException ex)
            {
                failures.Add(new DocumentParseException($"{relativePath}:{lineNumber}", $"line {lineNumber} is not a JSON record: {ex.Message}", ex));
            }
        }

        try
        {
            var sharedPages = records
                .Select(r => (Page: CatalogueRecordParser.DetailPage(r.Json.RootElement), Code: Code(r.Json)))
                .Where(r => r.Page is not null && r.Code is not null)
                .GroupBy(r => r.Page!, StringComparer.Ordinal)
                .Select(g => g.Select(r => r.Code!).Distinct(StringComparer.Ordinal).ToList())
                .Where(codes => codes.Count > 1)
                .SelectMany(codes => codes.Select(code => (Code: code, Others: codes.Where(c => c != code).ToList())))
                .ToDictionary(r => r.Code, r => r.Others, StringComparer.Ordinal);

            var documents = new List<CorpusDocument>(records.Count);
            foreach (var (line, json, hash) in records)
            {
                var code = Code(json);
                var name = code is null ? $"{relativePath}:{line}" : $"{relativePath}#{code}";
                if (code is not null && sharedPages.TryGetValue(code, out var others))
                {
                    failures.Add(new DocumentParseException(name, $"its detail page is also the page of {others.Count} other record(s) ({string.Join(", ", others.Take(5))}{(others.Count > 5 ? ", …" : string.Empty)}): a page describes one procedure, so this record's content cannot be trusted to be procedure {code}'s"));
                    continue;
                }

                try
                {
                    documents.Add(CatalogueRecordParser.Parse(json.RootElement, name, hash));
                }
                catch (DocumentParseException ex)
                {
                    failures.Add(ex);
                }
            }

            return (documents, failures);
        }
        finally
        {
            foreach (var record in records)
            {
                record.Json.Dispose();
            }
        }
    }

    /// <summary>Whether a <c>.jsonl</c> file holds catalogue records: its first record carries a procedure code and name.</summary>
    public static bool HoldsRecords(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var first = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 1 << 20)).TrimStart('\uFEFF').Split('\n').FirstOrDefault(l => l.Trim().Length > 0);
        if (first is null)
        {
            return true; // an empty file is an empty catalogue
        }

        try
        {
            using var json = JsonDocument.Parse(first);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("ma_thu_tuc", out _)
                && json.RootElement.TryGetProperty("ten_thu_tuc", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Code(JsonDocument json) =>
        json.RootElement.ValueKind == JsonValueKind.Object ? CatalogueRecordParser.CodeOf(json.RootElement) : null;
}
