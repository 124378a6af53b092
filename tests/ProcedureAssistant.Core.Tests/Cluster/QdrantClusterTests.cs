using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Qdrant;
using ProcedureAssistant.Core.Ingestion;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;
using ProcedureAssistant.Lab;
using ProcedureAssistant.Lab.Evaluation;

namespace ProcedureAssistant.Core.Tests.Cluster;

/// <summary>
/// The service on a three-node Qdrant cluster that loses a node. The national catalogue (the 2,642 national-portal
/// procedure records as BEIR articles, ../shared/benchmarks/tthc-national) is indexed into collections of 3 shards
/// with 2 replicas each, writes confirmed by one replica (Qdrant:WriteConsistencyFactor 1, see QdrantOptions: a
/// write never waits on a dead node, and the replica that missed it is rebuilt from a live one when it comes back).
/// The service talks to node 1; node 0, the one that founded the cluster, is killed while the real questions of the
/// set are answered in a loop, and a full re-index and an incremental update run during the outage; then node 0 is
/// started again. No answer may fail or differ from the answer before the outage, no point may be lost, the re-index
/// must succeed or fail leaving the old alias answering, the update (which rewrites records as they are) must go
/// through, and node 0 must rejoin with every replica active again, the ones that missed the update rebuilt.
/// Runs when <c>QDRANT_CLUSTER=1</c> (CI sets it); bounded to <see cref="Bound"/> of asking and about four minutes in all.
/// The figures go to the test output and, with <c>QDRANT_CLUSTER_REPORT</c>, to that file.
/// </summary>
public sealed class QdrantClusterTests
{
    /// <summary>Longest the question loop runs; it also stops after <see cref="MaxQuestions"/> answers.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);
    private const int MaxQuestions = 5_000;

    /// <summary>
    /// The whole test's budget (about four minutes on a quiet machine): past it the test fails saying so, before the
    /// run's ten-minute hang limit would kill the test process.
    /// </summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(9);

    private CancellationToken _token;

    // The test's own token: cancelled by the runner, or once the budget is spent.
    private CancellationToken Token => _token.CanBeCanceled ? _token : TestContext.Current.CancellationToken;

