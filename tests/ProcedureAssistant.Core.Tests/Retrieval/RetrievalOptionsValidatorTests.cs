using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Retrieval;

namespace ProcedureAssistant.Core.Tests.Retrieval;

public sealed class RetrievalOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_UseTheBuiltInModel()
    {
        var options = new RetrievalOptions();

        Assert.True(options.UsesReranker(EmbeddingProvider.None));
        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void Validate_RerankWithAMissingModelFile_NamesTheFileAndTheSetting()
    {
        var result = Validate(new RetrievalOptions { RerankerPath = "/nowhere/reranker.json" });

        Assert.True(result.Failed);
        Assert.Contains("/nowhere/reranker.json", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Retrieval:RerankerPath", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Retrieval:Rerank=false", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EmbeddingProvider.Onnx, 0.0)]
    [InlineData(EmbeddingProvider.None, 0.3)]
    public void Validate_AnotherFirstStage_DoesNotUseNorLoadTheModel(EmbeddingProvider provider, double priorWeight)
    {
        var options = new RetrievalOptions { RerankerPath = "/nowhere/reranker.json", DocumentPriorWeight = priorWeight };

        Assert.False(options.UsesReranker(provider));
        Assert.True(Validate(options, provider).Succeeded);
    }

    [Fact]
    public void Validate_RerankOff_IgnoresTheModelPath() =>
        Assert.True(Validate(new RetrievalOptions { Rerank = false, RerankerPath = "/nowhere/reranker.json" }).Succeeded);

    private static ValidateOptionsResult Validate(RetrievalOptions options, EmbeddingProvider provider = EmbeddingProvider.None) =>
        new RetrievalOptionsValidator(Options.Create(new EmbeddingOptions { Provider = provider })).Validate(null, options);
}
