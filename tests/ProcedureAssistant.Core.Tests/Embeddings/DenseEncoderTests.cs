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

    private static DenseEncoder Fixed(int dimensions = 4) => HashedWordsEmbedding.Encoder(dimensions);

    [Fact]
    public async Task Ingest_WithAModel_RecordsItsNameAndSizeWithTheIndexVersion()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var data = new TempFolder();
        using var encoder = Fixed();
        IndexInfo built;
        using (var writer = EmbeddedChunkIndex.InFolder(data.Path))
        {
            built = (await TestPipeline.For(writer, encoder).RunAsync(corpus.Path, cancellationToken: Token)).Index;
        }

        using var reader = EmbeddedChunkIndex.InFolder(data.Path);
        var read = await reader.GetInfoAsync(Token);

        Assert.Equal(("onnx-" + HashedWordsEmbedding.ModelId, 4), (built.DenseModel, built.DenseDimensions));
        Assert.Equal((built.DenseModel, built.DenseDimensions), (read!.DenseModel, read.DenseDimensions));
        Assert.True(encoder.Matches(built));
        Assert.False(Fixed(8).Matches(built));
        Assert.False(TestPipeline.SparseOnly().Matches(built));
    }

    [Fact]
    public async Task EmbedQuery_FromAnotherProcess_UsesTheIndexModel()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var data = new TempFolder();
        using (var writer = EmbeddedChunkIndex.InFolder(data.Path))
        {
            using var ingesting = Fixed();
            await TestPipeline.For(writer, ingesting).RunAsync(corpus.Path, cancellationToken: Token);
        }

        using var reader = EmbeddedChunkIndex.InFolder(data.Path);
        using var querying = Fixed();
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
        using var encoder = Fixed();

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
        Assert.Equal(["Embeddings:Dimensions must be between 2 and 8192."], Validate(new EmbeddingOptions { Dimensions = 1 }));

    private static List<string> Validate(EmbeddingOptions options)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage!).ToList();
    }
}
