using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Lab.Evaluation;

/// <summary>
/// Asks every question of a QA set and scores the answers: key-fact coverage, citation precision, abstention,
/// and document retrieval, so answer quality is measured the same way in CI and by hand.
/// </summary>
public sealed class QaEvaluator(AnswerService answers, Retriever retriever)
{
    /// <summary>Reads a JSONL question file.</summary>
    public static async Task<IReadOnlyList<QaItem>> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        await JsonLines.ReadAsync<QaItem>(path, "question", cancellationToken).ConfigureAwait(false);

    /// <summary>Answers and scores every question.</summary>
    public async Task<IReadOnlyList<QaItemResult>> RunAsync(IReadOnlyList<QaItem> items, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new List<QaItemResult>(items.Count);
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var persona = item.Persona == "official" ? Persona.Official : Persona.Citizen;
            var conversationId = "eval-" + item.Id;
            if (item.Previous is not null)
            {
                // A follow-up is asked in the conversation its previous question opened, as a person would.
                await answers.AskAsync(new AskQuery(item.Previous, persona, ConversationId: conversationId), cancellationToken).ConfigureAwait(false);
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var answer = await answers.AskAsync(new AskQuery(item.Question, persona, ConversationId: conversationId), cancellationToken).ConfigureAwait(false);
            var answerMs = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            QueryResult? retrieval = null;
            if (item.Answerable && item.ExpectedDocuments.Count > 0 && answer.Reading is { } reading)
            {
                // Retrieval is measured on the question as the answer read it (a follow-up behind its topic).
                var hits = await retriever.RetrieveAsync(reading.Terms, reading.SearchText, 30, null, cancellationToken).ConfigureAwait(false);
                var ranking = hits.Select(h => h.Chunk.DocumentId).Distinct(StringComparer.Ordinal).ToList();
                retrieval = new QueryResult(item.Id, ranking, item.ExpectedDocuments.ToHashSet(StringComparer.Ordinal));
            }

            results.Add(new QaItemResult(
                item,
                VietnameseText.HasDiacritics(item.Question),
                retrieval,
                answer.Abstained,
                item.Answerable && item.KeyFacts.Count > 0 ? KeyFactCoverage(answer.Text, item.KeyFacts) : null,
                CitationPrecision(answer, item),
                answer.Text,
                answer.Citations.Select(c => c.DocumentId).Distinct(StringComparer.Ordinal).ToList(),
                answer.Mode,
                answer.Decision,
                answer.Reading,
                answerMs));
            progress?.Report((results.Count, items.Count));
        }

        return results;
    }

    /// <summary>Share of the key facts the answer contains, compared after normalisation (case, tone placement, spaces).</summary>
    public static double KeyFactCoverage(string answer, IReadOnlyList<string> keyFacts)
    {
        ArgumentNullException.ThrowIfNull(keyFacts);
        var text = Comparable(answer);
        return keyFacts.Count == 0 ? 1 : keyFacts.Count(fact => text.Contains(Comparable(fact), StringComparison.Ordinal)) / (double)keyFacts.Count;
    }

    /// <summary>
    /// Share of the documents an answer cites that the item expects; null for a reply that cites nothing or refuses.
    /// Why not a refusal: a refusal that cites the text marking the item unknown (<c>declared-gap</c>) cites the right
    /// text for a question the set calls unanswerable, which expects none; whether it should have refused is the
    /// abstention measure's to say.
    /// </summary>
    internal static double? CitationPrecision(Answer answer, QaItem item)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(item);
        if (answer.Abstained || answer.Citations.Count == 0)
        {
            return null;
        }

        var cited = answer.Citations.Select(c => c.DocumentId).Distinct(StringComparer.Ordinal).ToList();
        return cited.Count(item.ExpectedDocuments.Contains) / (double)cited.Count;
    }

    private static string Comparable(string text) => string.Join(' ', TextAnalyzer.Syllables(text));
}
