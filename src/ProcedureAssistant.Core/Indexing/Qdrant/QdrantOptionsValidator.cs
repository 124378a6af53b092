using Microsoft.Extensions.Options;

namespace ProcedureAssistant.Core.Indexing.Qdrant;

/// <summary>The rule across sections: <c>Qdrant:Endpoint</c> is required when <c>VectorStore:Provider</c> is <c>Qdrant</c>.</summary>
public sealed class QdrantOptionsValidator(IOptions<VectorStoreOptions> store) : IValidateOptions<QdrantOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, QdrantOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return store.Value.Provider == VectorStoreProvider.Qdrant && options.Endpoint is null
            ? ValidateOptionsResult.Fail(
                "Qdrant:Endpoint is required when VectorStore:Provider is Qdrant (set Qdrant__Endpoint to the gRPC address, e.g. http://localhost:6334; " +
                "Qdrant:Url, the REST address, is no longer read).")
            : ValidateOptionsResult.Success;
    }
}
