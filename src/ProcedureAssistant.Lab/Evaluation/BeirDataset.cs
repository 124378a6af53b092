using System.Text.Json.Serialization;
using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Lab.Evaluation;

/// <summary>
/// A retrieval benchmark in the BEIR layout: <c>corpus.jsonl</c> (<c>_id</c>, <c>title</c>, <c>text</c>),
/// <c>queries.jsonl</c> (<c>_id</c>, <c>text</c>) and <c>qrels.tsv</c> (header, then query-id, corpus-id, score).
/// </summary>
public sealed record BeirDataset(
    string Name,
    IReadOnlyList<BeirDocument> Corpus,
    IReadOnlyList<BeirQuery> Queries,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Relevant)
{
    /// <summary>Reads a dataset folder; <paramref name="queriesFile"/> and <paramref name="qrelsFile"/> replace its files.</summary>
    public static async Task<BeirDataset> LoadAsync(string folder, string? queriesFile = null, string? qrelsFile = null, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The dataset folder '{folder}' does not exist.");
        }

        var corpus = await ReadJsonLinesAsync<BeirDocument>(Path.Combine(folder, "corpus.jsonl"), cancellationToken).ConfigureAwait(false);
        var queries = await ReadJsonLinesAsync<BeirQuery>(queriesFile ?? Path.Combine(folder, "queries.jsonl"), cancellationToken).ConfigureAwait(false);
        var relevant = await ReadQrelsAsync(qrelsFile ?? Path.Combine(folder, "qrels.tsv"), cancellationToken).ConfigureAwait(false);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        return new BeirDataset(name, corpus, queries, relevant);
    }

    /// <summary>Reads a file of queries in the BEIR layout (<c>_id</c>, <c>text</c>), such as a set's unanswerable questions.</summary>
    public static async Task<IReadOnlyList<BeirQuery>> LoadQueriesAsync(string path, CancellationToken cancellationToken = default) =>
        await ReadJsonLinesAsync<BeirQuery>(path, cancellationToken).ConfigureAwait(false);

    private static Task<List<T>> ReadJsonLinesAsync<T>(string path, CancellationToken cancellationToken) =>
        JsonLines.ReadAsync<T>(path, "record", cancellationToken);

    private static async Task<Dictionary<string, IReadOnlySet<string>>> ReadQrelsAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The qrels file '{path}' does not exist.", path);
        }

        var pairs = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in (await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false)).Skip(1))
        {
            var parts = line.Split('\t');
            if (parts.Length < 2 || (parts.Length >= 3 && parts[2].Trim() == "0"))
            {
                continue;
            }

            if (!pairs.TryGetValue(parts[0], out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                pairs.Add(parts[0], set);
            }

            set.Add(parts[1]);
        }

        return pairs.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal);
    }
}

/// <summary>One corpus entry of a BEIR dataset.</summary>
public sealed record BeirDocument(
    [property: JsonPropertyName("_id")] string Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("text")] string Text)
{
    /// <summary>The law the article belongs to, when the set says (<c>law_id</c>).</summary>
    [JsonPropertyName("law_id")]
    public string? LawId { get; init; }

    /// <summary>The record's official page, when the set gives one (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The law: <c>law_id</c>, else the part of <c>_id</c> before '|' ("91/2015/QH13|6"), else null.</summary>
    [JsonIgnore]
    public string? Law => LawId ?? (Id.Contains('|', StringComparison.Ordinal) ? Id[..Id.IndexOf('|', StringComparison.Ordinal)] : null);

    /// <summary>
    /// The article as an index document (a regulation numbered by its law), so that an index of the set holds its
    /// text for the vocabulary diacritic restoration reads (<see cref="Core.Retrieval.IndexVocabulary"/>), as it holds the service's documents.
    /// </summary>
    public CorpusDocument ToCorpusDocument() => new()
    {
        Id = Id,
        Type = DocumentType.Regulation,
        Title = string.IsNullOrWhiteSpace(Title) ? Id : Title,
        Number = Law,
        Body = Text,
        SourcePath = Id,
        ContentHash = string.Empty,
    };
}

/// <summary>One query of a BEIR dataset.</summary>
public sealed record BeirQuery(
    [property: JsonPropertyName("_id")] string Id,
    [property: JsonPropertyName("text")] string Text);
