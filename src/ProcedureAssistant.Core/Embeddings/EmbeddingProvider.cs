namespace ProcedureAssistant.Core.Embeddings;

/// <summary>Where dense vectors come from (<c>Embeddings:Provider</c>).</summary>
public enum EmbeddingProvider
{
    /// <summary>No dense vectors: sparse BM25 retrieval only.</summary>
    None,

    /// <summary>Any OpenAI-compatible <c>/v1/embeddings</c> endpoint.</summary>
    OpenAI,

    /// <summary>A local ONNX sentence-embedding model folder.</summary>
    Onnx,
}
