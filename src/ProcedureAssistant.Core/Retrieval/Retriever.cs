using ProcedureAssistant.Core.Diagnostics;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Retrieval;

/// <summary>Finds the chunks that best answer a question: analyse the question, then search the index.</summary>
public sealed class Retriever(TextAnalyzer analyzer, IChunkIndex index)
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

        var hits = await index.SearchAsync(terms, top, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("hits", hits.Count);
        return hits;
    }
}
