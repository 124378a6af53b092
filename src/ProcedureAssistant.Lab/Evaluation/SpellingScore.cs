namespace ProcedureAssistant.Lab.Evaluation;

/// <summary>What <see cref="SpellingCalibration"/> measured.</summary>
/// <param name="Questions">Correctly written questions read.</param>
/// <param name="FalseCorrectionsPer100">Syllables changed in them, per 100 questions, as typed.</param>
/// <param name="FalseCorrectionsPer100Folded">The same with the questions' diacritics folded away.</param>
/// <param name="Typed">Synthetic typos in the questions as typed.</param>
/// <param name="Folded">Synthetic typos in the folded questions.</param>
public sealed record SpellingScore(int Questions, double FalseCorrectionsPer100, double FalseCorrectionsPer100Folded, TypoScore Typed, TypoScore Folded);
