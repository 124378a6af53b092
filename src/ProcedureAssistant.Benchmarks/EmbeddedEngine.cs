using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Benchmarks;

/// <summary>The project's embedded index in a folder, with the service's defaults.</summary>
internal sealed class EmbeddedEngine(string folder) : IScaleEngine
{
    /// <summary>What the open index logs (an update's phases, at Debug).</summary>
    public MessageLog Log { get; } = new();

    private EmbeddedChunkIndex? _index;

    public string Name => "embedded";

    /// <summary>The open index (after <see cref="OpenAsync"/>).</summary>
    public EmbeddedChunkIndex Index => _index ?? throw new InvalidOperationException("Open the index first.");

    public async Task IngestAsync(ScaleCorpus corpus, int chunks, CancellationToken cancellationToken)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        using var index = EmbeddedChunkIndex.InFolder(folder);
        await index.ReplaceAsync(new IndexSnapshot(TextAnalyzer.Version, corpus.Documents(chunks), corpus.Chunks(chunks)), cancellationToken);
    }

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        _index = EmbeddedChunkIndex.InFolder(folder, logger: Log);
        _ = await _index.GetInfoAsync(cancellationToken) ?? throw new InvalidOperationException($"No embedded index in {folder}.");
    }

    public async Task<IReadOnlyList<string>> SearchAsync(QueryTerms query, int limit, CancellationToken cancellationToken) =>
        (await Index.SearchAsync(query, limit, cancellationToken)).Select(h => h.Chunk.Id).ToList();

    public long? DiskBytes() => FolderSize.Of(folder);

    public ValueTask DisposeAsync()
    {
        _index?.Dispose();
        return ValueTask.CompletedTask;
    }
}
