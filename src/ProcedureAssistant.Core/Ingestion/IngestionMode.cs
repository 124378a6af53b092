namespace ProcedureAssistant.Core.Ingestion;

/// <summary>How an ingestion writes the index.</summary>
public enum IngestionMode
{
    /// <summary>Every document is read and a complete new index is built, then switched to.</summary>
    Full,

    /// <summary>
    /// Only documents whose file changed are read; the live index is updated with them and loses the withdrawn
    /// ones. Falls back to <see cref="Full"/> when there is no index to update or it cannot be updated in place.
    /// </summary>
    Incremental,
}
