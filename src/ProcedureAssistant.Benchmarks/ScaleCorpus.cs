using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Ingestion;
using ProcedureAssistant.Core.Text;
using ProcedureAssistant.Lab.Evaluation;

namespace ProcedureAssistant.Benchmarks;

/// <summary>
/// A corpus of any number of chunks made from the real texts in <c>../shared</c>: the articles of the four BEIR sets
/// (alqac2025, drill-subset, alqac2022, tthc-national: one chunk each, as the evaluation indexes them) and the
/// Markdown texts of <c>realdata/daklak</c> and <c>realdata/communes</c> split by the project's chunker. Past the
/// real texts' size the corpus repeats them: copy r of a document has the id <c>{id}~r</c>, and the sentences of
/// its body and of each of its chunks are shuffled (seeded by the copy and the chunk, so every run makes the same
/// corpus). A copy keeps its chunks' lengths and vocabulary but not their bigrams across sentence boundaries, nor
/// their order. Chunks are analysed as they are read (<see cref="IngestionPipeline.Analyze"/>), so a corpus of a
/// million chunks is never held in memory; the time spent analysing is counted in <see cref="AnalysisTime"/>.
/// </summary>
public sealed partial class ScaleCorpus
{
    private readonly List<(CorpusDocument Document, IReadOnlyList<Chunk> Chunks)> _documents;
    private readonly int[] _firstChunk;
    private readonly List<string> _questions;
    private readonly Prepared?[] _prepared;
    private long _analysisTicks;

    private ScaleCorpus(List<(CorpusDocument, IReadOnlyList<Chunk>)> documents, List<string> questions)
    {
        _documents = documents;
        _questions = questions;
        _firstChunk = new int[documents.Count + 1];
        _prepared = new Prepared?[documents.Sum(d => d.Item2.Count)];
        for (var d = 0; d < documents.Count; d++)
        {
            _firstChunk[d + 1] = _firstChunk[d] + documents[d].Item2.Count;
        }
    }

    /// <summary>Chunks of the real texts, before any copy.</summary>
    public int BaseChunkCount => _firstChunk[^1];

    /// <summary>Documents of the real texts.</summary>
    public int BaseDocumentCount => _documents.Count;