    [Fact]
    public async Task NodeLost_WhileQuestionsRunAndAReindexRuns_CostsNoAnswerAndNoPoint()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("QDRANT_CLUSTER") == "1", "Set QDRANT_CLUSTER=1 to run the three-node cluster test (CI does; it starts three Qdrant processes and takes a few minutes).");
        Assert.SkipWhen(QdrantCluster.Script is null, "../shared/qdrant/run-qdrant.sh is not present: the cluster test starts its nodes with it.");
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        budget.CancelAfter(Budget);
        _token = budget.Token;
        try
        {
            await RunAsync();
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"The cluster test ran past its budget of {Budget.TotalMinutes:0} minutes (machine load {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?")}).");
        }
    }

    private async Task RunAsync()
    {
        var dataset = await BeirDataset.LoadAsync(SharedData.Benchmark("tthc-national"), cancellationToken: Token);
        var report = new StringBuilder();
        void Note(string line)
        {
            report.AppendLine(line);
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }

        await using var cluster = await QdrantCluster.StartAsync(3, Token);
        var (entry, lost) = (cluster.Nodes[1], cluster.Nodes[0]);
        var alias = "pa-cluster-" + Guid.NewGuid().ToString("N")[..8];
        using var host = ServiceHost(entry, alias);
        var index = (QdrantChunkIndex)host.Services.GetRequiredService<IChunkIndex>();
        var evaluator = host.Services.GetRequiredService<RetrievalEvaluator>();
        var answers = host.Services.GetRequiredService<AnswerService>();
        using var connection = new QdrantConnection(new QdrantOptions { Endpoint = entry.GrpcEndpoint });

        var indexing = Stopwatch.StartNew();
        await evaluator.FillAsync(index, dataset, Token);
        var built = (await index.GetInfoAsync(Token))!;
        Note($"indexed {built.ChunkCount} records in {indexing.Elapsed.TotalSeconds:0.0} s (3 shards, replication factor 2, write consistency factor 1)");
        var collection = index.CollectionName(built.Version);
        var before = await connection.CountAsync(collection, null, Token);

        // The answer to every question before anything goes wrong: what each later answer must equal.
        var questions = dataset.Queries.Select(q => q.Text).ToList();
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            expected[question] = Fingerprint(await answers.AskAsync(new AskQuery(question), Token));
        }

        // The loop: questions in turn, each answer compared with the expected one, until told to stop or bounded.
        var log = new ConcurrentQueue<(TimeSpan At, bool Failed, bool Differs, string What)>();
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        stop.CancelAfter(Bound);
        var loop = Task.Run(async () =>
        {
            for (var i = 0; i < MaxQuestions && !stop.IsCancellationRequested; i++)
            {
                var question = questions[i % questions.Count];
                try
                {
                    var answer = Fingerprint(await answers.AskAsync(new AskQuery(question), stop.Token));
                    log.Enqueue((clock.Elapsed, false, answer != expected[question], answer != expected[question] ? question : string.Empty));
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    log.Enqueue((clock.Elapsed, true, false, $"{question}: {ex.GetType().Name}: {ex.Message}"));
                }
            }
        }, Token);

        await WaitForAnswersAsync(log, 20);
        QdrantCluster.Kill(lost);
        var outageStart = clock.Elapsed;
        Note($"killed node 0 (the founding node) at {outageStart.TotalSeconds:0.0} s, after {log.Count} answers; the service talks to node 1");

        var duringOutage = await connection.CountAsync(collection, null, Token);
        string reindex;
        try
        {
            var rebuilt = Stopwatch.StartNew();
            await evaluator.FillAsync(index, dataset, Token);
            reindex = $"succeeded in {rebuilt.Elapsed.TotalSeconds:0.0} s (version {(await index.GetInfoAsync(Token))!.Version})";
        }
        catch (Exception ex) when (ex is QdrantException or IndexUnavailableException)
        {
            reindex = $"failed cleanly: {ex.Message}";
            Assert.Equal(built, await index.GetInfoAsync(Token));
            Assert.Equal(collection, await connection.GetAliasTargetAsync(alias, Token));
        }

        Note($"full re-index during the outage: {reindex}");

        // An update during the outage: 30 records rewritten exactly as they are (their points written again, on every
        // shard, under a new revision), so writes reach the shards node 0 holds while it is down and no answer changes.
        var rewritten = new List<CorpusDocument>();
        var chunks = new List<IndexedChunk>();
        foreach (var record in dataset.Corpus.Take(30))
        {
            rewritten.Add((await index.GetDocumentAsync(record.Id, Token))!);
            chunks.AddRange((await index.GetChunksAsync(record.Id, Token)).Select(c => IngestionPipeline.Analyze(c, [])));
        }

        var updated = await index.UpdateAsync(new IndexUpdate(TextAnalyzer.Version, rewritten, chunks, []), Token);
        Note($"incremental update of {rewritten.Count} records during the outage: committed as revision {updated.Version}, content unchanged: {updated.ContentHash == built.ContentHash}");
        var live = await connection.GetAliasTargetAsync(alias, Token) ?? throw new InvalidOperationException("The alias is gone.");
        await WaitForAnswersAsync(log, log.Count + 20);
        var outageEnd = clock.Elapsed;

        var restart = Stopwatch.StartNew();
        await QdrantCluster.RestartAsync(lost, entry, Token);
        await cluster.WaitAsync(async () => await cluster.PeersAsync(lost) == 3, "node 0 back among 3 peers", Token);
        var rejoined = restart.Elapsed;
        await cluster.WaitAsync(
            async () => (await cluster.ReplicaStatesAsync(lost, live)) is { Count: 6 } states && states.All(s => s == "Active"),
            $"all 6 replicas of {live} active as node 0 sees them",
            Token);
        var recovered = restart.Elapsed;
        await WaitForAnswersAsync(log, log.Count + 20);
        await stop.CancelAsync();
        await loop.WaitAsync(Token);
        var after = await connection.CountAsync(live, null, Token);

        var entries = log.ToList();
        var inOutage = entries.Where(e => e.At >= outageStart && e.At < outageEnd).ToList();
        var failed = entries.Where(e => e.Failed).ToList();
        var differing = entries.Where(e => e.Differs).ToList();
        Note($"questions answered: {entries.Count} in {clock.Elapsed.TotalSeconds:0.0} s; during the outage ({(outageEnd - outageStart).TotalSeconds:0.0} s): {inOutage.Count}");
        Note($"errors: {failed.Count}; answers different from before the outage: {differing.Count}");
        Note($"points: {before} before, {duringOutage} during the outage, {after} after (collection {live})");
        Note($"node 0 restarted: back among the peers after {rejoined.TotalSeconds:0.0} s, every replica active after {recovered.TotalSeconds:0.0} s");
        if (Environment.GetEnvironmentVariable("QDRANT_CLUSTER_REPORT") is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, report.ToString(), Token);
        }

        Assert.Empty(failed.Select(e => e.What));
        Assert.Empty(differing.Select(e => e.What));
        Assert.NotEmpty(inOutage);
        Assert.Equal(before, duringOutage);
        Assert.Equal(before, after);
        Assert.Equal(built.ChunkCount + 1, before);
        Assert.Equal(built.ContentHash, updated.ContentHash);
    }

    // What the person asking sees: the answer, whether the service abstained, and what it cites.
    private static string Fingerprint(Answer answer) =>
        string.Join('|', [answer.Text, answer.Abstained.ToString(CultureInfo.InvariantCulture), .. answer.Citations.Select(c => c.ChunkId)]);

    private async Task WaitForAnswersAsync(ConcurrentQueue<(TimeSpan, bool, bool, string)> log, int count)
    {
        var waited = Stopwatch.StartNew();
        while (log.Count < count && waited.Elapsed < Bound)
        {
            await Task.Delay(100, Token);
        }
    }

    private static IHost ServiceHost(QdrantCluster.Node entry, string alias)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["VectorStore:Provider"] = "Qdrant",
            ["Qdrant:Endpoint"] = entry.GrpcEndpoint.ToString(),
            ["Qdrant:Collection"] = alias,
            ["Qdrant:Shards"] = "3",
            ["Qdrant:ReplicationFactor"] = "2",
            ["Qdrant:WriteConsistencyFactor"] = "1",

            // A collection is created only once every node has it: with one down, a re-index gives up after this.
            ["Qdrant:Timeout"] = "00:00:15",
        });
        builder.AddProcedureAssistant();
        builder.Services.AddProcedureAssistantLab();
        return builder.Build();
    }
}
