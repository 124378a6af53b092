using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Ingestion;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Benchmarks;

/// <summary>
/// <c>serve --engine embedded|lucene --path DIR --questions FILE --out FILE [--rerank] [--updates N]</c>: run by
/// <c>scale</c> in a fresh process, so that the load time and resident memory are those of a process starting on the
/// index: opens it, reads its resident memory after a full garbage collection, searches every question once on one
/// thread (after 20 warm-up questions), then all of them again from two concurrent clients.
/// </summary>
internal static class ServeCommand
{
    public const int Limit = 10;

    public static async Task<int> RunAsync(Arguments arguments, CancellationToken cancellationToken)
    {
        var engineName = arguments.Text("engine") ?? throw new ArgumentException("--engine is required.");
        var path = arguments.Text("path") ?? throw new ArgumentException("--path is required.");
        var questions = JsonSerializer.Deserialize<List<string>>(await File.ReadAllTextAsync(arguments.Text("questions") ?? throw new ArgumentException("--questions is required."), cancellationToken))!;
        var retrieval = new RetrievalOptions();
        var analyzer = TextAnalyzer.CreateDefault();
        var terms = questions.Select(q => analyzer.AnalyzeQuery(q)).ToList();

        await using IScaleEngine engine = engineName switch
        {
            "embedded" => new EmbeddedEngine(path),
            "lucene" => new LuceneEngine(path),
            _ => throw new ArgumentException($"--engine must be embedded or lucene, not '{engineName}'."),
        };

        var started = Stopwatch.GetTimestamp();
        await engine.OpenAsync(cancellationToken);
        var loadSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var afterLoad = Resident();

        var (search, topTen, qps) = await MeasureAsync(engine, terms, cancellationToken);
        var afterSearches = Resident();
        var result = new ServeResult
        {
            LoadSeconds = loadSeconds,
            ResidentMBAfterLoad = afterLoad,
            ResidentMBAfterSearches = afterSearches,
            Search = search,
            QueriesPerSecondAt2 = qps,
            TopTen = topTen,
            Segments = engine switch
            {
                EmbeddedEngine embedded => embedded.Index.SegmentNames.Count,
                LuceneEngine lucene => lucene.SegmentCount,
                _ => 0,
            },
        };

        if (engine is EmbeddedEngine embeddedEngine && arguments.Flag("rerank"))
        {
            result = await RerankAsync(embeddedEngine, questions, retrieval, analyzer, result, arguments.Flag("base-vocabulary"), cancellationToken);
        }

        if (engine is EmbeddedEngine updated && arguments.Integer("updates", 1) is var updates and > 1)
        {
            updated.Log.Take();
            result = result with { UpdateMilliseconds = await UpdateAsync(updated, updates, cancellationToken), UpdatePhases = updated.Log.Take() };
            result.UpdatePhases.ToList().ForEach(Console.WriteLine);
        }

        await File.WriteAllTextAsync(arguments.Text("out") ?? throw new ArgumentException("--out is required."), JsonSerializer.Serialize(result), cancellationToken);
        return 0;
    }

    /// <summary>Single-threaded latencies with each question's top ten, then the throughput of two concurrent clients.</summary>
    public static async Task<(Latencies Search, List<IReadOnlyList<string>> TopTen, double Qps)> MeasureAsync(IScaleEngine engine, List<QueryTerms> terms, CancellationToken cancellationToken)
    {
        foreach (var query in terms.Take(20))
        {
            await engine.SearchAsync(query, Limit, cancellationToken);
        }

        var latencies = new List<double>(terms.Count);
        var topTen = new List<IReadOnlyList<string>>(terms.Count);
        foreach (var query in terms)
        {
            var started = Stopwatch.GetTimestamp();
            topTen.Add(await engine.SearchAsync(query, Limit, cancellationToken));
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        // Two clients, each through every question (the second from the middle), on threads of their own.
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(client => Task.Run(
            async () =>
            {
                for (var i = 0; i < terms.Count; i++)
                {
                    await engine.SearchAsync(terms[(i + (client * terms.Count / 2)) % terms.Count], Limit, cancellationToken);
                }
            },
            cancellationToken)));
        return (Latencies.Of(latencies), topTen, 2.0 * terms.Count / wall.Elapsed.TotalSeconds);
    }

