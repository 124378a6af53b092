using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace ProcedureAssistant.Core.Embeddings;

/// <summary>Makes the fixed embedding model the configuration names (the one place the provider is switched on).</summary>
public static class EmbeddingGenerators
{
    /// <summary>Name of the <see cref="HttpClient"/> used for the embeddings endpoint.</summary>
    public const string HttpClientName = "embeddings";

    /// <summary>
    /// The generator for Provider OpenAI (any OpenAI-compatible <c>/v1/embeddings</c>, through
    /// Microsoft.Extensions.AI.OpenAI) or Onnx (a local model folder); null for None.
    /// </summary>
    public static IEmbeddingGenerator<string, Embedding<float>>? Create(EmbeddingOptions options, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        return options.Provider switch
        {
            EmbeddingProvider.OpenAI => new OpenAIClient(
                    // Local servers (Ollama, vLLM) take any key; the client library insists on one.
                    new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey),
                    new OpenAIClientOptions { Endpoint = options.Endpoint, Transport = new HttpClientPipelineTransport(http) })
                .GetEmbeddingClient(options.Model)
                .AsIEmbeddingGenerator(options.Dimensions),
            EmbeddingProvider.Onnx => new OnnxEmbeddingGenerator(options.ModelPath!, options.MaxTokens),
            _ => null,
        };
    }
}
