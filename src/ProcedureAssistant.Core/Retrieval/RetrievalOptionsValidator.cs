using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Reranking;

namespace ProcedureAssistant.Core.Retrieval;

/// <summary>
/// Start-up checks of <c>Retrieval</c> that span settings: with <c>Retrieval:Rerank</c> on, the model must load and
/// match this build's features, and the first stage must be the plain BM25 it was trained on.
/// </summary>
internal sealed class RetrievalOptionsValidator(IOptions<EmbeddingOptions> embeddings) : IValidateOptions<RetrievalOptions>
{
    public ValidateOptionsResult Validate(string? name, RetrievalOptions options)
    {
        if (!options.Rerank)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (embeddings.Value.Provider != EmbeddingProvider.None)
        {
            failures.Add($"Retrieval:Rerank is on but Embeddings:Provider is {embeddings.Value.Provider}: the reranker was trained on plain BM25 candidates. Set Retrieval:Rerank=false to use dense vectors.");
        }

        if (options.DocumentPriorWeight > 0)
        {
            failures.Add("Retrieval:Rerank and Retrieval:DocumentPriorWeight cannot both be on: the reranker weighs the document (law) itself.");
        }

        try
        {
            _ = Reranker.Load(options.RerankerPath);
        }
        catch (InvalidDataException ex)
        {
            failures.Add($"Retrieval:Rerank is on but the reranker model cannot be used: {ex.Message}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
