using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Ingestion;

namespace ProcedureAssistant.Core.Tests.Fakes;

internal static class TestPipeline
{
    public static IngestionPipeline For(IChunkIndex index, DenseEncoder? encoder = null) => new(
        new CorpusReader(new MarkdownDocumentParser()),
        new LegalStructureChunker(Options.Create(new ChunkingOptions())),
        index,
        encoder ?? SparseOnly(),
        new IngestionStatus(),
        NullLogger<IngestionPipeline>.Instance);

    /// <summary>An encoder that makes no vectors (Embeddings:Provider None).</summary>
    public static DenseEncoder SparseOnly() => new(Options.Create(new EmbeddingOptions()));

    public static TempFolder WriteSampleCorpus()
    {
        var corpus = new TempFolder();
        corpus.Write("procedures/khai-sinh.md", SampleCorpus.BirthRegistration);
        corpus.Write("procedures/ket-hon.md", SampleCorpus.MarriageRegistration);
        corpus.Write("regulations/nd-120.md", SampleCorpus.Decree);
        return corpus;
    }
}
