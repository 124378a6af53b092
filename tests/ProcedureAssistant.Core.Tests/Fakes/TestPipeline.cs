using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Ingestion;

namespace ProcedureAssistant.Core.Tests.Fakes;

internal static class TestPipeline
{
    public static IngestionPipeline For(IChunkIndex index) => new(
        new CorpusReader(new MarkdownDocumentParser()),
        new LegalStructureChunker(Options.Create(new ChunkingOptions())),
        index,
        new IngestionStatus(),
        NullLogger<IngestionPipeline>.Instance);

    public static TempFolder WriteSampleCorpus()
    {
        var corpus = new TempFolder();
        corpus.Write("procedures/khai-sinh.md", SampleCorpus.BirthRegistration);
        corpus.Write("procedures/ket-hon.md", SampleCorpus.MarriageRegistration);
        corpus.Write("regulations/nd-120.md", SampleCorpus.Decree);
        return corpus;
    }
}
