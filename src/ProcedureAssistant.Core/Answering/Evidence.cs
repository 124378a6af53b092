using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Core.Answering;

/// <summary>The numbered sources an answer may cite: source n is <c>Sources[n-1]</c>.</summary>
/// <param name="Sources">The chunks, best first.</param>
public sealed record Evidence(IReadOnlyList<ChunkHit> Sources)
{
    /// <summary>The citation for source <paramref name="number"/> (from 1).</summary>
    public Citation Cite(int number)
    {
        var chunk = Sources[number - 1].Chunk;
        return new Citation(number, chunk.DocumentId, chunk.Id, chunk.Title, chunk.Code, chunk.Number, chunk.Path, Text.TextExcerpt.Shorten(chunk.Text, 240), chunk.Url);
    }
}
