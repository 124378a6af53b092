using System.Diagnostics;
using Grpc.Core;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Indexing.Qdrant;
using ProcedureAssistant.Core.Ingestion;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Tests.Indexing;
using ProcedureAssistant.Core.Text;
using Qdrant.Client.Grpc;

namespace ProcedureAssistant.Core.Tests.Ingestion;

/// <summary>
/// Re-indexes killed half-way, for real: the CLI's <c>ingest</c> runs as a child process against the data folder or
/// Qdrant alias of a live index over a copy of the bundled corpus, and is killed with SIGKILL (no clean-up code runs)
/// in the middle of writing. The live index keeps answering, a newly started one finds the old version, and the
/// next ingestion succeeds.
/// </summary>
public sealed class ReindexKillTests : IAsyncDisposable
{
    private const string BirthQuestion = "làm giấy khai sinh cho con cần giấy tờ gì";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TempFolder _corpus = CopyOfBundledCorpus();
    private readonly TempFolder _data = new();
    private readonly QdrantOptions _qdrant = QdrantTestServer.Options(batchSize: 128);
    private readonly TextAnalyzer _analyzer = TextAnalyzer.CreateDefault();
    private bool _usedQdrant;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EmbeddedIngest_KilledWhileWritingTheNewVersion_LeavesTheOldOneAnswering(bool incremental)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "This test stops the writer on a named pipe (mkfifo), which needs a POSIX system.");
        var folder = Path.Combine(_data.Path, "embedded");
        using var live = EmbeddedChunkIndex.InFolder(folder);
        var built = (await TestPipeline.For(live).RunAsync(_corpus.Path, cancellationToken: Token)).Index;
        ChangeEveryDocument();

        // The new version's temporary file is a named pipe: the child blocks in the middle of writing its 1 MB once the
        // pipe's buffer (64 KB) is full, and is killed there. Its advisory file lock is off so that this process can
        // hold the pipe's other end (both ends would take the lock).
        var pipe = Path.Combine(folder, "index-000002.paidx.tmp");
        await MakeFifoAsync(pipe);
        using (var child = CliProcess.Start(Ingest(incremental), new Dictionary<string, string> { ["DOTNET_SYSTEM_IO_DISABLEFILELOCKING"] = "1" }))
        {
            var opened = Task.Run(() => new FileStream(pipe, FileMode.Open, FileAccess.Read), Token);
            await using var reader = await opened.WaitAsync(Patience, Token);
            var head = new byte[8];
            await reader.ReadExactlyAsync(head, Token);
            Assert.Equal("PAIDX\0\0\x01"u8.ToArray(), head);
            await child.KillAsync();
            Assert.Equal(137, child.ExitCode);
        }

        Assert.Equal("index-000001.paidx", await File.ReadAllTextAsync(Path.Combine(folder, "CURRENT"), Token));
        Assert.False(File.Exists(Path.Combine(folder, "index-000002.paidx")));
        await AssertAnswersAsync(live, built);
        File.Delete(pipe);
        using var restarted = EmbeddedChunkIndex.InFolder(folder);
        await AssertAnswersAsync(restarted, built);

        var next = await TestPipeline.For(restarted).RunAsync(_corpus.Path, incremental ? IngestionMode.Incremental : IngestionMode.Full, cancellationToken: Token);
        Assert.Equal((2, built.DocumentCount), (next.Index.Version, next.Changes.Changed));
    }

    [Fact]
    public async Task QdrantIngest_KilledWhileUploading_LeavesTheAliasOnTheOldCollection()
    {
        await RequireQdrantAsync();
        using var live = new QdrantChunkIndex(_qdrant);
        var built = (await TestPipeline.For(live).RunAsync(_corpus.Path, cancellationToken: Token)).Index;
        using var client = QdrantTestServer.Connect(_qdrant);
        var building = live.CollectionName(2);

        using (var child = CliProcess.Start(Ingest(incremental: false), QdrantEnvironment()))
        {
            await WaitUntilAsync(child, async () => await CountOrZeroAsync(client, building, null) > 0);
            await child.KillAsync();
        }

        var written = await client.CountAsync(building, null, Token);
        Assert.InRange(written, 1, built.ChunkCount - 1);
        Assert.Equal(live.CollectionName(1), await client.GetAliasTargetAsync(_qdrant.Collection, Token));
        await AssertAnswersAsync(live, built);
        using (var restarted = new QdrantChunkIndex(_qdrant))
        {
            await AssertAnswersAsync(restarted, built);
        }

        var next = (await TestPipeline.For(live).RunAsync(_corpus.Path, cancellationToken: Token)).Index;
        Assert.Equal(3, next.Version);
        Assert.Equal([live.CollectionName(3)], await QdrantTestServer.BuildCollectionsAsync(_qdrant, Token));
    }

    [Fact]
    public async Task QdrantIncrementalIngest_KilledWhileUploading_KeepsAnsweringAndIsRepairedByTheNextUpdate()
    {
        await RequireQdrantAsync();
        using var live = new QdrantChunkIndex(_qdrant);
        var built = (await TestPipeline.For(live).RunAsync(_corpus.Path, cancellationToken: Token)).Index;
        using var client = QdrantTestServer.Connect(_qdrant);
        var collection = live.CollectionName(1);
        Filter rewritten = Conditions.Match("revision", 2);
        ChangeEveryDocument();

        using (var child = CliProcess.Start(Ingest(incremental: true), QdrantEnvironment()))
        {
            await WaitUntilAsync(child, async () => await CountOrZeroAsync(client, collection, rewritten) > 0);
            await child.KillAsync();
        }

        Assert.InRange(await client.CountAsync(collection, rewritten, Token), 1, built.ChunkCount - 1);
        await AssertAnswersAsync(live, built);
        using var restarted = new QdrantChunkIndex(_qdrant);
        await AssertAnswersAsync(restarted, built);
        Assert.Contains((await restarted.ListSourcesAsync(Token))!, s => s.ContentHash.Length == 0);

        var repaired = await TestPipeline.For(restarted).RunAsync(_corpus.Path, IngestionMode.Incremental, cancellationToken: Token);

        Assert.Equal(new DocumentChanges(Added: 0, Changed: built.DocumentCount, Unchanged: 0, Removed: 0), repaired.Changes);
        using var full = EmbeddedChunkIndex.InMemory();
        var expected = (await TestPipeline.For(full).RunAsync(_corpus.Path, cancellationToken: Token)).Index;
        Assert.Equal(expected.ContentHash, repaired.Index.ContentHash);
        Assert.Equal(expected.ChunkCount, await client.CountAsync(collection, QdrantRequests.Keyword("kind", "chunk"), Token));
    }

    public async ValueTask DisposeAsync()
    {
        if (_usedQdrant)
        {
            await QdrantTestServer.DeleteBuildsAsync(_qdrant);
        }

        _corpus.Dispose();
        _data.Dispose();
    }

    private static TempFolder CopyOfBundledCorpus()
    {
        var copy = new TempFolder();
        var source = Path.Combine(SharedData.RepositoryRoot, "corpus");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            copy.Write(Path.GetRelativePath(source, file), File.ReadAllText(file));
        }

        return copy;
    }

    private static async Task MakeFifoAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start("mkfifo", [path]);
        await mkfifo.WaitForExitAsync(Token);
        Assert.Equal(0, mkfifo.ExitCode);
    }

    // Waits for the child to reach the point where it is to be killed; fails with its output if it ends first.
    private static async Task WaitUntilAsync(CliProcess child, Func<Task<bool>> reached)
    {
        var deadline = Stopwatch.StartNew();
        while (!await reached())
        {
            Assert.False(child.HasExited, "The ingestion ended before it could be killed:\n" + child.Output);
            Assert.True(deadline.Elapsed < Patience, "The ingestion did not get under way:\n" + child.Output);
            await Task.Delay(10, Token);
        }
    }

    private static async Task<long> CountOrZeroAsync(QdrantConnection client, string collection, Filter? filter)
    {
        try
        {
            return await client.CountAsync(collection, filter, Token);
        }
        catch (QdrantException ex) when (ex.Status == StatusCode.NotFound)
        {
            return 0;
        }
    }

    private async Task RequireQdrantAsync()
    {
        await QdrantTestServer.RequireAsync();
        _usedQdrant = true;
    }

    // Every document changes (its last chunk gains a sentence), so an update has every chunk to rewrite.
    private void ChangeEveryDocument()
    {
        foreach (var file in Directory.EnumerateFiles(_corpus.Path, "*.md", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "README.md"))
        {
            File.AppendAllText(file, "\nVăn bản này được cập nhật để kiểm thử.\n");
        }
    }

    private List<string> Ingest(bool incremental) =>
        [.. incremental ? ["ingest", "--incremental"] : new[] { "ingest" }, "--corpus", _corpus.Path, "--data", _data.Path];

    // One point per request makes the upload last long enough to be caught half-way.
    private Dictionary<string, string> QdrantEnvironment() => new()
    {
        ["VectorStore__Provider"] = "Qdrant",
        ["Qdrant__Endpoint"] = _qdrant.Endpoint!.ToString(),
        ["Qdrant__ApiKey"] = _qdrant.ApiKey ?? string.Empty,
        ["Qdrant__Collection"] = _qdrant.Collection,
        ["Qdrant__BatchSize"] = "1",
    };

    private async Task AssertAnswersAsync(IChunkIndex index, IndexInfo expected)
    {
        Assert.Equal(expected, await index.GetInfoAsync(Token));
        var hits = await index.SearchAsync(_analyzer.AnalyzeQuery(BirthQuestion), 3, Token);
        Assert.Equal("tthc-1.001193", hits[0].Chunk.DocumentId);
    }
}
