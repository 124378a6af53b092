using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace ProcedureAssistant.Benchmarks;

/// <summary>
/// <c>load --url http://127.0.0.1:PORT [--clients 1,8,32] [--seconds 60] [--pid PID]</c>: a bounded load test of a
/// running server's <c>POST /api/ask</c> on loopback. Each step runs that many clients, each asking the benchmark
/// questions (as typed and without diacritics) one after another for at most <c>--seconds</c>, then stops by
/// itself. Reports throughput, latency percentiles, errors (any status but 200, or a failed request) and, with
/// <c>--pid</c>, the server's resident memory before and after each step. Only a loopback address is accepted.
/// </summary>
internal static class ApiLoadCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(Arguments arguments, CancellationToken cancellationToken)
    {
        var url = new Uri(arguments.Text("url") ?? throw new ArgumentException("--url is required."));
        if (!url.IsLoopback)
        {
            throw new ArgumentException($"--url must be a loopback address, not {url.Host}: the load test only targets a server on this machine.");
        }

        var seconds = Math.Min(arguments.Integer("seconds", 60), 60);
        var pid = arguments.Text("pid");
        var corpus = await ScaleCorpus.LoadAsync(SharedFolder.Shared(), cancellationToken);
        var questions = corpus.Questions(arguments.Integer("questions", 300)).Select(q => q.Text).ToList();
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        var steps = new List<object>();
        foreach (var clients in arguments.List("clients", "1,8,32").Select(c => int.Parse(c, CultureInfo.InvariantCulture)))
        {
            var memoryBefore = Resident(pid);
            var latencies = new List<double>[clients];
            var errors = new int[clients];
            var statuses = new Dictionary<int, int>[clients];
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stop.CancelAfter(TimeSpan.FromSeconds(seconds));
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
            {
                latencies[client] = [];
                statuses[client] = [];
                for (var i = client * 37; !stop.IsCancellationRequested; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        using var response = await http.PostAsJsonAsync("/api/ask", new { question = questions[i % questions.Count] }, stop.Token);
                        await response.Content.ReadAsByteArrayAsync(stop.Token);
                        var status = (int)response.StatusCode;
                        statuses[client][status] = statuses[client].GetValueOrDefault(status) + 1;
                        if (status != 200)
                        {
                            errors[client]++;
                        }
                        else
                        {
                            latencies[client].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        }
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested)
                    {
                        break;
                    }
                    catch (HttpRequestException)
                    {
                        errors[client]++;
                    }
                }
            })));
            wall.Stop();
            var all = latencies.SelectMany(l => l).ToList();
            var step = new
            {
                Clients = clients,
                Seconds = wall.Elapsed.TotalSeconds,
                Answered = all.Count,
                Errors = errors.Sum(),
                Statuses = statuses.SelectMany(s => s).GroupBy(s => s.Key).ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => g.Sum(s => s.Value)),
                Throughput = all.Count / wall.Elapsed.TotalSeconds,
                Latency = Latencies.Of(all),
                ServerResidentMBBefore = memoryBefore,
                ServerResidentMBAfter = Resident(pid),
            };
            steps.Add(step);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"clients={clients} answered={step.Answered} errors={step.Errors} throughput={step.Throughput:F1}/s p50Ms={step.Latency.P50:F1} p95Ms={step.Latency.P95:F1} p99Ms={step.Latency.P99:F1} serverMB={step.ServerResidentMBBefore:F0}->{step.ServerResidentMBAfter:F0}"));
        }

        var reports = Path.Combine(SharedFolder.Repository(), "eval", "reports", "scale");
        Directory.CreateDirectory(reports);
        var result = new { Url = url.ToString(), Date = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), LoadAverage = File.ReadAllText("/proc/loadavg").Trim(), Steps = steps };
        await File.WriteAllTextAsync(Path.Combine(reports, "api-load.json"), JsonSerializer.Serialize(result, Indented), cancellationToken);
        return 0;
    }

    private static double? Resident(string? pid) => pid is null ? null : ProcessMemory.Resident($"/proc/{pid}/status") / 1048576.0;
}
