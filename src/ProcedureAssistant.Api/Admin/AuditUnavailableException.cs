namespace ProcedureAssistant.Api.Admin;

/// <summary>
/// The audit log cannot be written (a read-only or full data folder); the message says which file. An admin action
/// that cannot be audited is not carried out, and is answered as a 503 ProblemDetails.
/// </summary>
internal sealed class AuditUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
