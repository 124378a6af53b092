namespace ProcedureAssistant.Api.Admin;

/// <summary>
/// The corpus folder cannot be read or written in this deployment (missing, read-only, full); the message says
/// which folder and which setting, and is answered as a 503 ProblemDetails.
/// </summary>
internal sealed class CorpusUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
