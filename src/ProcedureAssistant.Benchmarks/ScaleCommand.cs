using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Benchmarks;

/// <summary>
/// <c>scale --chunks N [--engines embedded,lucene,qdrant] [--questions 300] [--work DIR]</c>: builds an index of N
/// chunks of <see cref="ScaleCorpus"/> in each engine, one engine at a time, then measures it: ingest throughput from
/// text to a durable index (analysis included: every engine reads the same analysed chunks, on every core), the
/// load time and resident memory
/// of a fresh process opening it, its size on disk, single-threaded search latency and the throughput of two
/// concurrent clients over the benchmark sets' questions (as typed and without diacritics, top 10), and how far each
/// engine's top ten agree with the embedded index's. Ends with one line per engine; the full results go to
/// <c>eval/reports/scale/</c>.
/// </summary>
internal static class ScaleCommand
{
    public static async Task<int> RunAsync(Arguments arguments, CancellationToken cancellationToken)
    {
        var chunks = arguments.Integer("chunks");
        var engines = arguments.List("engines", "embedded,lucene,qdrant");
        var work = Path.GetFullPath(arguments.Text("work", Path.Combine(Path.GetTempPath(), "pa-scale")));
        var reports = Path.Combine(SharedFolder.Repository(), "eval", "reports", "scale");
        Directory.CreateDirectory(work);
        Directory.CreateDirectory(reports);

        var corpus = await ScaleCorpus.LoadAsync(SharedFolder.Shared(), cancellationToken);
        var questions = corpus.Questions(arguments.Integer("questions", 300));
        if (chunks > corpus.BaseChunkCount)
        {
            corpus.CheckCopies(300);
        }

        var questionsFile = Path.Combine(work, "questions.json");
        await File.WriteAllTextAsync(questionsFile, JsonSerializer.Serialize(questions.Select(q => q.Text)), cancellationToken);
        Console.WriteLine(
            $"corpus: {corpus.BaseChunkCount} chunks in {corpus.BaseDocumentCount} documents of real text; {chunks} chunks asked" +
            (chunks > corpus.BaseChunkCount ? $" (the real texts {chunks / (double)corpus.BaseChunkCount:F1} times: copies with new ids and shuffled sentences)" : string.Empty) +
            $"; {questions.Count} questions ({questions.Count / 2} as typed, {questions.Count / 2} without diacritics)");
        Console.WriteLine($"machine: load average {File.ReadAllText("/proc/loadavg").Trim()}, {Environment.ProcessorCount} cores, {Available()} MB available");

        var lines = new List<string>();
        foreach (var name in engines)
        {
            var result = await RunEngineAsync(name, chunks, corpus, questions.Count, questionsFile, work, arguments, cancellationToken);
            if (result is null)
            {
                continue;
            }

            result = result with { Agreement = Agreement(work, chunks, name) };
            await File.WriteAllTextAsync(Path.Combine(reports, $"{chunks}-{name}.json"), JsonSerializer.Serialize(result, Indented), cancellationToken);
            lines.Add(result.Line());
            Console.WriteLine($"{name}: {JsonSerializer.Serialize(result with { }, Indented)}");
        }

        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }

        return 0;
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static async Task<ScaleResult?> RunEngineAsync(
        string name, int chunks, ScaleCorpus corpus, int questionCount, string questionsFile, string work, Arguments arguments, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(work, $"{name}-{chunks}");
        IScaleEngine engine;
        switch (name)
        {
            case "embedded":
                engine = new EmbeddedEngine(folder);
                break;
            case "lucene":
                engine = new LuceneEngine(folder);
                break;
            case "qdrant" when Environment.GetEnvironmentVariable("QDRANT_URL") is { Length: > 0 } url:
                var server = Environment.GetEnvironmentVariable("QDRANT_DIR");
                engine = new QdrantEngine(new Uri(url), $"scale-{chunks}", server, Path.Combine(SharedFolder.Shared(), "qdrant", "run-qdrant.sh"));
                break;
            case "qdrant":
                Console.WriteLine("engine=qdrant skipped: QDRANT_URL is not set (start one with ../shared/qdrant/run-qdrant.sh DIR PORT, then QDRANT_URL=http://127.0.0.1:PORT QDRANT_DIR=DIR)");
                return null;
            default:
                throw new ArgumentException($"--engines: '{name}' is not one of embedded, lucene, qdrant.");
        }

        await using (engine)
        {
            var loadAverage = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            var analysedBefore = corpus.AnalysisTime;
            var started = Stopwatch.GetTimestamp();
            if (!arguments.Flag("reuse"))
            {
                await engine.IngestAsync(corpus, chunks, cancellationToken);
            }

            var ingestSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var analysisSeconds = (corpus.AnalysisTime - analysedBefore).TotalSeconds;
            var disk = engine.DiskBytes();
            Console.WriteLine($"{name}: ingested in {ingestSeconds:F1} s (analysing the chunks took {analysisSeconds:F1} s of processor time over all threads), {disk / 1048576.0:F1} MB on disk");

            ServeResult serve;
            if (engine is QdrantEngine qdrant)
            {
                serve = await ServeQdrantAsync(qdrant, questionsFile, cancellationToken);
            }
            else
            {
                var output = Path.Combine(work, $"serve-{name}-{chunks}.json");
                var child = new List<string> { "serve", "--engine", name, "--path", folder, "--questions", questionsFile, "--out", output };
                if (name == "embedded")
                {
                    child.AddRange(["--rerank", "--updates", "5"]);
                    if (chunks > arguments.Integer("vocabulary-limit", 200_000))
                    {
                        child.Add("--base-vocabulary");
                    }
                }

                await RunChildAsync(child, cancellationToken);
                serve = JsonSerializer.Deserialize<ServeResult>(await File.ReadAllTextAsync(output, cancellationToken))!;
            }

            await File.WriteAllTextAsync(Path.Combine(work, $"top10-{name}-{chunks}.json"), JsonSerializer.Serialize(serve.TopTen), cancellationToken);

            // --reuse measures an index built by an earlier run again: its ingest figures stay those of that run.
            var previousFile = Path.Combine(SharedFolder.Repository(), "eval", "reports", "scale", $"{chunks}-{name}.json");
            var previous = arguments.Flag("reuse") && File.Exists(previousFile) ? JsonSerializer.Deserialize<ScaleResult>(await File.ReadAllTextAsync(previousFile, cancellationToken)) : null;
            return new ScaleResult
            {
                Engine = name,
                Chunks = chunks,
                Questions = questionCount,
                Date = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                LoadAverageAtStart = previous?.LoadAverageAtStart ?? loadAverage,
                IngestSeconds = previous?.IngestSeconds ?? ingestSeconds,
                AnalysisSeconds = previous?.AnalysisSeconds ?? analysisSeconds,
                IngestPerSecond = previous?.IngestPerSecond ?? chunks / ingestSeconds,
                DiskMB = previous?.DiskMB ?? (disk is { } bytes ? bytes / 1048576.0 : null),
                Serve = serve with { TopTen = [] },
            };
        }
    }

