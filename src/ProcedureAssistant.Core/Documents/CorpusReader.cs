using System.Security.Cryptography;
using ProcedureAssistant.Core.Documents.Catalogue;
using ProcedureAssistant.Core.Documents.LegalLibrary;

namespace ProcedureAssistant.Core.Documents;

/// <summary>
/// Reads every document of the corpus sources, in a stable order (sources as listed, files by path). Each file
/// goes to the reader its layout calls for:
/// <list type="bullet">
/// <item><c>*.md</c> with YAML front matter: the corpus' own Markdown (<see cref="MarkdownDocumentParser"/>);</item>
/// <item><c>*.md</c> opening with a <c>&lt;!-- source: URL --&gt;</c> line: a legal text as a legal library site renders it (<see cref="LegalLibraryPageParser"/>);</item>
/// <item><c>*.json</c>: one procedure record exported from the national database (<see cref="NationalPortalRecordParser"/>);</item>
/// <item><c>*.jsonl</c>: the national procedure catalogue, one record a line, each record a document (<see cref="CatalogueFile"/>).</item>
/// </list>
/// A file no reader takes is listed in <see cref="CorpusLoadResult.Ignored"/> (hidden files, whose names start
/// with a dot, are the only ones passed over). A file or record that fails to parse is reported with its reason
/// and the others are still read. Given the sources an index already holds, a document whose bytes (its file's,
/// or its line's in a <c>.jsonl</c> file) hash to what the index recorded for its path is reported as unchanged.
/// When two sources hold the same document id, the first source listed keeps it and the later one is reported
/// in <see cref="CorpusLoadResult.Shadowed"/>.
/// </summary>
public sealed class CorpusReader(MarkdownDocumentParser markdown)
{
    /// <summary>Reads one folder as the default source. Throws <see cref="DirectoryNotFoundException"/> when it does not exist.</summary>
    public Task<CorpusLoadResult> ReadAsync(string corpusPath, CancellationToken cancellationToken = default) =>
        ReadAsync([CorpusSource.Primary(corpusPath)], [], cancellationToken);

    /// <summary>Reads one folder as the default source, leaving unparsed what <paramref name="indexed"/> holds unchanged.</summary>
    public Task<CorpusLoadResult> ReadAsync(string corpusPath, IReadOnlyCollection<DocumentSource> indexed, CancellationToken cancellationToken = default) =>
        ReadAsync([CorpusSource.Primary(corpusPath)], indexed, cancellationToken);

    /// <summary>
    /// Reads the sources in order, leaving unparsed every file (or catalogue record) whose path and content hash
    /// are among <paramref name="indexed"/>. An unchanged document still claims its id, so duplicates are refused
    /// (within a source) or shadowed (across sources) as in a full read.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">A source's folder or file does not exist.</exception>
    public async Task<CorpusLoadResult> ReadAsync(IReadOnlyList<CorpusSource> sources, IReadOnlyCollection<DocumentSource> indexed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(indexed);
        var known = indexed.GroupBy(s => s.SourcePath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var read = new Reading(known);
        for (var s = 0; s < sources.Count; s++)
        {
            var source = sources[s];
            var prefix = source.PathPrefix;
            var province = ProvinceKey.Of(source.Province);
            foreach (var (fullPath, relative) in Files(source, s == 0))
            {
                var path = prefix + relative;
                if (Ignore(relative) is { } reason)
                {
                    read.Ignored.Add(new IgnoredFile(path, reason));
                    continue;
                }

                var bytes = await File.ReadAllBytesAsync(fullPath, cancellationToken).ConfigureAwait(false);
                if (relative.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
                {
                    if (!CatalogueFile.HoldsRecords(bytes))
                    {
                        read.Ignored.Add(new IgnoredFile(path, "a .jsonl file is read as national catalogue records (objects with 'ma_thu_tuc' and 'ten_thu_tuc'), and its first line is not one"));
                        continue;
                    }

                    var (documents, failures) = CatalogueFile.Read(path, bytes);
                    read.Failures.AddRange(failures);
                    foreach (var document in documents)
                    {
                        read.Add(document, s, province);
                    }

                    continue;
                }

                if (read.Known(path, bytes) is { } unchanged)
                {
                    read.Claim(unchanged.DocumentId, path, s, unchangedSource: unchanged);
                    continue;
                }

                try
                {
                    read.Add(Parse(path, bytes), s, province);
                }
                catch (DocumentParseException ex)
                {
                    read.Failures.Add(ex);
                }
            }
        }

        return new CorpusLoadResult(read.Documents, read.Failures, read.Unchanged) { Ignored = read.Ignored, Shadowed = read.Shadowed };
    }

    private CorpusDocument Parse(string path, byte[] bytes)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return NationalPortalRecordParser.Parse(path, bytes);
        }

        return LegalLibraryPageParser.Recognizes(bytes) ? LegalLibraryPageParser.Parse(path, bytes) : markdown.Parse(path, bytes);
    }

