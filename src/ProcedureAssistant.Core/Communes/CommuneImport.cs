namespace ProcedureAssistant.Core.Communes;

/// <summary>What an import of the commune mapping found (<see cref="CommuneMappingImporter"/>).</summary>
/// <param name="Text">The data file's text.</param>
/// <param name="NewCommunes">New communes in the mapping.</param>
/// <param name="WithArticle">New communes whose clause in their province's resolution was found.</param>
/// <param name="Checked">Of those, how many have every old commune the mapping merges into them named in that clause.</param>
/// <param name="Missing">New communes without a clause, as "province: name".</param>
public sealed record CommuneImport(string Text, int NewCommunes, int WithArticle, int Checked, IReadOnlyList<string> Missing);
