namespace ProcedureAssistant.Core.Text;

/// <summary>The weighted terms of a question, and whether it was typed with diacritics.</summary>
public sealed record QueryTerms(IReadOnlyDictionary<string, float> Weights, bool Accented)
{
    /// <summary>True when nothing in the question carries a topic (empty, or only question words).</summary>
    public bool IsEmpty => Weights.Count == 0;
}
