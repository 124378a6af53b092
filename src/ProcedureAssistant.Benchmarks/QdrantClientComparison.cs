using System.Diagnostics;
using System.Globalization;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Evaluation;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Qdrant;
using ProcedureAssistant.Core.Indexing.Qdrant.Rest;
using ProcedureAssistant.Core.Ingestion;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Benchmarks;

/// <summary>
/// The replaced REST client and the gRPC client (Qdrant.Client) side by side, in one process, on one server and one
/// snapshot: full builds (ingest points/s, analysis excluded: the snapshot is analysed once) in alternation, then
/// every judged question searched on both in alternation (BM25 top 10; latency p50/p95 after a warm-up), and the
/// top-10 lists compared. Kept for the one measurement in eval/reports/backends.md.
/// <code>dotnet run --project src/ProcedureAssistant.Benchmarks -c Release -- qdrant-clients REST_URL DATASET_DIR [ROUNDS]</code>
/// </summary>
internal static class QdrantClientComparison
{
    private const int WarmUp = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        var rest = new Uri(args[0]);
        var dataset = await BeirDataset.LoadAsync(args[1]);
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var grpc = new UriBuilder(rest) { Port = rest.Port + 1 }.Uri;
        var snapshot = Snapshot(dataset);
        var analyzer = TextAnalyzer.CreateDefault();
        var questions = dataset.Queries.Where(q => dataset.Relevant.ContainsKey(q.Id)).Select(q => analyzer.AnalyzeQuery(q.Text)).ToList();
        Console.WriteLine($"{dataset.Name}: {snapshot.Chunks.Count} chunks, {questions.Count} questions; REST {rest}, gRPC {grpc}; {rounds} builds each");

        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var restOptions = new QdrantOptions { Collection = "pa-clients-rest" };
        var grpcOptions = new QdrantOptions { Collection = "pa-clients-grpc", Endpoint = grpc };
        using var restIndex = new RestQdrantChunkIndex(http, rest, restOptions);
        using var grpcIndex = new QdrantChunkIndex(grpcOptions);
        var indexes = new (string Name, IChunkIndex Index)[] { ("REST", restIndex), ("gRPC", grpcIndex) };
        try
        {
            var builds = indexes.ToDictionary(i => i.Name, _ => new List<double>());
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (name, index) in round % 2 == 0 ? indexes : indexes.Reverse())
                {
                    var watch = Stopwatch.StartNew();
                    await index.ReplaceAsync(snapshot);
                    builds[name].Add(watch.Elapsed.TotalSeconds);
                    Console.WriteLine($"  build {round + 1} {name}: {watch.Elapsed.TotalSeconds:0.00} s = {snapshot.Chunks.Count / watch.Elapsed.TotalSeconds:0} points/s");
                }
            }

            var latencies = indexes.ToDictionary(i => i.Name, _ => new List<double>());
            var same = 0;
            for (var q = 0; q < questions.Count; q++)
            {
                var ids = new List<string>[2];
                for (var k = 0; k < 2; k++)
                {
                    var which = (q + k) % 2;
                    var started = Stopwatch.GetTimestamp();
                    var hits = await indexes[which].Index.SearchAsync(questions[q], 10);
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (q >= WarmUp)
                    {
                        latencies[indexes[which].Name].Add(elapsed);
                    }

                    ids[which] = hits.Select(h => h.Chunk.Id).ToList();
                }

                same += ids[0].SequenceEqual(ids[1]) ? 1 : 0;
            }

            foreach (var (name, _) in indexes)
            {
                var seconds = builds[name].Order().ToList();
                var median = seconds[seconds.Count / 2];
                var l = latencies[name].Order().ToList();
                Console.WriteLine(
                    $"{name}: build median {median:0.00} s ({seconds[0]:0.00}-{seconds[^1]:0.00}) = {snapshot.Chunks.Count / median:0} points/s; " +
                    $"search p50 {Percentile(l, 0.50):0.00} ms p95 {Percentile(l, 0.95):0.00} ms over {l.Count} questions");
            }

            Console.WriteLine($"identical top-10 lists: {same} of {questions.Count}");

            // The transport alone: an empty round trip on each (GET / against the gRPC health check), in alternation.
            using var grpcClient = new global::Qdrant.Client.QdrantClient(grpc);
            var empty = new Dictionary<string, List<double>> { ["REST"] = [], ["gRPC"] = [] };
            for (var i = 0; i < 1000; i++)
            {
                var started = Stopwatch.GetTimestamp();
                if (i % 2 == 0)
                {
                    using var response = await http.GetAsync(rest);
                    await response.Content.ReadAsStringAsync();
                    empty["REST"].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    await grpcClient.HealthAsync();
                    empty["gRPC"].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            foreach (var (name, times) in empty)
            {
                var sorted = times.Skip(WarmUp).Order().ToList();
                Console.WriteLine($"{name}: empty round trip (GET / or health check) p50 {Percentile(sorted, 0.50):0.00} ms p95 {Percentile(sorted, 0.95):0.00} ms");
            }

            return 0;
        }
        finally
        {
            await grpcIndex.DeleteAllAsync();
            await restIndex.DeleteAllAsync();
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    // One article per chunk, as the evaluation indexes a BEIR corpus.
    private static IndexSnapshot Snapshot(BeirDataset dataset)
    {
        var chunks = dataset.Corpus.Select((d, i) => IngestionPipeline.Analyze(
            new Chunk { Id = d.Id, DocumentId = d.Id, Ordinal = i, DocumentType = DocumentType.Regulation, Title = string.IsNullOrWhiteSpace(d.Title) ? d.Id : d.Title, Text = d.Text },
            [])).ToList();
        return new IndexSnapshot(TextAnalyzer.Version, dataset.Corpus.Select(d => d.ToCorpusDocument()).ToList(), chunks);
    }
}
