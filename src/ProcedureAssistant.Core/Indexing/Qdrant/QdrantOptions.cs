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
    /// Address of Qdrant's gRPC API (<c>Qdrant__Endpoint</c>), e.g. <c>http://localhost:6334</c> (the REST port + 1 by
    /// default); <c>https</c> for TLS. No default: it is required when <c>VectorStore:Provider</c> is <c>Qdrant</c>
    /// (checked by <see cref="QdrantOptionsValidator"/>). Any node of a cluster will do.
    /// </summary>
    public Uri? Endpoint { get; set; }

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

    /// <summary>Longest wait for one request.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a request that could not reach the server or that the server refused as overloaded or unavailable.</summary>
    [Range(0, 10, ErrorMessage = "Qdrant:MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 4;

    /// <summary>Wait before the first retry; it doubles with each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Shards of each new collection (<c>shard_number</c>). One on a single server; in a cluster, at least one per node
    /// so that every node shares the work.
    /// </summary>
    [Range(1, 64, ErrorMessage = "Qdrant:Shards must be between 1 and 64.")]
    public int Shards { get; set; } = 1;

    /// <summary>
    /// Copies of each shard on different nodes (<c>replication_factor</c>). One on a single server; 2 in a cluster
    /// that must answer every question while one node is down.
    /// </summary>
    [Range(1, 16, ErrorMessage = "Qdrant:ReplicationFactor must be between 1 and 16.")]
    public int ReplicationFactor { get; set; } = 1;

    /// <summary>
    /// How many copies of a shard must confirm a write before it counts (<c>write_consistency_factor</c>), at most
    /// <see cref="ReplicationFactor"/>. One, the default, keeps writes (and re-indexing) going while a node is down: the
    /// copy that missed them is marked dead and brought up to date from a live copy before it serves reads again.
    /// Equal to <see cref="ReplicationFactor"/>, a write fails unless every copy took it.
    /// </summary>
    [Range(1, 16, ErrorMessage = "Qdrant:WriteConsistencyFactor must be between 1 and 16.")]
    public int WriteConsistencyFactor { get; set; } = 1;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult("Qdrant:Endpoint must be an absolute http or https URL (the gRPC port, e.g. http://localhost:6334).", [nameof(Endpoint)]);
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult("Qdrant:Timeout must be more than zero and at most 00:10:00.", [nameof(Timeout)]);
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("Qdrant:RetryDelay must be between 00:00:00 and 00:01:00.", [nameof(RetryDelay)]);
        }

        if (WriteConsistencyFactor > ReplicationFactor)
        {
            yield return new ValidationResult("Qdrant:WriteConsistencyFactor must not exceed Qdrant:ReplicationFactor.", [nameof(WriteConsistencyFactor)]);
        }
    }
}