    private static async Task<ServeResult> RerankAsync(
        EmbeddedEngine engine, List<string> questions, RetrievalOptions retrieval, TextAnalyzer analyzer, ServeResult result, bool baseVocabulary, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var vocabulary = new IndexVocabulary(engine.Index);
        if (baseVocabulary)
        {
            // The real texts' vocabulary stands for the index's: the copies repeat the same syllables, so the counts
            // the restoration compares only scale (bigrams across shuffled sentences aside). Reading a million
            // documents back to count them is measured at smaller sizes instead.
            var corpus = await ScaleCorpus.LoadAsync(SharedFolder.Shared(), cancellationToken);
            await vocabulary.OfAsync(await engine.Index.GetInfoAsync(cancellationToken), corpus.Documents(corpus.BaseChunkCount), cancellationToken);
        }
        else
        {
            await vocabulary.CurrentAsync(cancellationToken);
        }

        var vocabularySeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        using var encoder = new DenseEncoder(Options.Create(new EmbeddingOptions()));
        var retriever = new Retriever(analyzer, engine.Index, encoder, retrieval, Reranker.Load(), vocabulary: vocabulary);
        foreach (var question in questions.Take(20))
        {
            await retriever.RetrieveAsync(question, Limit, cancellationToken);
        }

        var latencies = new List<double>();
        foreach (var question in questions)
        {
            var at = Stopwatch.GetTimestamp();
            await retriever.RetrieveAsync(question, Limit, cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
        }

        var phases = await ProfileRerankAsync(engine, retriever, questions, cancellationToken);
        foreach (var (phase, figures) in phases)
        {
            Console.WriteLine($"reranked, {phase}: mean {figures.Mean:F2} ms, p95 {figures.P95:F2} ms");
        }

        return result with
        {
            Reranked = Latencies.Of(latencies),
            RerankedPhases = phases,
            VocabularySeconds = vocabularySeconds,
            ResidentMBAfterRerank = Resident(),
        };
    }

    // The reranked retrieval's steps timed one by one, as Retriever runs them (no default filter here): analysis with
    // diacritic restoration, the first stage's MaxScore top 50, decoding the 50 chunks' records, the reranker's
    // features, and the rest of the rerank (the model's trees, the translation ranking, the fusion).
    private static async Task<Dictionary<string, PhaseFigures>> ProfileRerankAsync(
        EmbeddedEngine engine, Retriever retriever, List<string> questions, CancellationToken cancellationToken)
    {
        var reranker = retriever.Reranker!;
        var names = new[] { "analysis", "first stage", "decoding", "features", "model" };
        var times = names.ToDictionary(n => n, _ => new List<double>());
        foreach (var question in questions)
        {
            var at = Stopwatch.GetTimestamp();
            var terms = await retriever.AnalyzeAsync(question, cancellationToken);
            if (terms.IsEmpty)
            {
                continue;
            }

            terms = reranker.FirstStageTerms(terms with { Filter = SearchFilter.Within(terms.Filter, null) });
            var analysed = Stopwatch.GetTimestamp();
            var live = engine.Index.Live!;
            var matches = MaxScoreSearch.Search(live, terms, reranker.Candidates, Bm25Parameters.Default, terms.Filter);
            var searched = Stopwatch.GetTimestamp();
            var hits = matches.Select(m => new ChunkHit(live.Chunk(m.Chunk), m.Score, m.Coverage)).ToList();
            var decoded = Stopwatch.GetTimestamp();
            var statistics = live.Statistics;
            RerankFeatures.Compute(terms, hits, statistics);
            var featured = Stopwatch.GetTimestamp();
            reranker.Rerank(terms, hits, statistics, Limit);
            var reranked = Stopwatch.GetTimestamp();
            var featuresMs = Stopwatch.GetElapsedTime(decoded, featured).TotalMilliseconds;
            times["analysis"].Add(Stopwatch.GetElapsedTime(at, analysed).TotalMilliseconds);
            times["first stage"].Add(Stopwatch.GetElapsedTime(analysed, searched).TotalMilliseconds);
            times["decoding"].Add(Stopwatch.GetElapsedTime(searched, decoded).TotalMilliseconds);
            times["features"].Add(featuresMs);

            // Rerank computes the features again: what it adds beyond them is the model's.
            times["model"].Add(Math.Max(0, Stopwatch.GetElapsedTime(featured, reranked).TotalMilliseconds - featuresMs));
        }

        return times.ToDictionary(t => t.Key, t => new PhaseFigures(t.Value.Average(), Latencies.Of(t.Value).P95));
    }

    // Each update changes one document (a sentence added to its first chunk), as an edit of one file would.
    private static async Task<List<double>> UpdateAsync(EmbeddedEngine engine, int updates, CancellationToken cancellationToken)
    {
        var index = engine.Index;
        var live = await index.GetInfoAsync(cancellationToken);
        var documents = new List<string>();
        foreach (var id in new[] { "alqac2025:", "drill-subset:", "alqac2022:", "tthc-national:" })
        {
            documents.AddRange((await index.SearchAsync(TextAnalyzer.CreateDefault().AnalyzeQuery("thủ tục đăng ký"), 50, cancellationToken))
                .Select(h => h.Chunk.DocumentId).Where(d => d.StartsWith(id, StringComparison.Ordinal)).Take(updates));
        }

        var milliseconds = new List<double>();
        foreach (var id in documents.Distinct(StringComparer.Ordinal).Take(updates))
        {
            var document = (await index.GetDocumentAsync(id, cancellationToken))!;
            var chunks = (await index.GetChunksAsync(id, cancellationToken))
                .Select((c, i) => IngestionPipeline.Analyze(i == 0 ? c with { Text = c.Text + " Sửa đổi để đo cập nhật." } : c, document.Aliases))
                .ToList();
            var started = Stopwatch.GetTimestamp();
            await index.UpdateAsync(new IndexUpdate(live!.AnalyzerVersion, [document with { ContentHash = document.ContentHash + "*" }], chunks, []), cancellationToken);
            milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return milliseconds;
    }

    private static double Resident()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return ProcessMemory.Resident() / 1048576.0;
    }
}
