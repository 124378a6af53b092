using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Embeddings;

public sealed class OnnxEmbeddingGeneratorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public OnnxEmbeddingGeneratorTests() =>
        TinyOnnxModel.Write(_folder.Path,
        [
            // Padding has a large row: were it pooled, every vector would lean towards (1, 1, 1).
            ("[PAD]", [5f, 5f, 5f]), ("[UNK]", [0f, 0f, 0f]), ("[CLS]", [0f, 0f, 0f]), ("[SEP]", [0f, 0f, 0f]), ("[MASK]", [0f, 0f, 0f]),
            ("đăng", [1f, 0f, 0f]), ("ký", [1f, 0f, 0f]), ("khai", [0f, 1f, 0f]), ("sinh", [0f, 1f, 0f]), ("kết", [0f, 0f, 1f]), ("hôn", [0f, 0f, 2f]),
        ]);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generate_Batch_MeanPoolsOverTheMaskAndNormalises()
    {
        using var generator = new OnnxEmbeddingGenerator(_folder.Path, maxTokens: 32);

        var embeddings = await generator.GenerateAsync(["Đăng ký khai sinh", "kết hôn"], cancellationToken: Token);

        Assert.Equal(3, generator.Dimensions);
        AssertVector([Math.Sqrt(0.5), Math.Sqrt(0.5), 0], embeddings[0].Vector.ToArray());
        AssertVector([0, 0, 1], embeddings[1].Vector.ToArray());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(_folder.Path, "model.onnx"))))[..16], generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId);
    }

    [Fact]
    public async Task Generate_LongText_IsCutAtMaxTokens()
    {
        using var generator = new OnnxEmbeddingGenerator(_folder.Path, maxTokens: 3);

        // Three word pieces are kept (the tokenizer's [CLS] and [SEP] aside): đăng khai khai, not the last khai.
        var embedding = (await generator.GenerateAsync(["đăng khai khai khai"], cancellationToken: Token))[0];

        AssertVector([1 / Math.Sqrt(5), 2 / Math.Sqrt(5), 0], embedding.Vector.ToArray());
    }

    [Fact]
    public async Task DenseEncoder_WithTheOnnxFolder_IndexesAndSearchesHybrid()
    {
        var options = new EmbeddingOptions { Provider = EmbeddingProvider.Onnx, ModelPath = _folder.Path, Dimensions = 3 };
        using var encoder = new DenseEncoder(Options.Create(options), EmbeddingGenerators.Create(options, new HttpClient()));
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var index = EmbeddedChunkIndex.InMemory();
        await encoder.VerifyModelAsync(Token);

        var info = (await TestPipeline.For(index, encoder).RunAsync(corpus.Path, cancellationToken: Token)).Index;
        var dense = await encoder.EmbedQueryAsync(index, "đăng ký kết hôn", Token);
        var hits = await new Retriever(TextAnalyzer.CreateDefault(), index, encoder).RetrieveAsync("đăng ký kết hôn", 3, Token);

        Assert.Matches("^onnx-[0-9a-f]{16}$", info.DenseModel);
        Assert.Equal(3, info.DenseDimensions);
        Assert.Equal(info.DenseModel, dense!.Model);
        Assert.Equal("tthc-1.000894", hits[0].Chunk.DocumentId);
    }

    [Fact]
    public async Task VerifyModel_DimensionsSettingDiffers_NamesTheSetting()
    {
        var options = new EmbeddingOptions { Provider = EmbeddingProvider.Onnx, ModelPath = _folder.Path, Dimensions = 384 };
        using var encoder = new DenseEncoder(Options.Create(options), EmbeddingGenerators.Create(options, new HttpClient()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => encoder.VerifyModelAsync(Token));

        Assert.StartsWith("Embeddings:Dimensions is 384 but the Onnx model", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static void AssertVector(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 5);
        }
    }
}
