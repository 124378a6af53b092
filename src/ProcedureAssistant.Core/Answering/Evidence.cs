using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Core.Answering;

/// <summary>What an answer may use: the numbered sources (source n is <c>Sources[n-1]</c>) and their documents.</summary>
/// <param name="SearchText">The text that was searched (the question, or the follow-up with its topic).</param>
/// <param name="Sources">The chunks the answer may cite, best first.</param>
/// <param name="Documents">The documents of those chunks, by id.</param>
/// <param name="Statistics">Term rarity across documents, to weigh the question's words when choosing passages; null weighs them alike.</param>
public sealed record Evidence(string SearchText, IReadOnlyList<ChunkHit> Sources, IReadOnlyDictionary<string, CorpusDocument> Documents, DocumentStatistics? Statistics = null)
{
    /// <summary>The citation for source <paramref name="number"/> (from 1).</summary>
    public Citation Cite(int number)
    {
        var chunk = Sources[number - 1].Chunk;
        return new Citation(number, chunk.DocumentId, chunk.Id, chunk.Title, chunk.Code, chunk.Number, chunk.Path, Text.TextExcerpt.Shorten(chunk.Text, 240), chunk.Url);
    }
}
