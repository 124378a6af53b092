namespace ProcedureAssistant.Core.Text;

/// <summary>
/// How much each kind of query term counts. Not configured: the defaults are the service's constants, the first stage
/// the shipped reranker was trained on (eval/reports/ablation.md measures them); a test may weigh otherwise.
/// </summary>
public sealed record QueryWeighting
{
    /// <summary>Weight of a syllable bigram relative to a single syllable.</summary>
    public double BigramWeight { get; init; } = 1.0;

    /// <summary>Weight of folded (diacritic-free) terms when the question has diacritics; it forgives a wrong mark.</summary>
    public double FoldedWeight { get; init; } = 0.25;

    /// <summary>
    /// Weight of folded terms when a question typed without diacritics is matched on its restored syllables
    /// (<see cref="DiacriticRestorer"/>); it forgives a wrong restoration.
    /// </summary>
    public double RestoredFoldedWeight { get; init; } = 0.5;

    /// <summary>Weight of the corpus wording added by the everyday-word dictionary.</summary>
    public double ExpansionWeight { get; init; } = 0.5;

    /// <summary>Drop question words ("như thế nào", "bao nhiêu") that carry no topic.</summary>
    public bool DropQuestionWords { get; init; } = true;
}
