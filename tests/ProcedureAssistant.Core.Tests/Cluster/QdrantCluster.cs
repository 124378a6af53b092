using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Core.Tests.Cluster;

/// <summary>
/// A Qdrant cluster on loopback, for tests: nodes started by <c>../shared/qdrant/run-qdrant.sh</c> (the pinned 1.16.3
/// binary) in temporary folders, on ports free at the time, the first with <c>--uri</c> and the others with
/// <c>--bootstrap</c> (../shared/qdrant/CLUSTER.md). A node can be killed (SIGKILL, nothing saved on the way out) and
/// started again on its own folder. Disposing stops every node and deletes the folders; should the test process die
/// first (killed by a hang timeout), a watchdog shell does the same, so that no node outlives the run.
/// </summary>
internal sealed class QdrantCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly string _root;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Process? _watchdog;

    private QdrantCluster(string root, IReadOnlyList<Node> nodes)
    {
        _root = root;
        Nodes = nodes;
    }

    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>The launcher script beside the repository, or null when ../shared is not there.</summary>
    public static string? Script =>
        Path.GetFullPath(Path.Combine(SharedData.RepositoryRoot, "..", "shared", "qdrant", "run-qdrant.sh")) is var path && File.Exists(path) ? path : null;

    /// <summary>Starts <paramref name="count"/> nodes and waits until every one sees all the others.</summary>
    public static async Task<QdrantCluster> StartAsync(int count, CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("pa-qdrant-cluster-").FullName;
        var ports = FreePorts(count);
        var nodes = Enumerable.Range(0, count).Select(i => new Node(i, Path.Combine(root, "n" + i), ports[i].Http, ports[i].P2p)).ToList();
        var cluster = new QdrantCluster(root, nodes);
        cluster._watchdog = Watchdog(root);
        try
        {
            foreach (var node in nodes)
            {
                // The first node founds the cluster; the others join through it.
                await RunAsync(node, node.Index == 0 ? ["--uri", node.P2pUri] : ["--uri", node.P2pUri, "--bootstrap", nodes[0].P2pUri], cancellationToken);
            }

            await cluster.WaitAsync(async () => await cluster.PeersAsync(nodes[^1]) == count, $"{count} peers", cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the node's process outright (SIGKILL).</summary>
    public static void Kill(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var process = Process.GetProcessById(node.Pid);
        process.Kill();
        process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    /// <summary>Starts a killed node again on its own folder, through <paramref name="via"/>, a node that is up.</summary>
    public static Task RestartAsync(Node node, Node via, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(via);
        return RunAsync(node, ["--uri", node.P2pUri, "--bootstrap", via.P2pUri], cancellationToken);
    }

    /// <summary>How many peers the node knows of (its <c>/cluster</c>), or 0 when it does not answer.</summary>
    public async Task<int> PeersAsync(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var cluster = await GetAsync(node, "/cluster");
        return cluster is { } json && json.TryGetProperty("result", out var result) ? result.GetProperty("peers").EnumerateObject().Count() : 0;
    }

    /// <summary>
    /// The state of every replica of every shard of the collection as the node sees it (its own and the remote
    /// ones), e.g. <c>Active</c>, <c>Dead</c>, <c>Partial</c>; empty when the node does not answer.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReplicaStatesAsync(Node node, string collection)
    {
        ArgumentNullException.ThrowIfNull(node);
        var info = await GetAsync(node, $"/collections/{Uri.EscapeDataString(collection)}/cluster");
        if (info is not { } json || !json.TryGetProperty("result", out var result))
        {
            return [];
        }

        return result.GetProperty("local_shards").EnumerateArray().Concat(result.GetProperty("remote_shards").EnumerateArray())
            .Select(shard => shard.GetProperty("state").GetString() ?? "?")
            .ToList();
    }

    /// <summary>Waits until <paramref name="reached"/> holds, or fails saying what was awaited.</summary>
    public async Task WaitAsync(Func<Task<bool>> reached, string what, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(reached);
        var watch = Stopwatch.StartNew();
        while (!await reached())
        {
            if (watch.Elapsed > (timeout ?? StartTimeout))
            {
                throw new TimeoutException($"The Qdrant cluster did not reach {what} within {(timeout ?? StartTimeout).TotalSeconds:0} s. Logs: {_root}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_watchdog is { } watchdog)
        {
            watchdog.Kill();
            watchdog.Dispose();
        }

        foreach (var node in Nodes)
        {
            try
            {
                if (node.Pid > 0)
                {
                    using var process = Process.GetProcessById(node.Pid);
                    process.Kill();
                    await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
                }
            }
            catch (ArgumentException)
            {
                // Not running (killed by the test and not restarted).
            }
        }

        _http.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    // Waits for this process to end, then kills whatever node pid files the folder holds and deletes it.
    private static Process Watchdog(string root)
    {
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 2; done; " +
            $"for f in '{root}'/n*/qdrant.pid; do [ -f \"$f\" ] && kill -9 \"$(cat \"$f\")\" 2>/dev/null; done; rm -rf '{root}'";
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        return Process.Start(start)!;
    }

    private static async Task RunAsync(Node node, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Script!, node.Folder, node.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["QDRANT_P2P_PORT"] = node.P2pPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment.Remove("QDRANT_API_KEY");
        using var launcher = Process.Start(start)!;
        var output = launcher.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = launcher.StandardError.ReadToEndAsync(cancellationToken);
        await launcher.WaitForExitAsync(cancellationToken).WaitAsync(StartTimeout, cancellationToken);
        if (launcher.ExitCode != 0)
        {
            var log = Path.Combine(node.Folder, "qdrant.log");
            throw new InvalidOperationException(
                $"Qdrant node {node.Index} did not start ({await output}{await errors}):\n" + (File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "(no log)"));
        }

        node.Pid = int.Parse(await File.ReadAllTextAsync(Path.Combine(node.Folder, "qdrant.pid"), cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<JsonElement?> GetAsync(Node node, string path)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(node.RestUrl, path));
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    // For each node an HTTP port whose successor (gRPC) is free too, and a peer port; all distinct.
    private static List<(int Http, int P2p)> FreePorts(int count)
    {
        var taken = new HashSet<int>();
        var result = new List<(int, int)>();
        while (result.Count < count)
        {
            var http = FreePort();
            if (!taken.Add(http) || !taken.Add(http + 1) || !IsFree(http + 1))
            {
                continue;
            }

            int p2p;
            do
            {
                p2p = FreePort();
            }
            while (!taken.Add(p2p));
            result.Add((http, p2p));
        }

        return result;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>One node: its folder, its HTTP port (gRPC is the next one) and its peer port.</summary>
    internal sealed record Node(int Index, string Folder, int HttpPort, int P2pPort)
    {
        public int Pid { get; set; }

        public Uri RestUrl => new($"http://127.0.0.1:{HttpPort}");

        public Uri GrpcEndpoint => new($"http://127.0.0.1:{HttpPort + 1}");

        public string P2pUri => $"http://127.0.0.1:{P2pPort}";
    }
}
