using ProcedureAssistant.Core.Diagnostics;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Retrieval;

/// <summary>
/// Finds the chunks that best answer a question: analyse the question, embed it when a dense model is configured,
/// then search the index (which fuses the two rankings).
/// </summary>
public sealed class Retriever(TextAnalyzer analyzer, IChunkIndex index, DenseEncoder encoder, RetrievalOptions? options = null)
{
    /// <summary>The best <paramref name="top"/> chunks for the question, best first.</summary>
    public async Task<IReadOnlyList<ChunkHit>> RetrieveAsync(string question, int top, CancellationToken cancellationToken = default)
    {
        using var activity = Telemetry.Source.StartActivity("retrieve");
        var terms = analyzer.AnalyzeQuery(question);
        if (terms.IsEmpty)
        {
            return [];
        }

        var dense = await encoder.EmbedQueryAsync(index, question, cancellationToken).ConfigureAwait(false);
        var prior = options?.DocumentPriorWeight ?? 0;
        var candidates = prior > 0 ? Math.Max(top, options!.DocumentPriorCandidates) : top;
        var hits = await index.SearchAsync(terms with { Dense = dense }, candidates, cancellationToken).ConfigureAwait(false);
        hits = prior > 0 ? DocumentPrior.Apply(hits, prior, top) : hits;
        activity?.SetTag("hits", hits.Count);
        activity?.SetTag("hybrid", dense is not null);
        return hits;
    }
}
