using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Benchmarks;

/// <summary>
/// Drives a running API server (started with <c>dotnet run</c>, not a test host) for eval/reports/reliability.md:
/// <list type="bullet">
/// <item><c>load</c>: opens <c>--conversations</c> conversations, then asks from <c>--clients</c> clients for
/// <c>--seconds</c> seconds (questions from eval/questions.jsonl, follow-ups in open conversations), optionally
/// starting a full re-index after <c>--reindex-at</c> seconds; prints errors, p50/p95/p99/max during and after the
/// re-index, the longest stall (no answer completed for that long) and the server's peak memory.</item>
/// <item><c>first-answer</c>: waits for <c>/health/ready</c>, then asks one question: the time from <c>--since</c>
/// (the server's launch, Unix ms) to ready and to the first answer.</item>
/// <item><c>bombs</c>: sends the zip and HTML bombs and an oversized question; prints each status, time and the
/// server's peak memory after it.</item>
/// </list>
/// The server's memory is read from /proc/<c>--pid</c>/status (VmRSS now, VmHWM the peak since it started).
/// </summary>
internal static class LoadDriver
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options(args);
        using var http = new HttpClient { BaseAddress = new Uri(options.GetValueOrDefault("url", "http://127.0.0.1:5090")), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Admin-Key", options.GetValueOrDefault("admin-key", "load-test-key"));
        var pid = options.TryGetValue("pid", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : (int?)null;
        return args[0] switch
        {
            "load" => await LoadAsync(http, options, pid),
            "first-answer" => await FirstAnswerAsync(http, long.Parse(options["since"], CultureInfo.InvariantCulture)),
            "bombs" => await BombsAsync(http, pid),
            _ => throw new ArgumentException($"unknown mode '{args[0]}': load, first-answer or bombs"),
        };
    }

    private static async Task<int> LoadAsync(HttpClient http, Dictionary<string, string> options, int? pid)
    {
        var clients = int.Parse(options.GetValueOrDefault("clients", "8"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(options.GetValueOrDefault("seconds", "60"), CultureInfo.InvariantCulture);
        var conversations = int.Parse(options.GetValueOrDefault("conversations", "20000"), CultureInfo.InvariantCulture);
        var reindexAt = options.TryGetValue("reindex-at", out var r) ? int.Parse(r, CultureInfo.InvariantCulture) : -1;
        var questions = File.ReadLines(options.GetValueOrDefault("questions", "eval/questions.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("question").GetString()!)
            .ToArray();
        var errors = new List<string>();
        var gate = new Lock();

        // 1. Open the conversations, as many clients at once.
        var opening = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < conversations)
            {
                var (status, _) = await AskAsync(http, questions[i % questions.Length], $"load-{i}");
                if (status != 200)
                {
                    lock (gate)
                    {
                        errors.Add($"opening {i}: {status}");
                    }
                }
            }
        }));
        Console.WriteLine($"opened {conversations} conversations in {opening.Elapsed.TotalSeconds:0.0} s; errors: {errors.Count}; server {Memory(pid)}");

        // 2. Ask for the given time; each sample is (completed at, latency, during re-index).
        var samples = new List<(double At, double Ms, bool Reindexing)>();
        var clock = Stopwatch.StartNew();
        var reindexing = false;
        string? job = null;
        var reindex = reindexAt < 0 ? Task.CompletedTask : Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(reindexAt));
            using var started = await http.PostAsJsonAsync("/api/admin/reindex", new { mode = "full" });
            job = started.Headers.Location?.OriginalString;
            reindexing = job is not null;
            Console.WriteLine($"re-index at {clock.Elapsed.TotalSeconds:0.0} s: {(int)started.StatusCode} {job}");
            while (job is not null)
            {
                var state = (await http.GetFromJsonAsync<JsonElement>(job)).GetProperty("state").GetString();
                if (state is "succeeded" or "failed" or "cancelled")
                {
                    Console.WriteLine($"re-index {state} at {clock.Elapsed.TotalSeconds:0.0} s");
                    break;
                }

                await Task.Delay(100);
            }

            reindexing = false;
        });
        var peak = 0L;
        var sampler = Task.Run(async () =>
        {
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                peak = Math.Max(peak, Rss(pid));
                await Task.Delay(500);
            }
        });
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var random = new Random(client);
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                var conversation = $"load-{random.Next(conversations)}";
                var question = random.Next(4) == 0 ? "còn lệ phí thì sao?" : questions[random.Next(questions.Length)];
                var during = reindexing;
                var started = clock.Elapsed.TotalMilliseconds;
                var (status, _) = await AskAsync(http, question, conversation);
                var ended = clock.Elapsed.TotalMilliseconds;
                lock (gate)
                {
                    samples.Add((ended / 1000, ended - started, during || reindexing));
                    if (status != 200)
                    {
                        errors.Add($"{status} for '{question}'");
                    }
                }
            }
        }));
        await reindex;
        await sampler;

        var ordered = samples.OrderBy(s => s.At).ToList();
        var stall = ordered.Zip(ordered.Skip(1), (a, b) => b.At - a.At).DefaultIfEmpty(0).Max();
        Console.WriteLine($"asked {samples.Count} questions in {seconds} s from {clients} clients ({samples.Count / (double)seconds:0.0}/s); errors: {errors.Count}");
        foreach (var error in errors.Take(10))
        {
            Console.WriteLine("  " + error);
        }

        Console.WriteLine($"all:               {Percentiles(samples.Select(s => s.Ms))}");
        if (reindexAt >= 0)
        {
            Console.WriteLine($"during re-index:   {Percentiles(samples.Where(s => s.Reindexing).Select(s => s.Ms))}");
            var end = samples.Where(s => s.Reindexing).Select(s => s.At).DefaultIfEmpty(0).Max();
            Console.WriteLine($"after re-index:    {Percentiles(samples.Where(s => !s.Reindexing && s.At > end).Select(s => s.Ms))}");
        }

        Console.WriteLine($"longest stall (no answer completed): {stall * 1000:0} ms; longest single answer: {samples.Select(s => s.Ms).DefaultIfEmpty(0).Max():0} ms");
        Console.WriteLine($"server memory: peak RSS sampled {peak / 1024.0 / 1024:0} MB; {Memory(pid)}");
        return errors.Count == 0 ? 0 : 1;
    }

    private static async Task<int> FirstAnswerAsync(HttpClient http, long since)
    {
        var launched = DateTimeOffset.FromUnixTimeMilliseconds(since);
        TimeSpan? listening = null;
        while (true)
        {
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                listening ??= DateTimeOffset.UtcNow - launched;
                if (ready.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(20);
        }

        var readyAt = DateTimeOffset.UtcNow - launched;
        Console.WriteLine($"listening {listening?.TotalSeconds:0.00} s after launch (what dotnet run and the host take), ready {(readyAt - listening)?.TotalSeconds:0.00} s later");
        var asked = Stopwatch.StartNew();
        var (status, _) = await AskAsync(http, "làm giấy khai sinh cho con cần gì", null);
        Console.WriteLine($"ready {readyAt.TotalSeconds:0.00} s after launch; first answer ({status}) took {asked.ElapsedMilliseconds} ms, {(DateTimeOffset.UtcNow - launched).TotalSeconds:0.00} s after launch");
        return status == 200 ? 0 : 1;
    }

    private static async Task<int> BombsAsync(HttpClient http, int? pid)
    {
        var bombs = new (string Name, Func<HttpContent> Content, string Url)[]
        {
            ("docx zip bomb: 1 GiB of text", () => Form("bomb.docx", UploadBombs.Docx(1L << 30)), "/api/admin/documents"),
            ("docx lying about its size: 200 MB declared as 100 bytes", () => Form("liar.docx", UploadBombs.DocxDeclaringSmallerSize(200_000_000)), "/api/admin/documents"),
            ("docx of 1.9 M characters in one text node", () => Form("long.docx", UploadBombs.Docx(1_900_000)), "/api/admin/documents"),
            ("html nested 300,000 div deep", () => Form("deep.html", UploadBombs.NestedHtml(300_000)), "/api/admin/documents"),
            ("question body of 30 MB", () => new StringContent("{\"question\":\"" + new string('a', 30_000_000) + "\"}", Encoding.UTF8, "application/json"), "/api/ask"),
        };
        Console.WriteLine($"server before: {Memory(pid)}");
        foreach (var (name, content, url) in bombs)
        {
            // Expect: 100-continue lets a server that refuses the body say so before it is sent.
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content() };
            request.Headers.ExpectContinue = true;
            var clock = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request);
            }
            catch (HttpRequestException ex)
            {
                Console.WriteLine($"{name}: the server closed the connection after {clock.ElapsedMilliseconds} ms ({ex.InnerException?.Message ?? ex.Message}); server {Memory(pid)}");
                continue;
            }

            using var _ = response;
            var text = await response.Content.ReadAsStringAsync();
            var limit = response.StatusCode is System.Net.HttpStatusCode.RequestEntityTooLarge or System.Net.HttpStatusCode.UnprocessableEntity && text.Contains("\"limit\"", StringComparison.Ordinal)
                ? JsonDocument.Parse(text).RootElement.GetProperty("limit").GetString()
                : null;
            Console.WriteLine($"{name}: {(int)response.StatusCode} {limit} in {clock.ElapsedMilliseconds} ms; server {Memory(pid)}");
        }

        return 0;
    }

    private static async Task<(int Status, JsonElement Body)> AskAsync(HttpClient http, string question, string? conversationId)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("/api/ask", new { question, conversationId });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return ((int)response.StatusCode, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return (0, default);
        }
    }

    private static MultipartFormDataContent Form(string fileName, byte[] content)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        form.Add(new StringContent("regulation"), "type");
        form.Add(new StringContent("Nghị định thử giới hạn " + fileName), "title");
        form.Add(new StringContent("thu-" + Path.GetFileNameWithoutExtension(fileName)), "id");
        return form;
    }

    private static string Percentiles(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return "no samples";
        }

        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return $"n={sorted.Length} p50={At(0.50):0} ms p95={At(0.95):0} ms p99={At(0.99):0} ms max={sorted[^1]:0} ms";
    }

    private static long Rss(int? pid) => pid is null ? 0 : ProcessMemory.Resident($"/proc/{pid}/status") ?? 0;

    private static string Memory(int? pid) =>
        pid is null
            ? "memory not read (no --pid)"
            : $"RSS {ProcessMemory.Resident($"/proc/{pid}/status") / 1024.0 / 1024:0} MB, peak (VmHWM) {ProcessMemory.Peak($"/proc/{pid}/status") / 1024.0 / 1024:0} MB";

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }
}
