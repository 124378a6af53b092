using Microsoft.Extensions.Logging;

namespace ProcedureAssistant.Core.Diagnostics;

/// <summary>Log messages of the core, as source-generated <see cref="LoggerMessageAttribute"/> methods.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Index file {Path} is unreadable and was skipped: {Reason}")]
    public static partial void IndexVersionUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(2, LogLevel.Warning, "Corpus file {SourcePath} was not ingested: {Reason}")]
    public static partial void DocumentRejected(ILogger logger, string sourcePath, string reason);

    [LoggerMessage(3, LogLevel.Information, "Index version {Version} written ({Mode}): {DocumentCount} documents, {ChunkCount} chunks; {Added} added, {Changed} changed, {Unchanged} unchanged, {Removed} removed, {FailedCount} files rejected, in {ElapsedMs} ms")]
    public static partial void IndexBuilt(ILogger logger, long version, Ingestion.IngestionMode mode, int documentCount, int chunkCount, int added, int changed, int unchanged, int removed, int failedCount, long elapsedMs);

    [LoggerMessage(4, LogLevel.Information, "Loaded index version {Version} ({DocumentCount} documents, {ChunkCount} chunks)")]
    public static partial void IndexLoaded(ILogger logger, long version, int documentCount, int chunkCount);

    [LoggerMessage(5, LogLevel.Information, "No usable index in the data folder; ingesting the corpus at {CorpusPath}")]
    public static partial void IngestingOnStart(ILogger logger, string corpusPath);

    [LoggerMessage(6, LogLevel.Information, "The index was built by analyser {Found}; rebuilding it with {Current}")]
    public static partial void AnalyzerChanged(ILogger logger, string found, string current);

    [LoggerMessage(7, LogLevel.Warning, "The chat model failed ({ErrorType}: {Reason}); answering in extractive mode")]
    public static partial void ModelFailed(ILogger logger, string errorType, string reason);

    [LoggerMessage(8, LogLevel.Information, "Reply decided by rule {Rule} in {Mode} mode, abstained: {Abstained}; asked: {Fields}; follow-up: {FollowUp}; level: {Level}; province: {Province}")]
    public static partial void QuestionAnswered(ILogger logger, string rule, string mode, bool abstained, string fields, bool followUp, string? level, string? province);

    [LoggerMessage(9, LogLevel.Warning, "The chat model's answer failed the check ({Problem}); answering in extractive mode")]
    public static partial void GeneratedAnswerRejected(ILogger logger, string problem);

    // Questions may hold personal data: their text is logged at Debug only.
    [LoggerMessage(15, LogLevel.Debug, "Question read: typed {Question}, searched as {SearchText}")]
    public static partial void QuestionRead(ILogger logger, string question, string searchText);

    [LoggerMessage(10, LogLevel.Information, "An incremental ingestion builds the whole index instead: {Reason}")]
    public static partial void IncrementalFallsBack(ILogger logger, string reason);


    [LoggerMessage(12, LogLevel.Information, "The index's dense vectors ({Found}) are not what Embeddings configures ({Configured}); rebuilding it")]
    public static partial void DenseModelChanged(ILogger logger, string found, string configured);

    [LoggerMessage(13, LogLevel.Warning, "The index holds no statistics for the reranker (a Qdrant collection built before they were stored); results keep BM25's order until it is re-indexed")]
    public static partial void RerankSkipped(ILogger logger);

    [LoggerMessage(14, LogLevel.Information, "Retrieval:Rerank is on but the reranker is not used: it was trained on plain BM25 candidates, and Embeddings:Provider is {Provider}, Retrieval:DocumentPriorWeight is {PriorWeight}")]
    public static partial void RerankerNotUsed(ILogger logger, string provider, double priorWeight);

    [LoggerMessage(15, LogLevel.Warning, "Corpus file {SourcePath} was not read: {Reason}")]
    public static partial void FileIgnored(ILogger logger, string sourcePath, string reason);

    [LoggerMessage(16, LogLevel.Information, "Document {DocumentId} from {SourcePath} was left out: an earlier source holds it ({KeptFrom})")]
    public static partial void DocumentShadowed(ILogger logger, string documentId, string sourcePath, string keptFrom);

    [LoggerMessage(30, LogLevel.Debug, "Index update to version {Version}: {Documents} documents touched over {Segments} segments; find {FindMs:F1} ms, segment {SegmentMs:F1} ms, hash {HashMs:F1} ms, manifest {ManifestMs:F1} ms, save {SaveMs:F1} ms, open {OpenMs:F1} ms")]
    public static partial void IndexUpdated(ILogger logger, long version, int documents, int segments, double findMs, double segmentMs, double hashMs, double manifestMs, double saveMs, double openMs);
}
