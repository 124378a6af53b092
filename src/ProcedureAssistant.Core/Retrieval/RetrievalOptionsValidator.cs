using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Reranking;

namespace ProcedureAssistant.Core.Retrieval;

/// <summary>
/// The start-up check of the reranker: when it will be used (<see cref="RetrievalOptions.UsesReranker"/>), its model
/// must load and match the features this build computes, or the service does not start, with the file named.
/// </summary>
internal sealed class RetrievalOptionsValidator(IOptions<EmbeddingOptions> embeddings) : IValidateOptions<RetrievalOptions>
{
    public ValidateOptionsResult Validate(string? name, RetrievalOptions options)
    {
        if (!options.UsesReranker(embeddings.Value.Provider))
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            _ = Reranker.Load(options.RerankerPath);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidDataException ex)
        {
            return ValidateOptionsResult.Fail($"Retrieval:Rerank is on but the reranker model cannot be used: {ex.Message} Set Retrieval:Rerank=false to run without it.");
        }
    }
}
