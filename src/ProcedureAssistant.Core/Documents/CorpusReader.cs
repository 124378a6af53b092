using System.Security.Cryptography;

namespace ProcedureAssistant.Core.Documents;

/// <summary>
/// Reads every document below a corpus folder, in a stable order: Markdown with front matter (<c>*.md</c>) and
/// procedure records exported from the national database (<c>*.json</c>). A file that fails to parse is reported
/// with its reason and the others are still read. Given the sources an index already holds, a file whose bytes
/// hash to what the index recorded for its path is not parsed again but reported as unchanged.
/// </summary>
public sealed class CorpusReader(MarkdownDocumentParser markdown)
{
    /// <summary>Reads the folder. Throws <see cref="DirectoryNotFoundException"/> when it does not exist.</summary>
    public Task<CorpusLoadResult> ReadAsync(string corpusPath, CancellationToken cancellationToken = default) =>
        ReadAsync(corpusPath, [], cancellationToken);

    /// <summary>
    /// Reads the folder, leaving unparsed every file whose path and content hash are among <paramref name="indexed"/>.
    /// An unchanged file still claims its document id in file order, so duplicates are refused as in a full read.
    /// </summary>
    public async Task<CorpusLoadResult> ReadAsync(string corpusPath, IReadOnlyCollection<DocumentSource> indexed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(indexed);
        if (!Directory.Exists(corpusPath))
        {
            throw new DirectoryNotFoundException($"The corpus folder '{Path.GetFullPath(corpusPath)}' does not exist (setting Corpus:Path).");
        }

        var files = Directory.EnumerateFiles(corpusPath, "*", SearchOption.AllDirectories)
            .Where(IsDocument)
            .Select(path => Path.GetRelativePath(corpusPath, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        var known = indexed.ToDictionary(s => s.SourcePath, StringComparer.Ordinal);
        var documents = new List<CorpusDocument>(files.Count);
        var unchanged = new List<DocumentSource>();
        var failures = new List<DocumentParseException>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var relative in files)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(corpusPath, relative), cancellationToken).ConfigureAwait(false);
            try
            {
                if (known.TryGetValue(relative, out var source) && source.ContentHash == Convert.ToHexStringLower(SHA256.HashData(bytes)))
                {
                    Claim(seen, source.DocumentId, relative);
                    unchanged.Add(source);
                    continue;
                }

                var document = relative.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                    ? NationalPortalRecordParser.Parse(relative, bytes)
                    : markdown.Parse(relative, bytes);
                Claim(seen, document.Id, relative);
                documents.Add(document);
            }
            catch (DocumentParseException ex)
            {
                failures.Add(ex);
            }
        }

        return new CorpusLoadResult(documents, failures, unchanged);
    }

    private static void Claim(Dictionary<string, string> seen, string id, string relative)
    {
        if (!seen.TryAdd(id, relative))
        {
            throw new DocumentParseException(relative, $"the id '{id}' is already used by {seen[id]}");
        }
    }

    private static bool IsDocument(string path)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(path);
        return !string.Equals(name, "README.md", StringComparison.OrdinalIgnoreCase)
            && (string.Equals(extension, ".md", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, ".json", StringComparison.OrdinalIgnoreCase));
    }
}
