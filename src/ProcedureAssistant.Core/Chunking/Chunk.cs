using System.Text.Json.Serialization;
using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Core.Chunking;

/// <summary>
/// The unit of retrieval: one article (Điều), one clause (Khoản) of a long article, one section, or a whole
/// procedure record; it carries its heading path and the metadata of its document.
/// </summary>
public sealed record Chunk
{
    /// <summary>Stable id: <c>{documentId}#{ordinal}</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The document it comes from.</summary>
    public required string DocumentId { get; init; }

    /// <summary>Position in the document, from 0.</summary>
    public required int Ordinal { get; init; }

    /// <summary>The document's type.</summary>
    public required DocumentType DocumentType { get; init; }

    /// <summary>The document's title.</summary>
    public required string Title { get; init; }

    /// <summary>The regulation's number, if any.</summary>
    public string? Number { get; init; }

    /// <summary>The procedure code, if any.</summary>
    public string? Code { get; init; }

    /// <summary>Headings from the document down to this chunk ("Chương II", "Điều 9", "Khoản 2").</summary>
    public IReadOnlyList<string> Headings { get; init; } = [];

    /// <summary>The chunk's text, without Markdown markup.</summary>
    public required string Text { get; init; }

    /// <summary>Source link of the document.</summary>
    public string? Url { get; init; }

    /// <summary>The document's procedure levels (<see cref="CorpusDocument.Levels"/>); empty for a regulation or guide.</summary>
    public IReadOnlyList<string> Levels { get; init; } = [];

    /// <summary>The document's province (<see cref="CorpusDocument.Province"/>), or null for a national text.</summary>
    public string? Province { get; init; }

    /// <summary>"Nghị định 118/2025/NĐ-CP › Chương II › Điều 9 › Khoản 2".</summary>
    [JsonIgnore]
    public string Path => Headings.Count == 0 ? ShortName : ShortName + " › " + string.Join(" › ", Headings);

    /// <summary>The document's number or code when it has one, else its title.</summary>
    [JsonIgnore]
    public string ShortName => Number ?? (Code is null ? Title : $"{Title} ({Code})");

    /// <summary>
    /// The law the chunk belongs to: the regulation's number when it has one (the versions of one law share it),
    /// else its document id. The document prior and the reranker's document features group candidates by it.
    /// </summary>
    public string LawKey() => Number ?? DocumentId;
}
