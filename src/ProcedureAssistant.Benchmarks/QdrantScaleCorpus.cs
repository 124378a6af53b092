using System.Text;
using System.Text.RegularExpressions;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Lab.Evaluation;

namespace ProcedureAssistant.Benchmarks;

/// <summary>
/// A corpus of any size made of real Vietnamese legal text, for measuring an index at scale (ingest rate, query
/// latency, memory) on text with the vocabulary, lengths and term statistics of the real thing.
/// </summary>
/// <remarks>
/// <para>
/// The base is the articles of the BEIR corpora in <c>../shared/benchmarks</c> (alqac2025, drill-subset, alqac2022 and
/// tthc-national: 10,739 articles, each one chunk as the evaluation indexes them). Round 0 is the base as it is; every
/// later round is a copy of it in which each article gets a new id (<c>{id}~{round}</c>, the law part of an ALQAC id
/// kept) and its sentences in another order, shuffled with a seed made of the round and the id. A copy therefore has
/// exactly its original's syllables and length (so BM25's mean length and every single-syllable document frequency
/// grow in proportion), but other syllable pairs where sentences meet and other neighbours in a ranking: not a
/// duplicate an index or a cache could fold away.
/// </para>
/// <para>
/// It is deterministic (the same base and count give the same texts, in the same order, on every run and machine)
/// and streamed: the base is held once (about 20 MB) and copies are made as they are read, so a million articles
/// cost no more memory than one. Each round can be given to a province (<see cref="Documents"/>,
/// <c>provinces</c>), so that the corpus also stands for several provinces in one index. Questions for it: the
/// judged questions of the same sets (<see cref="LoadQuestionsAsync"/>), whose answers are in round 0.
/// </para>
/// </remarks>
public sealed partial class QdrantScaleCorpus
{
    /// <summary>The BEIR sets the base is made of, in this order.</summary>
    public static readonly IReadOnlyList<string> Sets = ["alqac2025", "drill-subset", "alqac2022", "tthc-national"];

    private QdrantScaleCorpus(IReadOnlyList<BeirDocument> articles) => Base = articles;

    /// <summary>The articles of round 0, in set order.</summary>
    public IReadOnlyList<BeirDocument> Base { get; }

    /// <summary>The <c>../shared/benchmarks</c> folder beside the repository (or <c>BENCHMARKS_DIR</c>).</summary>
    public static string DefaultFolder => Environment.GetEnvironmentVariable("BENCHMARKS_DIR") ?? Path.Combine(RepositoryRoot(), "..", "shared", "benchmarks");

    /// <summary>Reads the base from the BEIR folders of <see cref="Sets"/> under <paramref name="benchmarksFolder"/>.</summary>
    public static async Task<QdrantScaleCorpus> LoadAsync(string? benchmarksFolder = null, CancellationToken cancellationToken = default)
    {
        var folder = benchmarksFolder ?? DefaultFolder;
        var articles = new List<BeirDocument>();
        foreach (var set in Sets)
        {
            articles.AddRange((await BeirDataset.LoadAsync(Path.Combine(folder, set), cancellationToken: cancellationToken).ConfigureAwait(false)).Corpus);
        }

        return new QdrantScaleCorpus(articles);
    }

    /// <summary>The judged questions of the base's sets, as typed.</summary>
    public static async Task<IReadOnlyList<string>> LoadQuestionsAsync(string? benchmarksFolder = null, CancellationToken cancellationToken = default)
    {
        var folder = benchmarksFolder ?? DefaultFolder;
        var questions = new List<string>();
        foreach (var set in Sets)
        {
            var dataset = await BeirDataset.LoadAsync(Path.Combine(folder, set), cancellationToken: cancellationToken).ConfigureAwait(false);
            questions.AddRange(dataset.Queries.Where(q => dataset.Relevant.ContainsKey(q.Id)).Select(q => q.Text));
        }

        return questions;
    }

    /// <summary>
    /// The first <paramref name="count"/> articles of the corpus: round 0, then round 1, and so on. With
    /// <paramref name="provinces"/>, round r belongs to <c>provinces[r % provinces.Count]</c> (null: a national round).
    /// </summary>
    public IEnumerable<ScaleDocument> Documents(long count, IReadOnlyList<string?>? provinces = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (long made = 0; made < count;)
        {
            var round = (int)(made / Base.Count);
            var province = provinces is { Count: > 0 } ? provinces[round % provinces.Count] : null;
            var article = Base[(int)(made % Base.Count)];
            yield return new ScaleDocument(round == 0 ? article : Copy(article, round), round, province);
            made++;
        }
    }

    /// <summary>The copy of an article in a round: a new id, and its sentences in an order of that round's own.</summary>
    public static BeirDocument Copy(BeirDocument article, int round)
    {
        ArgumentNullException.ThrowIfNull(article);
        var sentences = Sentence().Split(article.Text.Trim()).Where(s => s.Length > 0).ToArray();
        var random = new Random(Seed(article.Id, round));
        random.Shuffle(sentences);
        return article with { Id = $"{article.Id}~{round}", Text = string.Join(' ', sentences) };
    }

    // FNV-1a over the id's UTF-8 bytes, mixed with the round: the same on every run (string.GetHashCode is not).
    private static int Seed(string id, int round)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return unchecked((int)(hash ^ ((uint)round * 2654435761u)));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ProcedureAssistant.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("ProcedureAssistant.sln was not found above " + AppContext.BaseDirectory + "; set BENCHMARKS_DIR.");
    }

    // A sentence ends at . ; ! ? followed by a space, or at a line break; the mark stays with its sentence.
    [GeneratedRegex(@"(?<=[.;!?])\s+|\s*\n\s*")]
    private static partial Regex Sentence();
}

/// <summary>One article of a <see cref="QdrantScaleCorpus"/>: the text, its round and the province it was given (null: national).</summary>
public sealed record ScaleDocument(BeirDocument Article, int Round, string? Province)
{
    /// <summary>The article as an index document (a regulation numbered by its law), with its province.</summary>
    public CorpusDocument ToCorpusDocument() => Article.ToCorpusDocument() with { Province = Province };

    /// <summary>The article as one chunk, as the evaluation indexes a BEIR article, with its province.</summary>
    public Chunk ToChunk(int ordinal = 0) => new()
    {
        Id = Article.Id,
        DocumentId = Article.Id,
        Ordinal = ordinal,
        DocumentType = DocumentType.Regulation,
        Title = string.IsNullOrWhiteSpace(Article.Title) ? Article.Id : Article.Title,
        Text = Article.Text,
        Province = Province,
    };
}
