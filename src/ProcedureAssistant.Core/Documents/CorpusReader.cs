namespace ProcedureAssistant.Core.Documents;

/// <summary>
/// Reads every Markdown document below a corpus folder, in a stable order. A file that fails to parse is
/// reported with its reason and the others are still read.
/// </summary>
public sealed class CorpusReader(MarkdownDocumentParser parser)
{
    /// <summary>Reads the folder. Throws <see cref="DirectoryNotFoundException"/> when it does not exist.</summary>
    public async Task<CorpusLoadResult> ReadAsync(string corpusPath, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(corpusPath))
        {
            throw new DirectoryNotFoundException($"The corpus folder '{Path.GetFullPath(corpusPath)}' does not exist (setting Corpus:Path).");
        }

        var files = Directory.EnumerateFiles(corpusPath, "*.md", SearchOption.AllDirectories)
            .Where(path => !string.Equals(Path.GetFileName(path), "README.md", StringComparison.OrdinalIgnoreCase))
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
                var document = parser.Parse(relative, bytes);
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
}
