using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Diagnostics;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Queries;

namespace ProcedureAssistant.Core.Embeddings;

/// <summary>
/// The embed step, on both sides of the index. At ingest it gives every chunk a unit-length vector: the model
/// (OpenAI-compatible endpoint, ONNX folder) embeds the chunks' text in batches. At query time it embeds the question
/// with the model of the index it is asked about, and with nothing when that index has no vectors of this model.
/// Every model sits behind <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>. Thread-safe.
/// </summary>
public sealed class DenseEncoder : IDisposable
{
    private readonly EmbeddingOptions _options;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _generator;
    private int? _probedDimensions;

    /// <summary>
    /// An encoder for <paramref name="options"/>; <paramref name="generator"/> is the fixed model (Provider OpenAI or
    /// Onnx), made by <see cref="EmbeddingGenerators"/>, unused for None. The encoder owns it and disposes it.
    /// </summary>
    public DenseEncoder(IOptions<EmbeddingOptions> options, IEmbeddingGenerator<string, Embedding<float>>? generator = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _generator = generator;
        if (_options.Provider is EmbeddingProvider.OpenAI or EmbeddingProvider.Onnx && generator is null)
        {
            throw new InvalidOperationException($"Embeddings:Provider is {_options.Provider} but no embedding generator was registered.");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _generator?.Dispose();

    /// <summary>The configured provider.</summary>
    public EmbeddingProvider Provider => _options.Provider;

    /// <summary>
    /// Whether an index's dense vectors are what this configuration would write: none for None, and this
    /// exact model (name and size) otherwise. An index that does not match is rebuilt.
    /// </summary>
    public bool Matches(IndexInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return _options.Provider switch
        {
            EmbeddingProvider.None => info.DenseModel is null,
            _ => info.DenseModel == FixedModelName && info.DenseDimensions == FixedDimensions,
        };
    }

    /// <summary>
    /// Checks the fixed model against <c>Embeddings:Dimensions</c> by embedding one probe text (start-up). Does
    /// nothing for None.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model's vectors are not of the configured size.</exception>
    public async Task VerifyModelAsync(CancellationToken cancellationToken = default)
    {
        if (_generator is null || _options.Provider == EmbeddingProvider.None)
        {
            return;
        }

        var probe = await _generator.GenerateAsync(["kiểm tra"], cancellationToken: cancellationToken).ConfigureAwait(false);
        var size = probe[0].Vector.Length;
        if (_options.Dimensions is { } configured && configured != size)
        {
            throw new InvalidOperationException(
                $"Embeddings:Dimensions is {configured} but the {_options.Provider} model '{FixedModelName}' returns vectors of {size} dimensions: set Embeddings:Dimensions to {size} or remove it.");
        }

        _probedDimensions = size;
    }

    /// <summary>The snapshot's chunks with their vectors, and the model that made them; the chunks unchanged and no model for None.</summary>
    public async Task<(IReadOnlyList<IndexedChunk> Chunks, DenseModel? Model)> EmbedChunksAsync(IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        using var activity = Telemetry.Source.StartActivity("embed.corpus");
        switch (_options.Provider)
        {
            case EmbeddingProvider.None:
                return (chunks, null);
            default:
            {
                if (FixedDimensions == 0)
                {
                    // Neither configured nor probed yet (an eval run skips start-up): learn the size from the model.
                    await VerifyModelAsync(cancellationToken).ConfigureAwait(false);
                }

                var embedded = new List<IndexedChunk>(chunks.Count);
                foreach (var batch in chunks.Chunk(_options.BatchSize))
                {
                    activity?.AddEvent(new System.Diagnostics.ActivityEvent("embed.batch"));
                    var vectors = await EmbedFixedAsync(batch.Select(c => EmbeddingText(c.Chunk)).ToList(), cancellationToken).ConfigureAwait(false);
                    embedded.AddRange(batch.Zip(vectors, (chunk, vector) => chunk with { Vector = vector }));
                }

                return (embedded, new DenseModel(FixedModelName, FixedDimensions));
            }
        }
    }

    /// <summary>
    /// The chunks of an incremental update with vectors of the live index's model, so that they sit in the same space as the chunks the update leaves alone; unchanged for None.
    /// </summary>
    /// <exception cref="InvalidOperationException">The live index's vectors are not of this configuration's model.</exception>
    public async Task<IReadOnlyList<IndexedChunk>> EmbedForUpdateAsync(IChunkIndex index, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(chunks);
        if (_options.Provider == EmbeddingProvider.None || chunks.Count == 0)
        {
            return chunks;
        }

        var info = await index.GetInfoAsync(cancellationToken).ConfigureAwait(false);
        if (info?.DenseModel is not { } model || !Matches(info))
        {
            throw new InvalidOperationException($"The live index's dense vectors ({info?.DenseModel ?? "none"}) are not of the {_options.Provider} model Embeddings configures: run a full re-index.");
        }

        var (embedded, _) = await EmbedChunksAsync(chunks, cancellationToken).ConfigureAwait(false);
        return embedded;
    }

    /// <summary>
    /// The question's vector for a search of <paramref name="index"/>, or null when this configuration makes none or
    /// the index holds no vectors of its model (then the search is sparse only).
    /// </summary>
    public async Task<DenseQuery?> EmbedQueryAsync(IChunkIndex index, string question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(question);
        if (_options.Provider == EmbeddingProvider.None)
        {
            return null;
        }

        var info = await index.GetInfoAsync(cancellationToken).ConfigureAwait(false);
        if (info?.DenseModel is not { } model || !Matches(info))
        {
            return null;
        }

        return new DenseQuery(model, (await EmbedFixedAsync([question], cancellationToken).ConfigureAwait(false))[0]);
    }

    /// <summary>The text a fixed model embeds for a chunk: where it sits and what it says.</summary>
    internal static string EmbeddingText(Chunk chunk) => string.Join('\n', chunk.Path, chunk.Title, chunk.Text);

    private string FixedModelName => _generator?.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId is { } id
        ? $"{_options.Provider.ToString().ToLowerInvariant()}-{id}"
        : _options.Provider.ToString().ToLowerInvariant();

    private int FixedDimensions => _options.Dimensions ?? _probedDimensions ?? _generator?.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions ?? 0;

    private async Task<IReadOnlyList<float[]>> EmbedFixedAsync(List<string> texts, CancellationToken cancellationToken)
    {
        var generated = await _generator!.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (generated.Count != texts.Count)
        {
            throw new InvalidOperationException($"The {_options.Provider} embedding model returned {generated.Count} vectors for {texts.Count} texts.");
        }

        var expected = FixedDimensions;
        return generated.Select(e =>
        {
            if (expected > 0 && e.Vector.Length != expected)
            {
                throw new InvalidOperationException(
                    $"The {_options.Provider} embedding model returned a vector of {e.Vector.Length} dimensions; Embeddings:Dimensions (or the model's own size) is {expected}.");
            }

            return VectorMath.Normalized(e.Vector.Span);
        }).ToList();
    }
}
