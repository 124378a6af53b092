using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Lab.Evaluation;

namespace ProcedureAssistant.Cli.Commands;

/// <summary>What one <c>eval --dataset</c> run does with the reranker, decided before anything is indexed.</summary>
/// <param name="Mode">Off, Shipped, Cv or Lodo (never Config).</param>
/// <param name="Shipped">The shipped model, when one is configured or needed for the default training sets.</param>
/// <param name="Label">How the output names it.</param>
/// <param name="Refusal">Why the run must not go ahead, or null.</param>
internal sealed record RerankChoice(RerankMode Mode, Reranker? Shipped, string Label, string? Refusal = null)
{
    public static RerankChoice Resolve(RerankMode requested, RetrievalOptions options, EmbeddingProvider provider, BeirDataset data)
    {
        if (requested == RerankMode.Off || (requested == RerankMode.Config && !options.UsesReranker(provider)))
        {
            return new RerankChoice(RerankMode.Off, null, "off");
        }

        if (requested is RerankMode.Cv or RerankMode.Lodo)
        {
            // The shipped model only names the default training sets here; cv and lodo train their own models.
            return new RerankChoice(requested, TryLoad(options.RerankerPath), requested == RerankMode.Cv ? "cv" : "lodo");
        }

        var shipped = Reranker.Load(options.RerankerPath);
        var seen = shipped.Model.Training.CountTrainedOn(data.Queries.Where(q => data.Relevant.ContainsKey(q.Id)).Select(q => q.Text));
        return requested switch
        {
            _ when seen == 0 => new RerankChoice(RerankMode.Shipped, shipped, "shipped"),
            RerankMode.Shipped => new RerankChoice(
                RerankMode.Shipped,
                shipped,
                "shipped",
                $"The shipped reranker was trained on {seen} of these {data.Name} questions: its figures on them would be contaminated. Use --rerank cv (cross-validated) or --rerank off."),
            _ => new RerankChoice(RerankMode.Cv, shipped, $"cv (the shipped model trained on {seen} of these questions, so they are cross-validated)"),
        };
    }

    private static Reranker? TryLoad(string? path)
    {
        try
        {
            return Reranker.Load(path);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
