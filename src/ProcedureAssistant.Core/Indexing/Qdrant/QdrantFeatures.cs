namespace ProcedureAssistant.Core.Indexing.Qdrant;

/// <summary>
/// What the index may ask of a server of one version. The client library is newer than the servers it meets
/// (Qdrant.Client 1.20, test server 1.16.3) and sends whatever it is given: an older server fails on a feature it
/// does not know or, worse, ignores it silently (Rrf.Weights, text-index scoring). So every feature newer than
/// <see cref="QdrantOptions.MinimumServerVersion"/> is used only where the server has it.
/// </summary>
/// <param name="Server">The server's version, from its health check.</param>
internal sealed record QdrantFeatures(Version Server)
{
    /// <summary>Qdrant 1.16 brought <c>Rrf { k }</c>; older servers fuse with their fixed k = 2.</summary>
    public static readonly Version RrfConstantSince = new(1, 16);

    /// <summary>Qdrant 1.11 brought keyword indexes marked <c>is_tenant</c>, which lay points out on disk by tenant.</summary>
    public static readonly Version TenantIndexSince = new(1, 11);

    /// <summary>Whether a hybrid query may set the RRF constant.</summary>
    public bool RrfConstant => Server >= RrfConstantSince;

    /// <summary>Whether the province index may be marked as the tenant key.</summary>
    public bool TenantIndex => Server >= TenantIndexSince;

    /// <summary>The version of a health check's text ("1.16.3", "1.17.0-dev"), or null when it is not one.</summary>
    public static Version? ParseVersion(string? text) =>
        text is not null && Version.TryParse(text.Split('-', '+')[0], out var version) ? version : null;
}
