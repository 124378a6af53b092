namespace ProcedureAssistant.Core.Text;

/// <summary>The analysed terms of one text: term → frequency, and the text's length in syllables.</summary>
public sealed record TermBag(IReadOnlyDictionary<string, float> Frequencies, int Length);
