using ProcedureAssistant.Lab.Evaluation;

namespace ProcedureAssistant.Cli;

/// <summary>How often each answer-policy rule decided a reply in an evaluation run, and how often that reply was wrong.</summary>
internal static class QaRuleTable
{
    public static IReadOnlyList<Row> From(IReadOnlyList<QaItemResult> results) =>
        results.GroupBy(r => r.Decision.Rule, StringComparer.Ordinal)
            .Select(g => new Row(g.Key, g.Count(), g.Count(r => !r.Right)))
            .OrderByDescending(r => r.Replies)
            .ThenBy(r => r.Rule, StringComparer.Ordinal)
            .ToList();

    /// <summary>One rule's line.</summary>
    public sealed record Row(string Rule, int Replies, int Wrong);
}
