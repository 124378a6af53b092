namespace ProcedureAssistant.Api.Contracts;

/// <summary>When the sources were last indexed, and the provinces a question may be asked for, for the asking page.</summary>
/// <param name="IndexedAt">When the live index was built or last updated.</param>
/// <param name="Version">The live index's version.</param>
/// <param name="Documents">Documents in it.</param>
/// <param name="Chunks">Passages in it.</param>
/// <param name="DefaultProvince">The deployment's province key (Corpus:Province): a question that names none is asked for it.</param>
/// <param name="Provinces">Every province a question may be asked for (the default and those the index holds texts of).</param>
public sealed record IndexStatusResponse(
    DateTimeOffset IndexedAt,
    long Version,
    int Documents,
    int Chunks,
    string DefaultProvince,
    IReadOnlyList<ProvinceResponse> Provinces);
