using System.ComponentModel.DataAnnotations;

namespace ProcedureAssistant.Core.Embeddings;

/// <summary>
/// The dense-vector model (section <c>Embeddings</c>). With <see cref="EmbeddingProvider.None"/> (the default)
/// retrieval is sparse only, exactly as without this section.
/// </summary>
public sealed class EmbeddingOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Embeddings";

    /// <summary>Which model makes the vectors.</summary>
    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.None;

    /// <summary>Base URL of the OpenAI-compatible API, e.g. <c>http://localhost:11434/v1</c> (Provider OpenAI).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The embedding model's name as the endpoint knows it (Provider OpenAI).</summary>
    public string? Model { get; set; }

    /// <summary>API key (<c>Embeddings__ApiKey</c>), from user secrets or the environment, never from committed files.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Folder holding <c>model.onnx</c> and a tokenizer file (<c>vocab.txt</c> or <c>tokenizer.model</c>) (Provider Onnx).</summary>
    public string? ModelPath { get; set; }

    /// <summary>
    /// Vector size, learnt from the model when not set. OpenAI: sent as the requested size and checked against the answer.
    /// Onnx: checked against the model's output. The index built with other dimensions is rebuilt at start-up.
    /// </summary>
    [Range(2, 8192, ErrorMessage = "Embeddings:Dimensions must be between 2 and 8192.")]
    public int? Dimensions { get; set; }

    /// <summary>Texts per embedding request (OpenAI) or per model run (Onnx).</summary>
    [Range(1, 2048, ErrorMessage = "Embeddings:BatchSize must be between 1 and 2048.")]
    public int BatchSize { get; set; } = 32;

    /// <summary>Most word pieces given to the ONNX model per text (its own begin and end tokens aside); longer texts are cut.</summary>
    [Range(8, 8192, ErrorMessage = "Embeddings:MaxTokens must be between 8 and 8192.")]
    public int MaxTokens { get; set; } = 256;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == EmbeddingProvider.OpenAI)
        {
            if (Endpoint is null)
            {
                yield return new ValidationResult("Embeddings:Endpoint is required when Embeddings:Provider is OpenAI.", [nameof(Endpoint)]);
            }
            else if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult("Embeddings:Endpoint must be an absolute http or https URL.", [nameof(Endpoint)]);
            }

            if (string.IsNullOrWhiteSpace(Model))
            {
                yield return new ValidationResult("Embeddings:Model is required when Embeddings:Provider is OpenAI.", [nameof(Model)]);
            }
        }

        if (Provider == EmbeddingProvider.Onnx)
        {
            if (string.IsNullOrWhiteSpace(ModelPath))
            {
                yield return new ValidationResult("Embeddings:ModelPath is required when Embeddings:Provider is Onnx.", [nameof(ModelPath)]);
            }
            else if (!File.Exists(Path.Combine(ModelPath, OnnxModelFolder.ModelFile)))
            {
                yield return new ValidationResult($"Embeddings:ModelPath '{ModelPath}' holds no {OnnxModelFolder.ModelFile}.", [nameof(ModelPath)]);
            }
            else if (OnnxModelFolder.FindTokenizer(ModelPath) is null)
            {
                yield return new ValidationResult(
                    $"Embeddings:ModelPath '{ModelPath}' holds no tokenizer file ({string.Join(", ", OnnxModelFolder.TokenizerFiles)}).", [nameof(ModelPath)]);
            }
        }
    }
}
