using Microsoft.Extensions.AI;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Embeddings;

/// <summary>
/// Embeds text with an <see cref="LsaModel"/> trained on the corpus: the text is analysed into the same terms the
/// index holds (accented and folded syllables and bigrams), then projected. Offline and thread-safe.
/// </summary>
internal sealed class LsaEmbeddingGenerator(LsaModel model) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata = new("lsa", null, model.Name, model.Dimensions);

    public LsaModel Model { get; } = model;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(Model.Embed(TextAnalyzer.AnalyzeDocument(value).Frequencies)) { ModelId = Model.Name });
        }

        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(_metadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        // Nothing to release: the model is managed memory.
    }
}
