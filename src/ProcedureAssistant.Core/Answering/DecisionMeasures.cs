namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// The measures the answer policy's rules compared with their thresholds (<c>docs/answering.md</c>), as they were for
/// one question, so that a reader can see how near a reply was to another rule's.
/// </summary>
/// <param name="ChosenDocument">The id of the document chosen to answer from, or null when nothing was retrieved.</param>
/// <param name="BestCoverage">The share of the question's terms the best retrieved chunk holds.</param>
/// <param name="Coverage">The best share of the question's terms one of the chosen document's chunks holds.</param>
/// <param name="TopicMatch">How well the chosen document matches the question's topic (1 when the question names it).</param>
/// <param name="Named">True when the question names the chosen document.</param>
/// <param name="NameMatch">How fully the question holds the best of the chosen document's names (title, number, code, alias); named from <see cref="SourceSelector.Named"/> on, partly named (not referred for its other words) from <see cref="NotInSourcesRule.PartlyNamed"/>.</param>
/// <param name="TopicTermsMissing">The question's topic terms (folded) that the chosen document does not hold, rarest first: what lowered the topic match.</param>
/// <param name="ChosenBecause">Why the chosen document was taken over those retrieved before it (<see cref="SelectionReason"/>), or null when nothing was retrieved.</param>
/// <param name="RunnerUpScore">The best score of a text other than the first retrieved, as a share of the first's, when the learned reranker ordered the hits (<see cref="AnswerContext.RetrievalIsSureOfTheRecord"/>); null otherwise.</param>
public sealed record DecisionMeasures(string? ChosenDocument, double BestCoverage, double Coverage, double TopicMatch, bool Named, double NameMatch, IReadOnlyList<string> TopicTermsMissing, SelectionReason? ChosenBecause = null, double? RunnerUpScore = null)
{
    internal static DecisionMeasures Of(AnswerContext context) => new(
        context.Choice?.Document.Id,
        Math.Round(context.BestCoverage, 3),
        Math.Round(context.Choice?.Coverage ?? 0, 3),
        Math.Round(context.TopicMatch, 3),
        context.Choice?.IsNamed ?? false,
        Math.Round(context.Choice?.NameMatch ?? 0, 3),
        context.Choice is { } choice
            ? [.. context.Reading.TopicTerms.Where(t => !context.Statistics.Contains(choice.Document.Id, t)).OrderByDescending(context.Statistics.Idf).ThenBy(t => t, StringComparer.Ordinal)]
            : [],
        context.Choice?.Because,
        context.RunnerUpScore is { } runnerUp ? Math.Round(runnerUp, 6) : null);
}
