using System.Text;
using System.Text.Json;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Benchmarks;

/// <summary>
/// Lucene.NET 4.8 (beta 18) with <c>BM25Similarity(1.2, 0.75)</c>, fed the project's analysed terms through a
/// whitespace analyzer: each term written as often as it occurs, a bigram's space written as '_' (syllables hold
/// letters and digits only), the question as a disjunction of its terms, each boosted by its weight. Each chunk's
/// record is a stored field, read back for every hit as the embedded index reads its own. The default merge policy
/// and a 256 MB indexing buffer, fed from every core, one commit at the end. Lucene's length normalisation differs from the project's in
/// two ways: its length counts every token (accented and folded syllables and bigrams, about four per syllable), and
/// it stores the length in one byte (lossy), so its scores differ slightly and its top ten may differ where scores
/// are close.
/// </summary>
internal sealed class LuceneEngine(string folder) : IScaleEngine
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string TermsField = "terms";
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;

    public string Name => "lucene";

    public static string Token(string term) => term.Replace(' ', '_');

    public Task IngestAsync(ScaleCorpus corpus, int chunks, CancellationToken cancellationToken)
    {
        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }

        using var directory = FSDirectory.Open(folder);
        var config = new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version))
        {
            Similarity = new BM25Similarity(1.2f, 0.75f),
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 256,
        };
        using var writer = new IndexWriter(directory, config);

        // Fed from every core, as the embedded index's build reads and packs its chunks: the writer takes documents
        // from several threads at once (one indexing buffer each).
        var list = corpus.Chunks(chunks);
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, list.Count, 256),
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            range =>
            {
                var text = new StringBuilder();
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var chunk = list[i];
                    text.Clear();
                    foreach (var (term, frequency) in chunk.Terms.Frequencies)
                    {
                        var token = Token(term);
                        for (var n = 0; n < (int)frequency; n++)
                        {
                            text.Append(token).Append(' ');
                        }
                    }

                    writer.AddDocument(new Document
                    {
                        new StringField("id", chunk.Chunk.Id, Field.Store.YES),
                        new StoredField("chunk", JsonSerializer.Serialize(chunk.Chunk)),
                        new TextField(TermsField, text.ToString(), Field.Store.NO),
                    });
                }
            });

        writer.Commit();
        return Task.CompletedTask;
    }

    public Task OpenAsync(CancellationToken cancellationToken)
    {
        _reader = DirectoryReader.Open(FSDirectory.Open(folder));
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity(1.2f, 0.75f) };
        return Task.CompletedTask;
    }

    /// <summary>Segments of the open index.</summary>
    public int SegmentCount => _reader?.Leaves.Count ?? 0;

    public Task<IReadOnlyList<string>> SearchAsync(QueryTerms query, int limit, CancellationToken cancellationToken)
    {
        var searcher = _searcher ?? throw new InvalidOperationException("Open the index first.");
        var question = new BooleanQuery();
        foreach (var (term, weight) in query.Weights)
        {
            question.Add(new TermQuery(new Term(TermsField, Token(term))) { Boost = weight }, Occur.SHOULD);
        }

        var top = searcher.Search(question, limit);
        IReadOnlyList<string> ids = top.ScoreDocs
            .Select(hit => JsonSerializer.Deserialize<Chunk>(searcher.Doc(hit.Doc).Get("chunk", System.Globalization.CultureInfo.InvariantCulture))!.Id)
            .ToList();
        return Task.FromResult(ids);
    }

    public long? DiskBytes() => FolderSize.Of(folder);

    public ValueTask DisposeAsync()
    {
        _reader?.Dispose();
        return ValueTask.CompletedTask;
    }
}
