namespace ProcedureAssistant.Core.Text;

/// <summary>
/// How <see cref="QueryNormalizer"/> rewrites a question before it is analysed. Not configured: the defaults are the
/// service's constants (no operator has a reason to change them); the lab's <c>calibrate-spelling</c> sweeps
/// <see cref="MinStrength"/> through this record (eval/reports/qa.md, calibration of the spelling correction).
/// </summary>
public sealed record QueryNormalization
{
    /// <summary>Replace chat shorthand and abbreviations ("ko", "đc", "mn") with the words they stand for.</summary>
    public bool ExpandShorthand { get; init; } = true;

    /// <summary>
    /// Correct syllables the corpus does not write beside their neighbours towards one it does, at one edit or
    /// with other marks ("khai sin" → "khai sinh", "chứng thục" → "chứng thực").
    /// </summary>
    public bool CorrectSpelling { get; init; } = true;

    /// <summary>
    /// Least number of times the corpus must write the corrected syllable next to the question's neighbouring
    /// syllable (before plus after); without that context a syllable is left as typed.
    /// </summary>
    public int MinPairCount { get; init; } = 2;

    /// <summary>
    /// Least strength with which the question's neighbouring syllables call for the correction: the share of the
    /// previous syllable's occurrences in the corpus that the correction follows, plus the share of the next
    /// syllable's occurrences that it precedes.
    /// </summary>
    public double MinStrength { get; init; } = 0.1;

    /// <summary>
    /// How many times more strongly the neighbours must call for the chosen correction than for the next
    /// candidate; below it the correction is ambiguous and the syllable is left as typed.
    /// </summary>
    public double Dominance { get; init; } = 3.0;
}
