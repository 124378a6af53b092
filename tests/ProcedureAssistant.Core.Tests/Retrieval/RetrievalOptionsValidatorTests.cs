using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Retrieval;

namespace ProcedureAssistant.Core.Tests.Retrieval;

public sealed class RetrievalOptionsValidatorTests
{
    [Fact]
    public void Validate_RerankWithTheBuiltInModel_Succeeds() =>
        Assert.True(Validate(new RetrievalOptions { Rerank = true }).Succeeded);

    [Fact]
    public void Validate_RerankWithDenseVectors_NamesBothSettings()
    {
        var result = Validate(new RetrievalOptions { Rerank = true }, EmbeddingProvider.Lsa);

        Assert.True(result.Failed);
        Assert.Contains("Retrieval:Rerank", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Embeddings:Provider is Lsa", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RerankWithAMissingModelFile_NamesTheFile()
    {
        var result = Validate(new RetrievalOptions { Rerank = true, RerankerPath = "/nowhere/reranker.json" });

        Assert.True(result.Failed);
        Assert.Contains("/nowhere/reranker.json", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Retrieval:RerankerPath", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RerankWithTheDocumentPrior_Fails() =>
        Assert.Contains("Retrieval:DocumentPriorWeight", Validate(new RetrievalOptions { Rerank = true, DocumentPriorWeight = 0.3 }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Validate_RerankOff_IgnoresTheModelPath() =>
        Assert.True(Validate(new RetrievalOptions { RerankerPath = "/nowhere/reranker.json" }, EmbeddingProvider.Lsa).Succeeded);

    private static ValidateOptionsResult Validate(RetrievalOptions options, EmbeddingProvider provider = EmbeddingProvider.None) =>
        new RetrievalOptionsValidator(Options.Create(new EmbeddingOptions { Provider = provider })).Validate(null, options);
}
