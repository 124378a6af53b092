namespace ProcedureAssistant.Lab.Evaluation;

/// <summary>
/// Word syllables of the folded questions, how many were restored as typed, how many were restored confidently
/// enough to be matched restored, and how many of those were right.
/// </summary>
public sealed record RestorationAccuracy(int Syllables = 0, int Correct = 0, int Kept = 0, int KeptCorrect = 0)
{
    /// <summary>The share of syllables restored exactly as typed.</summary>
    public double Accuracy => Syllables == 0 ? 0 : Correct / (double)Syllables;

    /// <summary>The share of syllables restored confidently enough to be matched restored.</summary>
    public double KeptShare => Syllables == 0 ? 0 : Kept / (double)Syllables;

    /// <summary>The share of those confident restorations that are right.</summary>
    public double KeptAccuracy => Kept == 0 ? 0 : KeptCorrect / (double)Kept;

    /// <summary>This count with one more syllable.</summary>
    public RestorationAccuracy Add(bool correct, bool kept) => new(
        Syllables + 1,
        Correct + (correct ? 1 : 0),
        Kept + (kept ? 1 : 0),
        KeptCorrect + (kept && correct ? 1 : 0));
}
