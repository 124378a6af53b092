using Microsoft.Extensions.Logging;

namespace ProcedureAssistant.Core.Indexing.Qdrant;

/// <summary>Log messages of the Qdrant backend (event ids 100–199), kept beside it so the backend stays one folder.</summary>
internal static partial class QdrantLog
{
    [LoggerMessage(100, LogLevel.Warning, "Qdrant {Operation} failed ({Reason}); retry {Attempt} of {MaxRetries} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string operation, string reason, int attempt, int maxRetries, long delayMs);

    [LoggerMessage(101, LogLevel.Information, "Connected to Qdrant {Version} at {Endpoint} (gRPC)")]
    public static partial void Connected(ILogger logger, string version, Uri endpoint);

    [LoggerMessage(102, LogLevel.Information, "Building Qdrant collection {Collection} for alias {Alias}")]
    public static partial void Building(ILogger logger, string collection, string alias);

    [LoggerMessage(103, LogLevel.Information, "Alias {Alias} now points to {Collection} ({DocumentCount} documents, {ChunkCount} chunks); it pointed to {Previous}")]
    public static partial void AliasSwitched(ILogger logger, string alias, string collection, int documentCount, int chunkCount, string previous);

    [LoggerMessage(104, LogLevel.Warning, "Building Qdrant collection {Collection} failed before the alias switch ({Reason}); deleting it, alias {Alias} is unchanged")]
    public static partial void BuildFailed(ILogger logger, string collection, string alias, string reason);

    [LoggerMessage(109, LogLevel.Warning, "This Qdrant server is older than 1.16 and fuses with its own RRF constant 2, not FusionParameters.K = {K}: the two backends rank hybrid results differently")]
    public static partial void RrfConstantUnsupported(ILogger logger, int k);

    [LoggerMessage(105, LogLevel.Warning, "Could not delete Qdrant collection {Collection}: {Reason}")]
    public static partial void DeleteFailed(ILogger logger, string collection, string reason);

    [LoggerMessage(106, LogLevel.Information, "Updating Qdrant collection {Collection} behind alias {Alias} in place: {ChangedCount} documents added or changed, {RemovedCount} removed, revision {Revision}")]
    public static partial void Updating(ILogger logger, string collection, string alias, int changedCount, int removedCount, long revision);

    [LoggerMessage(107, LogLevel.Warning, "Qdrant collection {Collection} holds points of {DocumentCount} documents written by an update that did not complete; they are read again")]
    public static partial void UncommittedFound(ILogger logger, string collection, int documentCount);

    [LoggerMessage(108, LogLevel.Warning, "The average chunk length of {Alias} is now {Current:0.0} syllables, its vectors were encoded with {Encoded:0.0}: run a full re-index to renew BM25's length normalisation")]
    public static partial void AverageLengthDrifted(ILogger logger, string alias, double encoded, double current);

    [LoggerMessage(110, LogLevel.Information, "This Qdrant server is older than 1.11: the province index of {Collection} is a plain keyword index, not marked as the tenant key")]
    public static partial void TenantIndexUnsupported(ILogger logger, string collection);
}
