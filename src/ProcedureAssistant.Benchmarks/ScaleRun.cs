using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core;
using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Qdrant;
using ProcedureAssistant.Core.Ingestion;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Benchmarks;

/// <summary>
/// Qdrant at scale, on a <see cref="QdrantScaleCorpus"/> (eval/reports/backends.md):
/// <list type="bullet">
/// <item><c>scale GRPC_ENDPOINT CHUNKS [QDRANT_PID] [PROVINCES]</c>: indexes CHUNKS articles (analysed here, written in
/// parts through <see cref="QdrantChunkIndex"/>, so this process holds one part at a time), sampling the server's
/// resident memory (<c>/proc/QDRANT_PID/status</c>) throughout; then searches every judged question of the base's
/// sets (BM25 top 10, top 100 as the reranker's first stage does, and top 10 limited to one province), and prints
/// points/s, latency p50/p95 and memory. PROVINCES (comma-separated keys, "-" for a national round) are given to
/// the rounds in turn.</item>
/// <item><c>api-memory GRPC_ENDPOINT ROUNDS...</c>: for each size (in rounds of the base), indexes it, starts the
/// service's own graph on it and measures what the process holds once the first question has filled its caches of
/// the index version (document catalog, vocabulary, term statistics).</item>
/// </list>
/// </summary>
internal static class ScaleRun
{
    private const int PartSize = 1024;
    private const int WarmUp = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        var endpoint = new Uri(args[0]);
        var count = long.Parse(args[1], CultureInfo.InvariantCulture);
        var qdrantPid = args.Length > 2 && args[2] != "-" ? int.Parse(args[2], CultureInfo.InvariantCulture) : (int?)null;
        var provinces = args.Length > 3 ? args[3].Split(',').Select(p => p == "-" ? null : p).ToList() : null;
        var corpus = await QdrantScaleCorpus.LoadAsync();
        var options = new QdrantOptions { Endpoint = endpoint, Collection = "pa-scale", BatchSize = 256, Timeout = TimeSpan.FromMinutes(2) };
        Console.WriteLine($"{DateTime.Now:yyyy-MM-dd HH:mm} scale run: {count:N0} articles ({count / (double)corpus.Base.Count:0.0} rounds of {corpus.Base.Count:N0}), provinces {(provinces is null ? "none" : string.Join(',', provinces.Select(p => p ?? "national")))}, Qdrant {endpoint}, {options.BatchSize} points per upsert, {Environment.ProcessorCount} cores, load {Load()}");

        using var index = new QdrantChunkIndex(options);
        using var sampler = new MemorySampler(qdrantPid);
        var watch = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var progress = new SynchronousProgress<long>(done =>
        {
            if (watch.Elapsed - lastReport > TimeSpan.FromMinutes(1) || done == count)
            {
                lastReport = watch.Elapsed;
                Console.WriteLine($"  {done,10:N0} points in {watch.Elapsed.TotalSeconds,7:0} s = {done / watch.Elapsed.TotalSeconds,5:0} points/s; qdrant RSS {Mib(sampler.QdrantRss)}, this process GC heap {Mib(GC.GetTotalMemory(false))}; load {Load()}");
            }
        });
        var info = await index.ReplaceInPartsAsync(TextAnalyzer.Version, Parts(corpus, count, provinces), AverageLength(corpus), progress);
        var ingest = watch.Elapsed;
        Console.WriteLine($"ingest: {info.ChunkCount:N0} points in {ingest.TotalSeconds:0} s ({ingest:hh\\:mm\\:ss}) = {info.ChunkCount / ingest.TotalSeconds:0} points/s; peak qdrant RSS {Mib(sampler.QdrantPeak)}, peak GC heap here {Mib(sampler.OwnPeak)}");

        var analyzer = TextAnalyzer.CreateDefault();
        var questions = (await QdrantScaleCorpus.LoadQuestionsAsync()).Select(q => analyzer.AnalyzeQuery(q)).ToList();
        var province = provinces?.OfType<string>().FirstOrDefault();
        foreach (var (name, limit, filter) in new (string, int, SearchFilter?)[]
        {
            ("BM25 top 10", 10, null),
            ("BM25 top 100 (reranker's first stage)", 100, null),
            ($"BM25 top 10, province {province}", 10, province is null ? null : new SearchFilter { Province = province }),
        })
        {
            if (name.Contains("province", StringComparison.Ordinal) && filter is null)
            {
                continue;
            }

            var latencies = new List<double>();
            for (var i = 0; i < questions.Count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await index.SearchAsync(questions[i] with { Filter = filter }, limit);
                if (i >= WarmUp)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            latencies.Sort();
            Console.WriteLine($"search {name}: p50 {Percentile(latencies, 0.50):0.0} ms, p95 {Percentile(latencies, 0.95):0.0} ms over {latencies.Count} questions; load {Load()}");
        }

        Console.WriteLine($"qdrant RSS after the searches {Mib(sampler.QdrantRss)} = {sampler.QdrantRss / (double)info.ChunkCount:0} bytes per point; peak {Mib(sampler.QdrantPeak)}");
        return 0;
    }

