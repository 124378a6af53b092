namespace ProcedureAssistant.Lab.Evaluation;

/// <summary>How the normaliser handled synthetic typos.</summary>
/// <param name="Typos">Questions given one typo that makes a syllable the corpus does not use.</param>
/// <param name="Restored">Share of them whose syllable was corrected back to the one intended.</param>
/// <param name="Miscorrected">Share corrected to another syllable; the rest were left as typed.</param>
public sealed record TypoScore(int Typos, double Restored, double Miscorrected);
