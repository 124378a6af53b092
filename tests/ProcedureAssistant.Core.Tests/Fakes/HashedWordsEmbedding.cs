using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Embeddings;

namespace ProcedureAssistant.Core.Tests.Fakes;

/// <summary>
/// A deterministic sentence-embedding model for tests of the dense path (ingest, update, hybrid search): each word of
/// the text, lower-cased, adds ±1 to the dimension its stable hash picks. Texts that share words get close vectors, so
/// a dense ranking means something, and the same text always gets the same vector in any process. It stands where a
/// real model (OpenAI endpoint, ONNX folder) stands, behind <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>.
/// </summary>
internal sealed class HashedWordsEmbedding(int dimensions) : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "hashed-words";

    /// <summary>A dense encoder (Provider Onnx, as a fixed model) over this model with <paramref name="dimensions"/>.</summary>
    public static DenseEncoder Encoder(int dimensions) => new(
        Options.Create(new EmbeddingOptions { Provider = EmbeddingProvider.Onnx, Dimensions = dimensions }),
        new HashedWordsEmbedding(dimensions));

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(Embed(v)))));

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("tests", null, ModelId, dimensions) : null;

    public void Dispose()
    {
    }

    private float[] Embed(string text)
    {
        var vector = new float[dimensions];
        foreach (var word in text.ToLower(CultureInfo.InvariantCulture).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            // FNV-1a: string.GetHashCode differs between processes.
            var hash = 2166136261u;
            foreach (var c in word.Where(char.IsLetterOrDigit))
            {
                hash = (hash ^ c) * 16777619u;
            }

            vector[hash % (uint)dimensions] += (hash & 0x8000_0000u) == 0 ? 1 : -1;
        }

        return vector;
    }
}