    private static async Task<ServeResult> ServeQdrantAsync(QdrantEngine engine, string questionsFile, CancellationToken cancellationToken)
    {
        var analyzer = TextAnalyzer.CreateDefault();
        var terms = JsonSerializer.Deserialize<List<string>>(await File.ReadAllTextAsync(questionsFile, cancellationToken))!.Select(q => analyzer.AnalyzeQuery(q)).ToList();
        var started = Stopwatch.GetTimestamp();
        await engine.OpenAsync(cancellationToken);
        var load = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var afterLoad = engine.ResidentBytes();
        var (search, topTen, qps) = await ServeCommand.MeasureAsync(engine, terms, cancellationToken);
        return new ServeResult
        {
            LoadSeconds = Environment.GetEnvironmentVariable("QDRANT_DIR") is null ? double.NaN : load,
            ResidentMBAfterLoad = afterLoad / 1048576.0 ?? double.NaN,
            ResidentMBAfterSearches = engine.ResidentBytes() / 1048576.0 ?? double.NaN,
            Search = search,
            QueriesPerSecondAt2 = qps,
            TopTen = topTen,
        };
    }

    private static async Task RunChildAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ScaleCommand).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The measuring process exited with {process.ExitCode}.");
        }
    }

    // Each engine's top ten against the embedded index's, question by question.
    private static ScaleAgreement? Agreement(string work, int chunks, string name)
    {
        var ours = Path.Combine(work, $"top10-embedded-{chunks}.json");
        var theirs = Path.Combine(work, $"top10-{name}-{chunks}.json");
        if (name == "embedded" || !File.Exists(ours) || !File.Exists(theirs))
        {
            return null;
        }

        var a = JsonSerializer.Deserialize<List<List<string>>>(File.ReadAllText(ours))!;
        var b = JsonSerializer.Deserialize<List<List<string>>>(File.ReadAllText(theirs))!;
        var pairs = a.Zip(b).ToList();
        return new ScaleAgreement(
            pairs.Average(p => p.First.Count == 0 ? 1 : p.First.Intersect(p.Second).Count() / (double)Math.Max(p.First.Count, p.Second.Count)),
            pairs.Count(p => p.First.ToHashSet().SetEquals(p.Second)) / (double)pairs.Count,
            pairs.Count(p => p.First.SequenceEqual(p.Second)) / (double)pairs.Count,
            pairs.Count(p => p.First.FirstOrDefault() == p.Second.FirstOrDefault()) / (double)pairs.Count);
    }

    private static long Available() =>
        long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}

/// <summary>How far an engine's top ten agree with the embedded index's: mean overlap, same set, same order, same first hit (shares of questions).</summary>
internal sealed record ScaleAgreement(double MeanOverlap, double SameSet, double SameOrder, double SameFirst);

/// <summary>One engine's figures at one corpus size.</summary>
internal sealed record ScaleResult
{
    public required string Engine { get; init; }

    public int Chunks { get; init; }

    public int Questions { get; init; }

    public string Date { get; init; } = string.Empty;

    public string LoadAverageAtStart { get; init; } = string.Empty;

    public double IngestSeconds { get; init; }

    public double AnalysisSeconds { get; init; }

    public double IngestPerSecond { get; init; }

    public double? DiskMB { get; init; }

    public ServeResult Serve { get; init; } = new();

    public ScaleAgreement? Agreement { get; init; }

    public string Line() => string.Create(
        CultureInfo.InvariantCulture,
        $"engine={Engine} chunks={Chunks} ingestPerSec={IngestPerSecond:F0} loadSeconds={Serve.LoadSeconds:F2} rssMB={Serve.ResidentMBAfterLoad:F0} diskMB={DiskMB:F0} p50Ms={Serve.Search.P50:F2} p95Ms={Serve.Search.P95:F2} p99Ms={Serve.Search.P99:F2} qps2={Serve.QueriesPerSecondAt2:F1}");
}
