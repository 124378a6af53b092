using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Qdrant;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>
/// The index contract on a real Qdrant server (<c>QDRANT_URL</c>); skipped, with the reason, without one. Each test
/// has an alias of its own and deletes its collections afterwards. Batches of two points make every build several upserts.
/// </summary>
public sealed class QdrantChunkIndexContractTests : ChunkIndexContractTests
{
    private readonly QdrantOptions _options = QdrantTestServer.Options(batchSize: 2);
    private readonly List<QdrantChunkIndex> _opened = [];

    protected override async Task<IChunkIndex> OpenIndexAsync()
    {
        await QdrantTestServer.RequireAsync();
        var index = new QdrantChunkIndex(_options, time: Clock);
        _opened.Add(index);
        return index;
    }

    protected override async ValueTask DisposeStoreAsync()
    {
        if (_opened.Count > 0)
        {
            await QdrantTestServer.DeleteBuildsAsync(_options);
        }

        _opened.ForEach(index => index.Dispose());
    }
}
