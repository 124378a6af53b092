using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>A procedure record with its analysed chunks, as the embedded index's randomised tests build and update them.</summary>
internal sealed record TestDocument(CorpusDocument Record, List<IndexedChunk> Chunks)
{
    /// <summary>
    /// A record at a version (<paramref name="generation"/>) with one to three chunks of up to
    /// <paramref name="maxLength"/> terms each, drawn by <paramref name="term"/>.
    /// </summary>
    public static TestDocument Random(Random random, string id, int generation, Func<Random, string> term, int maxLength, string? province = null, IReadOnlyList<string>? levels = null)
    {
        var record = new CorpusDocument
        {
            Id = id,
            Type = DocumentType.Procedure,
            Title = $"{id} v{generation}",
            Body = $"body of {id}, version {generation}",
            SourcePath = id + ".md",
            ContentHash = $"{id}-{generation}",
            Province = province,
            Levels = levels ?? [],
        };
        var chunks = Enumerable.Range(0, random.Next(1, 4)).Select(ordinal =>
        {
            var frequencies = new Dictionary<string, float>(StringComparer.Ordinal);
            var length = random.Next(3, maxLength);
            for (var i = 0; i < length; i++)
            {
                var drawn = term(random);
                frequencies[drawn] = frequencies.GetValueOrDefault(drawn) + 1;
            }

            var chunk = new Chunk
            {
                Id = $"{id}#{ordinal}",
                DocumentId = id,
                Ordinal = ordinal,
                DocumentType = DocumentType.Procedure,
                Title = record.Title,
                Text = $"chunk {ordinal} of {id} v{generation}",
                Province = province,
                Levels = record.Levels,
            };
            return new IndexedChunk(chunk, new TermBag(frequencies, length));
        }).ToList();
        return new TestDocument(record, chunks);
    }
}
