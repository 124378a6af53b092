namespace ProcedureAssistant.Api.Contracts;

/// <summary>When the sources were last indexed, for the asking page.</summary>
/// <param name="IndexedAt">When the live index was built or last updated.</param>
/// <param name="Version">The live index's version.</param>
/// <param name="Documents">Documents in it.</param>
/// <param name="Chunks">Passages in it.</param>
public sealed record IndexStatusResponse(DateTimeOffset IndexedAt, long Version, int Documents, int Chunks);
