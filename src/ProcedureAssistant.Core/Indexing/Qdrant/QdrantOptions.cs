using System.ComponentModel.DataAnnotations;

namespace ProcedureAssistant.Core.Indexing.Qdrant;

/// <summary>Where the Qdrant server is and how the index talks to it (section <c>Qdrant</c>).</summary>
public sealed class QdrantOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Qdrant";

    /// <summary>The oldest server the index works with: 1.10 brought the Query API and the sparse IDF modifier.</summary>
    public static readonly Version MinimumServerVersion = new(1, 10);

    /// <summary>
    /// Base URL of Qdrant's REST API (<c>Qdrant__Url</c>), e.g. <c>http://localhost:6333</c>. No default: it is
    /// required when <c>VectorStore:Provider</c> is <c>Qdrant</c> (checked by <see cref="QdrantOptionsValidator"/>).
    /// </summary>
    public Uri? Url { get; set; }

    /// <summary>API key sent in the <c>api-key</c> header (<c>Qdrant__ApiKey</c>); from the environment or user secrets only.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The alias readers use. Each build goes to a new collection <c>{Collection}-v{n}</c> and the alias is switched
    /// to it once it is complete.
    /// </summary>
    [Required(ErrorMessage = "Qdrant:Collection is required.")]
    [RegularExpression("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}$", ErrorMessage = "Qdrant:Collection may hold only letters, digits, '_', '-' and '.' (at most 200).")]
    public string Collection { get; set; } = "procedure-assistant";

    /// <summary>Points per upsert request.</summary>
    [Range(1, 10_000, ErrorMessage = "Qdrant:BatchSize must be between 1 and 10000.")]
    public int BatchSize { get; set; } = 128;

    /// <summary>Longest wait for one HTTP request.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a request that failed to connect or was answered 408, 429 or 503.</summary>
    [Range(0, 10, ErrorMessage = "Qdrant:MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 4;

    /// <summary>Wait before the first retry; it doubles with each further one (a <c>Retry-After</c> header wins).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Url is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult("Qdrant:Url must be an absolute http or https URL.", [nameof(Url)]);
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult("Qdrant:Timeout must be more than zero and at most 00:10:00.", [nameof(Timeout)]);
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("Qdrant:RetryDelay must be between 00:00:00 and 00:01:00.", [nameof(RetryDelay)]);
        }
    }
}
