using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Embeddings;

public sealed class DenseEncoderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static DenseEncoder Lsa(int dimensions = 4) =>
        new(Options.Create(new EmbeddingOptions { Provider = EmbeddingProvider.Lsa, Dimensions = dimensions }));

    [Fact]
    public async Task Ingest_WithLsa_StoresTheModelWithTheIndexVersion()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var data = new TempFolder();
        using var encoder = Lsa();
        IndexInfo built;
        using (var writer = EmbeddedChunkIndex.InFolder(data.Path))
        {
            built = (await TestPipeline.For(writer, encoder).RunAsync(corpus.Path, cancellationToken: Token)).Index;
        }

        using var reader = EmbeddedChunkIndex.InFolder(data.Path);
        var state = await reader.GetDenseModelStateAsync(Token);

        Assert.StartsWith("lsa-4-", built.DenseModel, StringComparison.Ordinal);
        Assert.Equal(4, built.DenseDimensions);
        Assert.Equal(built.DenseModel, LsaModel.FromBytes(state).Name);
        Assert.True(encoder.Matches(built));
        Assert.False(Lsa(8).Matches(built));
        Assert.False(TestPipeline.SparseOnly().Matches(built));
    }

    [Fact]
    public async Task EmbedQuery_FromAnotherProcess_UsesTheModelStoredInTheIndex()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var data = new TempFolder();
        using (var writer = EmbeddedChunkIndex.InFolder(data.Path))
        {
            using var ingesting = Lsa();
            await TestPipeline.For(writer, ingesting).RunAsync(corpus.Path, cancellationToken: Token);
        }

        using var reader = EmbeddedChunkIndex.InFolder(data.Path);
        using var querying = Lsa();
        var dense = await querying.EmbedQueryAsync(reader, "đăng ký khai sinh", Token);
        var hits = await new Retriever(TextAnalyzer.CreateDefault(), reader, querying).RetrieveAsync("đăng ký khai sinh", 3, Token);

        Assert.Equal((await reader.GetInfoAsync(Token))!.DenseModel, dense!.Model);
        Assert.Equal(1, Math.Sqrt(dense.Vector.Sum(v => (double)v * v)), 5);
        Assert.Equal("tthc-1.001193", hits[0].Chunk.DocumentId);
    }

    [Fact]
    public async Task EmbedQuery_IndexWithoutVectors_GivesNone()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var index = EmbeddedChunkIndex.InMemory();
        await TestPipeline.For(index).RunAsync(corpus.Path, cancellationToken: Token);
        using var encoder = Lsa();

        Assert.Null(await encoder.EmbedQueryAsync(index, "khai sinh", Token));
        Assert.Null(await TestPipeline.SparseOnly().EmbedQueryAsync(index, "khai sinh", Token));
    }

    [Fact]
    public void Options_OpenAIWithoutEndpointOrModel_NameTheSettings()
    {
        var errors = Validate(new EmbeddingOptions { Provider = EmbeddingProvider.OpenAI });

        Assert.Contains("Embeddings:Endpoint is required when Embeddings:Provider is OpenAI.", errors);
        Assert.Contains("Embeddings:Model is required when Embeddings:Provider is OpenAI.", errors);
    }

    [Fact]
    public void Options_OnnxFolderWithoutModel_NamesTheSetting()
    {
        using var folder = new TempFolder();

        var errors = Validate(new EmbeddingOptions { Provider = EmbeddingProvider.Onnx, ModelPath = folder.Path });

        Assert.Equal([$"Embeddings:ModelPath '{folder.Path}' holds no model.onnx."], errors);
        Assert.Equal(["Embeddings:ModelPath is required when Embeddings:Provider is Onnx."], Validate(new EmbeddingOptions { Provider = EmbeddingProvider.Onnx }));
    }

    [Fact]
    public void Options_DimensionsOutOfRange_NameTheSetting() =>
        Assert.Equal(["Embeddings:Dimensions must be between 2 and 8192."], Validate(new EmbeddingOptions { Provider = EmbeddingProvider.Lsa, Dimensions = 1 }));

    private static List<string> Validate(EmbeddingOptions options)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }
}
