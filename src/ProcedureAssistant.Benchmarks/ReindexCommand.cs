using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Benchmarks;

/// <summary>
/// <c>reindex --chunks N [--work DIR]</c>: rebuilds the embedded index that <c>scale</c> left in the work folder, in
/// full, while one client keeps asking the benchmark questions: the latency of those questions during the build,
/// whether each was answered (and by which version), the process's resident memory sampled every 250 ms and its
/// peak (the kernel's high-water mark), and the build's duration.
/// </summary>
internal static class ReindexCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(Arguments arguments, CancellationToken cancellationToken)
    {
        var chunks = arguments.Integer("chunks");
        var work = Path.GetFullPath(arguments.Text("work", Path.Combine(Path.GetTempPath(), "pa-scale")));
        var folder = Path.Combine(work, $"embedded-{chunks}");
        var corpus = await ScaleCorpus.LoadAsync(SharedFolder.Shared(), cancellationToken);
        var analyzer = TextAnalyzer.CreateDefault();
        var questions = corpus.Questions(arguments.Integer("questions", 300)).Select(q => analyzer.AnalyzeQuery(q.Text)).ToList();

        using var index = EmbeddedChunkIndex.InFolder(folder);
        var before = await index.GetInfoAsync(cancellationToken) ?? throw new InvalidOperationException($"No embedded index in {folder}: run scale --chunks {chunks} --engines embedded first.");
        GC.Collect();
        var residentBefore = ProcessMemory.Resident();
        Console.WriteLine($"reindex: version {before.Version} live, {before.ChunkCount} chunks; {residentBefore / 1048576.0:F0} MB resident; load average {File.ReadAllText("/proc/loadavg").Trim()}");

        var build = Stopwatch.StartNew();
        var rebuilding = Task.Run(
            () => index.ReplaceAsync(new IndexSnapshot(TextAnalyzer.Version, corpus.Documents(chunks), corpus.Chunks(chunks)), cancellationToken),
            cancellationToken);
        var latencies = new List<double>();
        var answeredByOld = 0;
        var answeredByNew = 0;
        var errors = new List<string>();
        var samples = new List<double>();
        var sampler = Task.Run(
            async () =>
            {
                while (!rebuilding.IsCompleted)
                {
                    samples.Add(ProcessMemory.Resident() / 1048576.0);
                    await Task.Delay(250, cancellationToken);
                }
            },
            cancellationToken);
        for (var i = 0; !rebuilding.IsCompleted; i++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var version = (await index.GetInfoAsync(cancellationToken))!.Version;
                var hits = await index.SearchAsync(questions[i % questions.Count], 10, cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                _ = version == before.Version ? answeredByOld++ : answeredByNew++;
                if (hits.Count == 0 && !questions[i % questions.Count].IsEmpty)
                {
                    errors.Add($"question {i % questions.Count}: no hits");
                }
            }
            catch (Exception ex) when (ex is IndexUnavailableException or IOException or InvalidDataException)
            {
                errors.Add(ex.Message);
            }
        }

        var after = await rebuilding;
        build.Stop();
        await sampler;
        var result = new
        {
            Chunks = chunks,
            Date = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            LoadAverage = File.ReadAllText("/proc/loadavg").Trim(),
            BuildSeconds = build.Elapsed.TotalSeconds,
            AnalysisSeconds = corpus.AnalysisTime.TotalSeconds,
            VersionBefore = before.Version,
            VersionAfter = after.Version,
            QuestionsDuringBuild = latencies.Count,
            AnsweredByOldVersion = answeredByOld,
            AnsweredByNewVersion = answeredByNew,
            Errors = errors.Count,
            FirstErrors = errors.Take(5).ToList(),
            LatencyDuringBuild = Latencies.Of(latencies),
            ResidentMBBefore = residentBefore / 1048576.0,
            ResidentMBMaxSampled = samples.Count == 0 ? 0 : samples.Max(),
            PeakResidentMB = ProcessMemory.Peak() / 1048576.0,
            ResidentMBAfter = ProcessMemory.Resident() / 1048576.0,
        };
        var json = JsonSerializer.Serialize(result, Indented);
        var reports = Path.Combine(SharedFolder.Repository(), "eval", "reports", "scale");
        Directory.CreateDirectory(reports);
        await File.WriteAllTextAsync(Path.Combine(reports, $"reindex-{chunks}.json"), json, cancellationToken);
        Console.WriteLine(json);
        return errors.Count == 0 ? 0 : 1;
    }
}
