using System.Text.Json.Serialization;

namespace ProcedureAssistant.Lab.Evaluation;

/// <summary>One question of the answer-level evaluation set (<c>eval/questions.jsonl</c>).</summary>
public sealed record QaItem
{
    /// <summary>Stable id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The question as a person would type it.</summary>
    [JsonPropertyName("question")]
    public required string Question { get; init; }

    /// <summary><c>citizen</c> or <c>official</c>.</summary>
    [JsonPropertyName("persona")]
    public string Persona { get; init; } = "citizen";

    /// <summary>False when the corpus cannot answer: the right behaviour is to abstain and refer.</summary>
    [JsonPropertyName("answerable")]
    public bool Answerable { get; init; } = true;

    /// <summary>Ids of the documents a correct answer rests on.</summary>
    [JsonPropertyName("expected_documents")]
    public IReadOnlyList<string> ExpectedDocuments { get; init; } = [];

    /// <summary>The same documents by procedure code or regulation number.</summary>
    [JsonPropertyName("expected_refs")]
    public IReadOnlyList<string> ExpectedRefs { get; init; } = [];

    /// <summary>Short strings a correct answer must contain ("03 ngày làm việc", "UBND cấp xã").</summary>
    [JsonPropertyName("key_facts")]
    public IReadOnlyList<string> KeyFacts { get; init; } = [];

    /// <summary>The question before this one, for short follow-ups ("còn lệ phí thì sao?").</summary>
    [JsonPropertyName("previous")]
    public string? Previous { get; init; }

    /// <summary>Free labels: everyday, typo, old-wording, follow-up, out-of-domain, ...</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string> Tags { get; init; } = [];
}
