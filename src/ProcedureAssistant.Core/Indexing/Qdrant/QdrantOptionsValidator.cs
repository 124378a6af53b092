using Microsoft.Extensions.Options;

namespace ProcedureAssistant.Core.Indexing.Qdrant;

/// <summary>The rule across sections: <c>Qdrant:Url</c> is required when <c>VectorStore:Provider</c> is <c>Qdrant</c>.</summary>
public sealed class QdrantOptionsValidator(IOptions<VectorStoreOptions> store) : IValidateOptions<QdrantOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, QdrantOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return store.Value.Provider == VectorStoreProvider.Qdrant && options.Url is null
            ? ValidateOptionsResult.Fail("Qdrant:Url is required when VectorStore:Provider is Qdrant (set Qdrant__Url, e.g. http://localhost:6333).")
            : ValidateOptionsResult.Success;
    }
}
