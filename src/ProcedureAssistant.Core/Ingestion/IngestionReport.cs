using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Core.Ingestion;

/// <summary>The outcome of an ingestion: the index it built and the files it had to leave out, with reasons.</summary>
public sealed record IngestionReport(IndexInfo Index, IReadOnlyList<DocumentParseException> Failures, TimeSpan Elapsed);
