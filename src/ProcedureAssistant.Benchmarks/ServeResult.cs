namespace ProcedureAssistant.Benchmarks;

/// <summary>What a fresh process measured on an index: load, memory, search latency and throughput, and each question's top ten.</summary>
internal sealed record ServeResult
{
    public double LoadSeconds { get; init; }

    public double ResidentMBAfterLoad { get; init; }

    public double ResidentMBAfterSearches { get; init; }

    public Latencies Search { get; init; } = Latencies.Of([]);

    public double QueriesPerSecondAt2 { get; init; }

    public IReadOnlyList<IReadOnlyList<string>> TopTen { get; init; } = [];

    /// <summary>The service's retrieval with its learned reranker (embedded only): analysis, diacritic restoration, search, rerank.</summary>
    public Latencies? Reranked { get; init; }

    /// <summary>The reranked retrieval's steps, timed one by one after the measurement (mean and p95 of each, ms).</summary>
    public IReadOnlyDictionary<string, PhaseFigures>? RerankedPhases { get; init; }

    /// <summary>Time to build the index vocabulary the restoration reads (once per index version, by the first question).</summary>
    public double? VocabularySeconds { get; init; }

    public double? ResidentMBAfterRerank { get; init; }

    /// <summary>Incremental updates of one document each, in milliseconds (embedded only).</summary>
    public IReadOnlyList<double> UpdateMilliseconds { get; init; } = [];

    /// <summary>What each update spent in each phase, as the index logs it at Debug.</summary>
    public IReadOnlyList<string> UpdatePhases { get; init; } = [];

    public int Segments { get; init; }
}
