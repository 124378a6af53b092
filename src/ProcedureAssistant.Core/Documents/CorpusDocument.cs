namespace ProcedureAssistant.Core.Documents;

/// <summary>One document of the corpus: its front-matter metadata and its Markdown body.</summary>
public sealed record CorpusDocument
{
    /// <summary>Unique, stable id (<c>tthc-1.001193</c>, <c>nd-118-2025</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Regulation, procedure or guide.</summary>
    public required DocumentType Type { get; init; }

    /// <summary>The official name.</summary>
    public required string Title { get; init; }

    /// <summary>
    /// True when the body is the team's summary of the text rather than its own words (front matter
    /// <c>summary: true</c>): an answer says so and never quotes it as the text itself.
    /// </summary>
    public bool IsSummary { get; init; }

    /// <summary>The regulation's number exactly as issued (<c>118/2025/NĐ-CP</c>).</summary>
    public string? Number { get; init; }

    /// <summary>The national procedure code, mã TTHC (<c>1.001193</c>).</summary>
    public string? Code { get; init; }

    /// <summary>Who issued a regulation.</summary>
    public string? Issuer { get; init; }

    /// <summary>Lĩnh vực (field), such as Hộ tịch.</summary>
    public string? Field { get; init; }

    /// <summary>
    /// The levels that carry out a procedure now (<see cref="ProcedureLevels"/>: <c>xa</c>, <c>tinh</c>, <c>bo</c>,
    /// <c>khac</c>), lowest first; empty for a regulation or guide.
    /// </summary>
    public IReadOnlyList<string> Levels { get; init; } = [];

    /// <summary>
    /// The province the document belongs to (<see cref="ProvinceKey"/>: <c>dak-lak</c>), or null for a national text
    /// that serves every province.
    /// </summary>
    public string? Province { get; init; }

    /// <summary>The competent body.</summary>
    public string? Authority { get; init; }

    /// <summary>Texts the document rests on, with article where known.</summary>
    public IReadOnlyList<string> LegalBasis { get; init; } = [];

    /// <summary>Date of issue.</summary>
    public DateOnly? Issued { get; init; }

    /// <summary>Date it takes effect.</summary>
    public DateOnly? Effective { get; init; }

    /// <summary>Date it stops applying.</summary>
    public DateOnly? Expires { get; init; }

    /// <summary>The date of the text asked for: <see cref="Issued"/>, <see cref="Effective"/> or <see cref="Expires"/>.</summary>
    public DateOnly? DateOf(TextDate date) => date switch
    {
        TextDate.Issued => Issued,
        TextDate.InForce => Effective,
        _ => Expires,
    };

    /// <summary>Id of the document that replaced this one.</summary>
    public string? SupersededBy { get; init; }

    /// <summary>Main source link.</summary>
    public string? Source { get; init; }

    /// <summary>Further source links.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Other names people use for the same thing.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The Markdown body after the front matter.</summary>
    public required string Body { get; init; }

    /// <summary>Where it was read from, relative to the corpus folder.</summary>
    public required string SourcePath { get; init; }

    /// <summary>SHA-256 of the file's bytes, for skipping unchanged documents.</summary>
    public required string ContentHash { get; init; }

    /// <summary>Whether the document applies on the given day (effective, not expired, not replaced).</summary>
    public bool IsInForce(DateOnly day) =>
        SupersededBy is null && (Effective is null || Effective <= day) && (Expires is null || day < Expires);
}
