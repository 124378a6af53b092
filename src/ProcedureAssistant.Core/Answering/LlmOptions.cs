using System.ComponentModel.DataAnnotations;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// The chat model behind generative answers: any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, LM Studio).
/// With no endpoint configured the service answers in extractive mode.
/// </summary>
public sealed class LlmOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Llm";

    /// <summary>Base URL of the OpenAI-compatible API, e.g. <c>http://localhost:11434/v1</c>; empty for extractive mode.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Model name as the endpoint knows it.</summary>
    public string? Model { get; set; }

    /// <summary>API key, from user secrets or the environment (<c>Llm__ApiKey</c>), never from committed files.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Longest wait for a completion before falling back to the extractive answer.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Upper bound on the answer's length in tokens.</summary>
    [Range(64, 8192)]
    public int MaxTokens { get; set; } = 800;

    /// <summary>True when a model is configured.</summary>
    public bool IsConfigured => Endpoint is not null;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Endpoint is not null && string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult("Llm:Model is required when Llm:Endpoint is set.", [nameof(Model)]);
        }

        if (Endpoint is { IsAbsoluteUri: false })
        {
            yield return new ValidationResult("Llm:Endpoint must be an absolute URL.", [nameof(Endpoint)]);
        }
    }
}
