namespace ProcedureAssistant.Core.Answering;

/// <summary>A question to answer.</summary>
/// <param name="Question">The question as typed.</param>
/// <param name="Persona">Who asks.</param>
/// <param name="TopK">How many chunks to answer from; null for the configured default.</param>
/// <param name="ConversationId">Keeps a short history so that follow-ups ("còn lệ phí thì sao?") keep their topic.</param>
/// <param name="Province">
/// The province whose texts (with the national ones) the answer may cite, as a <see cref="Documents.ProvinceKey"/>;
/// null for the deployment's own (<see cref="Ingestion.CorpusOptions.Province"/>).
/// </param>
public sealed record AskQuery(string Question, Persona Persona = Persona.Citizen, int? TopK = null, string? ConversationId = null, string? Province = null);