    /// <summary>Time spent analysing chunks read from <see cref="Chunks"/> so far, summed over every thread.</summary>
    public TimeSpan AnalysisTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _analysisTicks));

    /// <summary>Reads the real texts under <paramref name="shared"/> (the <c>shared</c> folder).</summary>
    public static async Task<ScaleCorpus> LoadAsync(string shared, CancellationToken cancellationToken = default)
    {
        var documents = new List<(CorpusDocument, IReadOnlyList<Chunk>)>();
        var questions = new List<string>();
        foreach (var set in new[] { "alqac2025", "drill-subset", "alqac2022", "tthc-national" })
        {
            var dataset = await BeirDataset.LoadAsync(Path.Combine(shared, "benchmarks", set), cancellationToken: cancellationToken);
            foreach (var article in dataset.Corpus)
            {
                var document = article.ToCorpusDocument() with { Id = $"{set}:{article.Id}", SourcePath = $"{set}/{article.Id}", ContentHash = $"{set}:{article.Id}" };
                documents.Add((document, [new Chunk
                {
                    Id = document.Id + "#0",
                    DocumentId = document.Id,
                    Ordinal = 0,
                    DocumentType = DocumentType.Regulation,
                    Title = document.Title,
                    Number = document.Number,
                    Text = article.Text,
                }]));
            }

            questions.AddRange(dataset.Queries.Where(q => dataset.Relevant.ContainsKey(q.Id)).Select(q => q.Text));
        }

        var chunker = new LegalStructureChunker(Options.Create(new ChunkingOptions()));
        foreach (var (folder, province) in new[] { ("realdata/daklak", "dak-lak"), ("realdata/communes/input/docs", (string?)null) })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(shared, folder), "*.md").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                var body = SourceComment().Replace(await File.ReadAllTextAsync(file, cancellationToken), string.Empty);
                var document = new CorpusDocument
                {
                    Id = $"{Path.GetFileName(folder)}:{name}",
                    Type = DocumentType.Regulation,
                    Title = name.Replace('_', '/'),
                    Number = name.Replace('_', '/'),
                    Body = body,
                    Province = province,
                    SourcePath = $"{folder}/{name}.md",
                    ContentHash = name,
                };
                documents.Add((document, chunker.Split(document)));
            }
        }

        // Questions in a fixed mixed order: the sets' own orders would time one set's questions first.
        var random = new Random(19);
        var mixed = questions.OrderBy(_ => random.Next()).ToList();
        return new ScaleCorpus(documents, mixed);
    }

    /// <summary>The questions of the benchmark sets, <paramref name="count"/> as typed then the same without diacritics.</summary>
    public IReadOnlyList<(string Text, bool Folded)> Questions(int count) =>
        _questions.Take(count).Select(q => (q, false)).Concat(_questions.Take(count).Select(q => (VietnameseText.Fold(q), true))).ToList();

    /// <summary>The documents of a corpus of <paramref name="chunks"/> chunks, made as they are read.</summary>
    public IReadOnlyList<CorpusDocument> Documents(int chunks) => new Lazy<CorpusDocument>(DocumentCount(chunks), k =>
    {
        var (copy, d) = Math.DivRem(k, _documents.Count);
        return Copy(_documents[d].Document, copy);
    });

    /// <summary>
    /// The analysed chunks of a corpus of <paramref name="chunks"/> chunks, analysed as they are read. A copy is
    /// analysed from its base chunk's syllables, sentence by sentence, in the shuffled order: the terms
    /// <see cref="IngestionPipeline.Analyze"/> gives its text (checked on the first copies by <see cref="CheckCopies"/>),
    /// without normalising the same sentences again.
    /// </summary>
    public IReadOnlyList<IndexedChunk> Chunks(int chunks) => new Lazy<IndexedChunk>(chunks, i =>
    {
        var started = Stopwatch.GetTimestamp();
        var analysed = Analyze(i, fast: true);
        Interlocked.Add(ref _analysisTicks, Stopwatch.GetTimestamp() - started);
        return analysed;
    });

    /// <summary>Throws when the fast analysis of a copy differs from the pipeline's on its text.</summary>
    public void CheckCopies(int count)
    {
        for (var i = BaseChunkCount; i < BaseChunkCount + count; i++)
        {
            var fast = Analyze(i, fast: true);
            var slow = Analyze(i, fast: false);
            if (fast.Chunk != slow.Chunk || fast.Terms.Length != slow.Terms.Length || fast.Terms.Frequencies.Count != slow.Terms.Frequencies.Count
                || fast.Terms.Frequencies.Any(t => slow.Terms.Frequencies.GetValueOrDefault(t.Key) != t.Value))
            {
                throw new InvalidOperationException($"The fast analysis of copy chunk {fast.Chunk.Id} differs from the pipeline's.");
            }
        }
    }

    private IndexedChunk Analyze(int i, bool fast)
    {
        var (copy, j) = Math.DivRem(i, BaseChunkCount);
        var d = DocumentOf(j);
        var (document, documentChunks) = _documents[d];
        var chunk = documentChunks[j - _firstChunk[d]];
        if (copy == 0)
        {
            return IngestionPipeline.Analyze(chunk, document.Aliases);
        }

        var id = document.Id + "~" + copy;
        var seed = (copy * 7_368_787L) + j;
        var copied = chunk with { Id = $"{id}#{chunk.Ordinal}", DocumentId = id, Text = Shuffle(chunk.Text, seed) };
        if (!fast)
        {
            return IngestionPipeline.Analyze(copied, document.Aliases);
        }

        var prepared = _prepared[j] ??= Prepared.Of(chunk, document.Aliases);
        var order = Enumerable.Range(0, prepared.Sentences.Length).ToArray();
        new Random((int)(seed % int.MaxValue)).Shuffle(order);
        var syllables = new List<string>(prepared.Length);
        syllables.AddRange(prepared.Prefix);
        foreach (var sentence in order)
        {
            syllables.AddRange(prepared.Sentences[sentence]);
        }

        var counts = new Dictionary<string, float>(StringComparer.Ordinal);
        Count(counts, syllables, string.Empty);
        Count(counts, syllables.Select(VietnameseText.Fold).ToList(), TextAnalyzer.FoldedPrefix);
        return new IndexedChunk(copied, new TermBag(counts, syllables.Count));
    }

    // TextAnalyzer.AnalyzeDocument's counting: every syllable and every adjacent pair.
    private static void Count(Dictionary<string, float> counts, List<string> syllables, string prefix)
    {
        for (var i = 0; i < syllables.Count; i++)
        {
            var unigram = prefix + syllables[i];
            counts[unigram] = counts.GetValueOrDefault(unigram) + 1;
            if (i + 1 < syllables.Count)
            {
                var bigram = unigram + " " + syllables[i + 1];
                counts[bigram] = counts.GetValueOrDefault(bigram) + 1;
            }
        }
    }

    /// <summary>The analysed chunks' total length in syllables for a corpus of <paramref name="chunks"/> chunks (copies keep their base's).</summary>
    public double AverageLength(int chunks)
    {
        var baseLengths = Enumerable.Range(0, BaseChunkCount).Select(j =>
        {
            var d = DocumentOf(j);
            return (double)IngestionPipeline.Analyze(_documents[d].Chunks[j - _firstChunk[d]], _documents[d].Document.Aliases).Terms.Length;
        }).ToArray();
        var (copies, rest) = Math.DivRem(chunks, BaseChunkCount);
        return ((copies * baseLengths.Sum()) + baseLengths.Take(rest).Sum()) / chunks;
    }

    private int DocumentCount(int chunks)
    {
        var (copies, rest) = Math.DivRem(chunks, BaseChunkCount);
        var partial = 0;
        while (partial < _documents.Count && _firstChunk[partial] < rest)
        {
            partial++;
        }

        return (copies * _documents.Count) + partial;
    }

    private int DocumentOf(int chunk)
    {
        var found = Array.BinarySearch(_firstChunk, chunk);
        return found >= 0 ? NextWithChunks(found) : ~found - 1;
    }

    // A document without chunks shares its first-chunk number with the next one.
    private int NextWithChunks(int d)
    {
        while (_firstChunk[d + 1] == _firstChunk[d])
        {
            d++;
        }

        return d;
    }

    private static CorpusDocument Copy(CorpusDocument document, int copy) => copy == 0 ? document : document with
    {
        Id = document.Id + "~" + copy,
        SourcePath = document.SourcePath + "~" + copy,
        ContentHash = document.ContentHash + "~" + copy,
        Body = Shuffle(document.Body, copy * 104_729L),
    };

    private static string Shuffle(string text, long seed)
    {
        var sentences = SentenceBreak().Split(text).Where(s => s.Length > 0).ToArray();
        var random = new Random((int)(seed % int.MaxValue));
        random.Shuffle(sentences);
        return string.Join(' ', sentences);
    }

    /// <summary>A base chunk's syllables: those before its text (path, title, aliases), then each sentence's, as <see cref="Shuffle"/> splits it.</summary>
    private sealed record Prepared(string[] Prefix, string[][] Sentences, int Length)
    {
        public static Prepared Of(Chunk chunk, IReadOnlyList<string> aliases)
        {
            var prefix = TextAnalyzer.Syllables(string.Join('\n', [chunk.Path, chunk.Title, .. aliases, string.Empty])).ToArray();
            var sentences = SentenceBreak().Split(chunk.Text).Where(s => s.Length > 0).Select(s => TextAnalyzer.Syllables(s).ToArray()).ToArray();
            return new Prepared(prefix, sentences, prefix.Length + sentences.Sum(s => s.Length));
        }
    }

    [GeneratedRegex(@"(?<=[.!?;:])\s+|\n+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex SourceComment();

    /// <summary>A read-only list whose items are made when read.</summary>
    private sealed class Lazy<T>(int count, Func<int, T> make) : IReadOnlyList<T>
    {
        public int Count => count;

        public T this[int index] => (uint)index < (uint)count ? make(index) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<T> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return make(i);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
