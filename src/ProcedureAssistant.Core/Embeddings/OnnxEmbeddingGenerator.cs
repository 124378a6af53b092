using System.Security.Cryptography;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace ProcedureAssistant.Core.Embeddings;

/// <summary>
/// A local sentence-embedding model: <c>model.onnx</c> with inputs <c>input_ids</c> and <c>attention_mask</c>
/// (and <c>token_type_ids</c> when it declares one), run with ONNX Runtime on the CPU. The first output is either
/// token states (batch × tokens × dimensions), mean-pooled over the attention mask, or sentence vectors
/// (batch × dimensions). Every vector is L2-normalised. One session, thread-safe.
/// </summary>
internal sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly InferenceSession _session;
    private readonly Tokenizer _tokenizer;
    private readonly int _maxTokens;
    private readonly bool _hasTokenTypes;
    private readonly string _output;
    private readonly EmbeddingGeneratorMetadata _metadata;

    public OnnxEmbeddingGenerator(string folder, int maxTokens)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var modelPath = Path.Combine(folder, OnnxModelFolder.ModelFile);
        _tokenizer = OnnxModelFolder.LoadTokenizer(folder);
        _maxTokens = maxTokens;
        using (var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 })
        {
            _session = new InferenceSession(modelPath, options);
        }

        foreach (var required in new[] { "input_ids", "attention_mask" })
        {
            if (!_session.InputMetadata.ContainsKey(required))
            {
                _session.Dispose();
                throw new InvalidOperationException($"The ONNX model in Embeddings:ModelPath '{folder}' has no input '{required}' (it has {string.Join(", ", _session.InputMetadata.Keys)}).");
            }
        }

        _hasTokenTypes = _session.InputMetadata.ContainsKey("token_type_ids");
        _output = _session.OutputMetadata.Keys.First();
        Name = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(modelPath)))[..16];
        Dimensions = _session.OutputMetadata[_output].Dimensions[^1] is var last and > 0 ? last : Embed(["."])[0].Length;
        _metadata = new EmbeddingGeneratorMetadata("onnx", new Uri(Path.GetFullPath(folder)), Name, Dimensions);
    }

    /// <summary>Names the model by a hash of its file (the first 16 hex digits of its SHA-256).</summary>
    public string Name { get; }

    /// <summary>Size of the model's vectors.</summary>
    public int Dimensions { get; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        cancellationToken.ThrowIfCancellationRequested();
        var vectors = Embed(values.ToList());
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = Name }));
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(_metadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() => _session.Dispose();

    private List<float[]> Embed(List<string> texts)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        var ids = texts.Select(text => _tokenizer.EncodeToIds(text, _maxTokens, out _, out _)).ToList();
        var length = Math.Max(1, ids.Max(i => i.Count));
        var shape = new[] { texts.Count, length };
        var inputIds = new DenseTensor<long>(shape);
        var mask = new DenseTensor<long>(shape);
        for (var b = 0; b < ids.Count; b++)
        {
            for (var t = 0; t < ids[b].Count; t++)
            {
                inputIds[b, t] = ids[b][t];
                mask[b, t] = 1;
            }
        }

        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", inputIds),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
        };
        if (_hasTokenTypes)
        {
            inputs.Add(NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(shape)));
        }

        using var results = _session.Run(inputs, [_output]);
        var output = results[0].AsTensor<float>();
        var vectors = new List<float[]>(texts.Count);
        for (var b = 0; b < texts.Count; b++)
        {
            vectors.Add(output.Rank == 3 ? MeanPool(output, mask, b) : Row(output, b));
        }

        return vectors;
    }

    private static float[] MeanPool(Tensor<float> states, DenseTensor<long> mask, int batch)
    {
        var dimensions = states.Dimensions[2];
        var sum = new double[dimensions];
        var count = 0;
        for (var t = 0; t < states.Dimensions[1]; t++)
        {
            if (mask[batch, t] == 0)
            {
                continue;
            }

            count++;
            for (var d = 0; d < dimensions; d++)
            {
                sum[d] += states[batch, t, d];
            }
        }

        return VectorMath.Normalized(sum.Select(s => (float)(s / Math.Max(count, 1))).ToArray());
    }

    private static float[] Row(Tensor<float> vectors, int batch) =>
        VectorMath.Normalized(Enumerable.Range(0, vectors.Dimensions[1]).Select(d => vectors[batch, d]).ToArray());
}
