using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>The index contract on the embedded index, in a temp folder.</summary>
public sealed class EmbeddedChunkIndexContractTests : ChunkIndexContractTests
{
    private readonly TempFolder _folder = new();
    private readonly List<EmbeddedChunkIndex> _opened = [];

    protected override Task<IChunkIndex> OpenIndexAsync()
    {
        var index = EmbeddedChunkIndex.InFolder(_folder.Path, time: Clock);
        _opened.Add(index);
        return Task.FromResult<IChunkIndex>(index);
    }

    protected override ValueTask DisposeStoreAsync()
    {
        _opened.ForEach(index => index.Dispose());
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
