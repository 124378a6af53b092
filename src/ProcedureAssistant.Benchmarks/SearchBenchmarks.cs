using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;
using ProcedureAssistant.Lab.Evaluation;

namespace ProcedureAssistant.Benchmarks;

/// <summary>
/// Search latency on the BEIR corpora in ../shared/benchmarks with the shipped configuration (option defaults), with
/// and without the learned reranker: one operation is one question (analyse, embed when configured, search the
/// embedded index, rerank when on, keep the top 10), taken in turn from the set's judged questions. Each iteration
/// is a single question, so the percentiles are per question, and no slow question is dropped as an outlier. Set BENCHMARKS_DIR when ../shared is elsewhere.
/// </summary>
[MemoryDiagnoser]
[Outliers(Perfolizer.Mathematics.OutlierDetection.OutlierMode.DontRemove)]
[SimpleJob(warmupCount: 30, iterationCount: 400, invocationCount: 1)]
[Config(typeof(PercentileConfig))]
public class SearchBenchmarks
{
    private Retriever _retriever = null!;
    private string[] _questions = [];
    private int _next;

    /// <summary>The dataset folder's name.</summary>
    [Params("alqac2025", "drill-subset", "alqac2022")]
    public string Dataset { get; set; } = "alqac2025";

    /// <summary>Whether the questions are stripped of diacritics first (eval --fold-queries).</summary>
    [Params(false, true)]
    public bool Folded { get; set; }

    /// <summary>Whether the learned reranker (the built-in model) reorders the first-stage candidates.</summary>
    [Params(false, true)]
    public bool Rerank { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var root = Environment.GetEnvironmentVariable("BENCHMARKS_DIR") ?? FindSharedBenchmarks();
        var dataset = await BeirDataset.LoadAsync(Path.Combine(root, Dataset));
        var retrieval = new RetrievalOptions();
        var analyzer = TextAnalyzer.CreateDefault();
        var encoder = new DenseEncoder(Options.Create(new EmbeddingOptions()));
        var index = EmbeddedChunkIndex.InMemory();
        await new RetrievalEvaluator(analyzer, Options.Create(retrieval), encoder).FillAsync(index, dataset);

        // The index's vocabulary (diacritic restoration) is built once per index version: here, not in the first question.
        var vocabulary = new IndexVocabulary(index);
        await vocabulary.CurrentAsync();
        _retriever = new Retriever(analyzer, index, encoder, retrieval, Rerank ? Reranker.Load() : null, vocabulary: vocabulary);
        _questions = dataset.Queries.Where(q => dataset.Relevant.ContainsKey(q.Id))
            .Select(q => Folded ? VietnameseText.Fold(q.Text) : q.Text)
            .ToArray();
    }

    [Benchmark(Description = "search one question (top 10)")]
    public async Task<int> SearchAsync()
    {
        var question = _questions[_next];
        _next = (_next + 1) % _questions.Length;
        return (await _retriever.RetrieveAsync(question, 10)).Count;
    }

    private static string FindSharedBenchmarks()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "..", "shared", "benchmarks");
            if (File.Exists(Path.Combine(folder.FullName, "ProcedureAssistant.sln")) && Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        throw new DirectoryNotFoundException("../shared/benchmarks was not found beside the repository; set BENCHMARKS_DIR.");
    }

    private sealed class PercentileConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
    }
}
