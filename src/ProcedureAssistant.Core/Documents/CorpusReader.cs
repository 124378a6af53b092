namespace ProcedureAssistant.Core.Documents;

/// <summary>
/// Reads every document below a corpus folder, in a stable order: Markdown with front matter (<c>*.md</c>) and
/// procedure records exported from the national database (<c>*.json</c>). A file that fails to parse is reported
/// with its reason and the others are still read.
/// </summary>
public sealed class CorpusReader(MarkdownDocumentParser markdown)
{
    /// <summary>Reads the folder. Throws <see cref="DirectoryNotFoundException"/> when it does not exist.</summary>
    public async Task<CorpusLoadResult> ReadAsync(string corpusPath, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(corpusPath))
        {
            throw new DirectoryNotFoundException($"The corpus folder '{Path.GetFullPath(corpusPath)}' does not exist (setting Corpus:Path).");
        }

        var files = Directory.EnumerateFiles(corpusPath, "*", SearchOption.AllDirectories)
            .Where(IsDocument)
            .Select(path => Path.GetRelativePath(corpusPath, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        var documents = new List<CorpusDocument>(files.Count);
        var failures = new List<DocumentParseException>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var relative in files)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(corpusPath, relative), cancellationToken).ConfigureAwait(false);
            try
            {
                var document = relative.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                    ? NationalPortalRecordParser.Parse(relative, bytes)
                    : markdown.Parse(relative, bytes);
                if (seen.TryGetValue(document.Id, out var first))
                {
                    throw new DocumentParseException(relative, $"the id '{document.Id}' is already used by {first}");
                }

                seen.Add(document.Id, relative);
                documents.Add(document);
            }
            catch (DocumentParseException ex)
            {
                failures.Add(ex);
            }
        }

        return new CorpusLoadResult(documents, failures);
    }

    private static bool IsDocument(string path)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(path);
        return !string.Equals(name, "README.md", StringComparison.OrdinalIgnoreCase)
            && (string.Equals(extension, ".md", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, ".json", StringComparison.OrdinalIgnoreCase));
    }
}
