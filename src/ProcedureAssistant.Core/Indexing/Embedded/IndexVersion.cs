using System.Collections.Concurrent;
using System.Text;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// One readable version of the embedded index: its segments, the documents of each that later versions replaced or
/// removed, and the collection statistics BM25 needs over what is left (chunk count, mean length, document
/// frequencies), so that a version reached by updates scores exactly as a fresh build of the same documents would.
/// Immutable and thread-safe.
/// </summary>
internal sealed class IndexVersion
{
    private readonly bool[][] _deletedDocuments;
    private readonly ulong[]?[] _deletedChunks;
    private readonly int[][] _deletedChunkNumbers;
    private readonly ConcurrentDictionary<string, int> _frequencies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(int Segment, double K1, double B), double[]> _norms = new();
    private readonly Lazy<IReadOnlyList<string>> _provinces;

    public IndexVersion(IndexManifest manifest, IReadOnlyList<Segment> segments)
    {
        Manifest = manifest;
        Segments = segments;
        _deletedDocuments = new bool[segments.Count][];
        _deletedChunks = new ulong[]?[segments.Count];
        _deletedChunkNumbers = new int[segments.Count][];
        long chunks = 0;
        long length = 0;
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            var deleted = manifest.Segments[s].DeletedDocuments;
            _deletedDocuments[s] = new bool[segment.DocumentCount];
            var numbers = new List<int>();
            foreach (var document in deleted)
            {
                _deletedDocuments[s][document] = true;
                var (first, count) = segment.ChunksOf(document);
                numbers.AddRange(Enumerable.Range(first, count));
            }

            numbers.Sort();
            _deletedChunkNumbers[s] = [.. numbers];
            if (numbers.Count > 0)
            {
                var bits = new ulong[(segment.ChunkCount + 63) / 64];
                foreach (var number in numbers)
                {
                    bits[number >> 6] |= 1UL << (number & 63);
                }

                _deletedChunks[s] = bits;
            }

            var lengths = segment.Lengths;
            length += segment.TotalLength;
            foreach (var number in numbers)
            {
                length -= lengths[number];
            }

            chunks += segment.ChunkCount - numbers.Count;
        }

        _provinces = new(() => LiveProvinces(segments));
        ChunkCount = (int)chunks;
        AverageLength = chunks == 0 ? 0 : (double)length / chunks;
        Statistics = new IndexStatistics(ChunkCount, AverageLength, DocumentFrequency);
        Info = new IndexInfo(
            manifest.Version, manifest.AnalyzerVersion, manifest.DocumentCount, manifest.ChunkCount, manifest.BuiltAt, manifest.ContentHash, manifest.Dense?.Name, manifest.Dense?.Dimensions ?? 0);
    }

    public IndexManifest Manifest { get; }

    public IReadOnlyList<Segment> Segments { get; }

    public IndexInfo Info { get; }

    public IndexStatistics Statistics { get; }

    /// <summary>Chunks that count.</summary>
    public int ChunkCount { get; }

    /// <summary>Their mean length in syllables.</summary>
    public double AverageLength { get; }

    /// <summary>The province keys its live chunks carry, in ordinal order.</summary>
    public IReadOnlyList<string> Provinces => _provinces.Value;

    /// <summary>Whether any document of the version has been replaced or removed since its segments were written.</summary>
    public bool HasDeletions => _deletedChunks.Any(d => d is not null);

    public bool IsDeleted(int segment, int chunk) =>
        _deletedChunks[segment] is { } bits && (bits[chunk >> 6] & (1UL << (chunk & 63))) != 0;

    public bool IsDocumentDeleted(int segment, int document) => _deletedDocuments[segment][document];

    /// <summary>Chunks that hold the term, deleted ones left out.</summary>
    public int DocumentFrequency(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        if (!HasDeletions)
        {
            return CountFrequency(term);
        }

        // With deletions the count probes each deleted chunk in the term's postings: cached, it is paid once per term.
        return _frequencies.GetOrAdd(term, CountFrequency);
    }

    /// <summary>
    /// Each chunk's BM25 length normalisation in a segment, k1 · (1 − b + b · length / mean length), made once per
    /// version and parameters (8 bytes a chunk): a search then divides once per posting instead of twice.
    /// </summary>
    public double[] Norms(int segment, double k1, double b) => _norms.GetOrAdd((segment, k1, b), key =>
    {
        var lengths = Segments[key.Segment].Lengths;
        var average = AverageLength;
        var norms = new double[lengths.Length];
        for (var c = 0; c < norms.Length; c++)
        {
            norms[c] = key.K1 * (1 - key.B + (key.B * lengths[c] / average));
        }

        return norms;
    });

    /// <summary>The document with the id, where it is live; null when no segment holds it.</summary>
    public ChunkReference? FindDocument(string id)
    {
        for (var s = Segments.Count - 1; s >= 0; s--)
        {
            var document = Segments[s].FindDocument(id);
            if (document >= 0 && !_deletedDocuments[s][document])
            {
                return new ChunkReference(s, document);
            }
        }

        return null;
    }

    /// <summary>Every live document: its segment and number.</summary>
    public IEnumerable<ChunkReference> LiveDocuments()
    {
        for (var s = 0; s < Segments.Count; s++)
        {
            for (var d = 0; d < Segments[s].DocumentCount; d++)
            {
                if (!_deletedDocuments[s][d])
                {
                    yield return new ChunkReference(s, d);
                }
            }
        }
    }

    public Chunk Chunk(ChunkReference chunk) => Segments[chunk.Segment].Chunk(chunk.Number);

    public CorpusDocument? Document(ChunkReference document) => Segments[document.Segment].Document(document.Number);

    /// <summary>The document's chunks in order.</summary>
    public IReadOnlyList<Chunk> ChunksOf(ChunkReference document)
    {
        var segment = Segments[document.Segment];
        var (first, count) = segment.ChunksOf(document.Number);
        return Enumerable.Range(first, count).Select(segment.Chunk).OrderBy(c => c.Ordinal).ToList();
    }

    private List<string> LiveProvinces(IReadOnlyList<Segment> segments)
    {
        var provinces = new SortedSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < segments.Count; s++)
        {
            if (_deletedChunks[s] is null)
            {
                provinces.UnionWith(segments[s].Provinces);
                continue;
            }

            var codes = segments[s].ChunkProvinces;
            for (var c = 0; c < codes.Length; c++)
            {
                if (codes[c] != 0 && !IsDeleted(s, c))
                {
                    provinces.Add(segments[s].Provinces[codes[c] - 1]);
                }
            }
        }

        return [.. provinces];
    }

    private int CountFrequency(string term)
    {
        var key = Encoding.UTF8.GetBytes(term);
        var total = 0;
        for (var s = 0; s < Segments.Count; s++)
        {
            if (Segments[s].Find(key) is not { } entry)
            {
                continue;
            }

            total += entry.DocumentFrequency;
            if (_deletedChunkNumbers[s].Length > 0)
            {
                var cursor = new PostingCursor(Segments[s], entry);
                foreach (var deleted in _deletedChunkNumbers[s])
                {
                    cursor.Advance(deleted);
                    total -= cursor.Document == deleted ? 1 : 0;
                }
            }
        }

        return total;
    }
}