    public static async Task<int> ApiMemoryAsync(string[] args)
    {
        var endpoint = new Uri(args[0]);
        var corpus = await QdrantScaleCorpus.LoadAsync();
        foreach (var rounds in args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)))
        {
            var count = (long)rounds * corpus.Base.Count;
            var alias = $"pa-api-memory-{rounds}";
            var options = new QdrantOptions { Endpoint = endpoint, Collection = alias, BatchSize = 256, Timeout = TimeSpan.FromMinutes(2) };
            using (var index = new QdrantChunkIndex(options))
            {
                await index.ReplaceInPartsAsync(TextAnalyzer.Version, Parts(corpus, count, null), AverageLength(corpus));
            }

            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["VectorStore:Provider"] = "Qdrant",
                ["Qdrant:Endpoint"] = endpoint.ToString(),
                ["Qdrant:Collection"] = alias,
                ["Qdrant:Timeout"] = "00:05:00",
            });
            builder.AddProcedureAssistant();
            using var host = builder.Build();
            var answers = host.Services.GetRequiredService<AnswerService>();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var watch = Stopwatch.StartNew();
            await answers.AskAsync(new AskQuery("Thời hạn giải quyết hồ sơ nhận con nuôi là bao nhiêu ngày?"));
            var first = watch.Elapsed;
            var after = GC.GetTotalMemory(forceFullCollection: true);
            watch.Restart();
            await answers.AskAsync(new AskQuery("Người dân cần giấy tờ gì để đăng ký thường trú?"));
            Console.WriteLine(
                $"{count:N0} chunks: the API holds {Mib(after - before)} after its first question = {(after - before) / (double)count:0} bytes per chunk " +
                $"(first question {first.TotalSeconds:0.0} s, the next {watch.Elapsed.TotalSeconds:0.00} s); process RSS {Mib(Environment.WorkingSet)}; load {Load()}");
            using var cleanup = new QdrantChunkIndex(options);
            await cleanup.DeleteAllAsync();
        }

        return 0;
    }

    /// <summary>BM25's mean chunk length: a copy has its original's length, so the base's mean holds for whole rounds.</summary>
    private static double AverageLength(QdrantScaleCorpus corpus) =>
        corpus.Documents(corpus.Base.Count).Average(d => (double)IngestionPipeline.Analyze(d.ToChunk(), []).Terms.Length);

    // Analysed here and written by the index in turn: the analysis of the next part runs while the last one uploads.
    private static async IAsyncEnumerable<IndexSnapshot> Parts(QdrantScaleCorpus corpus, long count, IReadOnlyList<string?>? provinces, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<IndexSnapshot>(2);
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var part in corpus.Documents(count, provinces).Chunk(PartSize))
                    {
                        var chunks = part.Select(d => IngestionPipeline.Analyze(d.ToChunk(), [])).ToList();
                        await channel.Writer.WriteAsync(new IndexSnapshot(TextAnalyzer.Version, part.Select(d => d.ToCorpusDocument()).ToList(), chunks), cancellationToken);
                    }

                    channel.Writer.Complete();
                }
                catch (Exception ex)
                {
                    channel.Writer.Complete(ex);
                }
            },
            cancellationToken);
        await foreach (var part in channel.Reader.ReadAllAsync(cancellationToken))
        {
            yield return part;
        }

        await producer;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string Mib(long bytes) => $"{bytes / (1024.0 * 1024.0):0} MiB";

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    /// <summary>The server's resident memory (and this process's GC heap), sampled every second, with their peaks.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly int? _pid;
        private readonly Timer _timer;

        public MemorySampler(int? pid)
        {
            _pid = pid;
            _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        }

        public long QdrantRss { get; private set; }

        public long QdrantPeak { get; private set; }

        public long OwnPeak { get; private set; }

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            OwnPeak = Math.Max(OwnPeak, GC.GetTotalMemory(false));
            // /proc/PID/status pads the figure with spaces only while it is short ("VmRSS:\t9123456 kB" has none),
            // so the shared reader trims the field name off rather than splitting on spaces.
            if (_pid is { } pid && ProcessMemory.Resident($"/proc/{pid}/status") is { } resident)
            {
                QdrantRss = resident;
                QdrantPeak = Math.Max(QdrantPeak, QdrantRss);
            }
        }
    }
}
