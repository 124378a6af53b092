using System.Text.Json.Serialization;
using ProcedureAssistant.Core.Documents;

namespace ProcedureAssistant.Lab.Evaluation;

/// <summary>
/// One question of a held-out round (<c>eval/fresh*/default.jsonl</c>, <c>full.jsonl</c>): asked through the API and
/// judged by hand. Once a round has been measured it is seen, and its answerable questions can teach the reranker
/// which record people mean by their everyday words (<see cref="RetrievalEvaluator.OpenRerankCollectorAsync(string, IReadOnlyList{CorpusDocument}, Core.Chunking.LegalStructureChunker, IReadOnlyList{JudgedQuestion}, CancellationToken)"/>).
/// </summary>
public sealed record HeldOutQuestion
{
    /// <summary>Id within the round.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The question as typed.</summary>
    [JsonPropertyName("question")]
    public required string Question { get; init; }

    /// <summary>The earlier turn this one follows, or null for a question asked on its own.</summary>
    [JsonPropertyName("previous")]
    public string? Previous { get; init; }

    /// <summary>The reply a judge expects: <c>answer</c>, <c>refer</c>, <c>ask-back</c>, <c>out-of-scope</c>, ...</summary>
    [JsonPropertyName("expect")]
    public string Expect { get; init; } = "answer";

    /// <summary>The documents the answer rests on: a document id or a procedure code, optionally followed by "/" and a part.</summary>
    [JsonPropertyName("sources")]
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Reads a round's file, one question per line.</summary>
    /// <exception cref="InvalidDataException">A line is not a question; the message names the file and line.</exception>
    public static async Task<IReadOnlyList<HeldOutQuestion>> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        await JsonLines.ReadAsync<HeldOutQuestion>(path, "held-out question", cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The questions a retrieval judgement can be taken from: asked on their own (a follow-up is searched with its
    /// conversation), expected to be answered, with at least one source among <paramref name="documents"/>. A
    /// source names a document by its id or by its procedure code ("1.001193" is "tthc-1.001193").
    /// </summary>
    public static IReadOnlyList<JudgedQuestion> Judged(IEnumerable<HeldOutQuestion> questions, IReadOnlyList<CorpusDocument> documents, string prefix)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(documents);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            byName.TryAdd(document.Id, document.Id);
            if (!string.IsNullOrEmpty(document.Code))
            {
                byName.TryAdd(document.Code, document.Id);
            }
        }

        var judged = new List<JudgedQuestion>();
        foreach (var question in questions)
        {
            if (question.Previous is not null || question.Expect != "answer")
            {
                continue;
            }

            var relevant = question.Sources
                .Select(source => source.Split('/', 2)[0].Trim())
                .Select(name => byName.GetValueOrDefault(name))
                .OfType<string>()
                .ToHashSet(StringComparer.Ordinal);
            if (relevant.Count > 0)
            {
                judged.Add(new JudgedQuestion(prefix + question.Id, question.Question, relevant));
            }
        }

        return judged;
    }
}

/// <summary>A question with the documents that answer it, as a retrieval judgement.</summary>
/// <param name="Id">Unique among the questions of one collection.</param>
/// <param name="Text">The question as typed.</param>
/// <param name="Relevant">Ids of the documents that answer it.</param>
public sealed record JudgedQuestion(string Id, string Text, IReadOnlySet<string> Relevant);