    private static List<(string FullPath, string Relative)> Files(CorpusSource source, bool isDefault)
    {
        if (File.Exists(source.Path))
        {
            return [(source.Path, Path.GetFileName(source.Path))];
        }

        if (!Directory.Exists(source.Path))
        {
            throw new DirectoryNotFoundException(isDefault
                ? $"The corpus folder '{Path.GetFullPath(source.Path)}' does not exist (setting Corpus:Path)."
                : $"The corpus source '{Path.GetFullPath(source.Path)}' does not exist (setting Corpus:Sources).");
        }

        return Directory.EnumerateFiles(source.Path, "*", SearchOption.AllDirectories)
            .Select(path => (FullPath: path, Relative: Path.GetRelativePath(source.Path, path).Replace('\\', '/')))
            .Where(f => !f.Relative.Split('/').Any(part => part.StartsWith('.')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();
    }

    // Why a file is not read, or null when a reader takes it.
    private static string? Ignore(string relative)
    {
        var name = Path.GetFileName(relative);
        var extension = Path.GetExtension(relative).ToLowerInvariant();
        if (string.Equals(name, "README.md", StringComparison.OrdinalIgnoreCase))
        {
            return "a folder's README describes the folder; it is not a document";
        }

        return extension is ".md" or ".json" or ".jsonl"
            ? null
            : $"no reader takes '{(extension.Length == 0 ? name : extension)}' files (readers: .md, .json, .jsonl; the admin API converts .txt, .html, .docx and .pdf uploads into .md)";
    }

    /// <summary>The state of one read: what has been found so far, and which ids are claimed by which source.</summary>
    private sealed class Reading(Dictionary<string, DocumentSource> known)
    {
        private readonly Dictionary<string, (string Path, int Source)> _claims = new(StringComparer.Ordinal);

        public List<CorpusDocument> Documents { get; } = [];

        public List<DocumentParseException> Failures { get; } = [];

        public List<DocumentSource> Unchanged { get; } = [];

        public List<IgnoredFile> Ignored { get; } = [];

        public List<ShadowedDocument> Shadowed { get; } = [];

        /// <summary>What the index holds for a file whose bytes are unchanged, or null.</summary>
        public DocumentSource? Known(string path, byte[] bytes) =>
            known.TryGetValue(path, out var source) && source.ContentHash == Convert.ToHexStringLower(SHA256.HashData(bytes)) ? source : null;

        public void Add(CorpusDocument document, int source, string? province)
        {
            if (known.TryGetValue(document.SourcePath, out var indexed) && indexed.ContentHash == document.ContentHash && indexed.DocumentId == document.Id)
            {
                Claim(document.Id, document.SourcePath, source, unchangedSource: indexed);
                return;
            }

            if (Claim(document.Id, document.SourcePath, source, unchangedSource: null))
            {
                Documents.Add(province is null || document.Province is not null ? document : document with { Province = province });
            }
        }

        /// <summary>Claims an id for a document; false (and reported) when an earlier document holds it.</summary>
        public bool Claim(string id, string path, int source, DocumentSource? unchangedSource)
        {
            if (_claims.TryGetValue(id, out var holder))
            {
                if (holder.Source == source)
                {
                    Failures.Add(new DocumentParseException(path, $"the id '{id}' is already used by {holder.Path}"));
                }
                else
                {
                    Shadowed.Add(new ShadowedDocument(id, path, holder.Path));
                }

                return false;
            }

            _claims[id] = (path, source);
            if (unchangedSource is not null)
            {
                Unchanged.Add(unchangedSource);
            }

            return true;
        }
    }
}
