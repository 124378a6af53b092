namespace ProcedureAssistant.Core.Indexing;

/// <summary>
/// What a reranker needs from an index beside its hits, and what both backends hold: the number of chunks, their
/// mean length in syllables, and how many chunks contain each single-syllable term (accented or folded). Bigram
/// statistics are left out on purpose: the Qdrant index keeps document frequencies of single syllables only.
/// </summary>
public sealed class IndexStatistics
{
    private readonly Func<string, int> _documentFrequency;

    /// <summary>Statistics of an index of <paramref name="chunkCount"/> chunks.</summary>
    /// <param name="chunkCount">Chunks in the index.</param>
    /// <param name="averageLength">Mean chunk length in syllables.</param>
    /// <param name="documentFrequency">Chunks holding a single-syllable term (0 for an unknown one).</param>
    public IndexStatistics(int chunkCount, double averageLength, Func<string, int> documentFrequency)
    {
        ArgumentNullException.ThrowIfNull(documentFrequency);
        ChunkCount = chunkCount;
        AverageLength = averageLength > 0 ? averageLength : 1;
        _documentFrequency = documentFrequency;
    }

    /// <summary>Chunks in the index.</summary>
    public int ChunkCount { get; }

    /// <summary>Mean chunk length in syllables (1 for an empty index, to avoid 0/0).</summary>
    public double AverageLength { get; }

    /// <summary>Chunks that hold the single-syllable term; 0 when none does.</summary>
    public int DocumentFrequency(string unigram) => _documentFrequency(unigram);

    /// <summary>
    /// The term's probability in the whole index, for smoothing a chunk's language model: its document frequency
    /// (each chunk holding it counted once, all the statistics keep) over the index's length in syllables, with half
    /// a count so that an unseen term is not impossible.
    /// </summary>
    public double CollectionProbability(string unigram) =>
        (DocumentFrequency(unigram) + 0.5) / Math.Max(ChunkCount * AverageLength, 1);

    /// <summary>BM25's IDF of the term, as <see cref="Bm25Index.Idf"/> computes it; a term no chunk holds gets the highest value.</summary>
    public double Idf(string unigram)
    {
        var df = DocumentFrequency(unigram);
        return Math.Log(1 + ((ChunkCount - df + 0.5) / (df + 0.5)));
    }
}
