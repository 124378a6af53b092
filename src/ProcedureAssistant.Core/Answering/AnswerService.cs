using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Diagnostics;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Retrieval;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Answers a question: rewrite a follow-up with its conversation's topic, retrieve, abstain and refer to the
/// commune's public-service centre when the evidence is weak, otherwise answer with a chat model when one is
/// configured (keeping only citations of sources it was given) or compose the extractive answer. A model that
/// fails, times out or cites nothing valid gives way to the extractive answer; it never fails the request.
/// </summary>
public sealed class AnswerService(
    Retriever retriever,
    IChunkIndex index,
    ExtractiveAnswerer extractive,
    GenerativeAnswerer generative,
    ConversationStore conversations,
    FollowUpRewriter followUps,
    IOptions<AnsweringOptions> answering,
    IOptions<RetrievalOptions> retrieval,
    ILogger<AnswerService> logger)
{
    /// <summary>The referral given whenever the service cannot answer from its texts.</summary>
    public const string Referral = "Bạn " + ReferralClause;

    private const string ReferralClause =
        "vui lòng liên hệ Trung tâm Phục vụ hành chính công cấp xã (xã, phường, đặc khu) nơi cư trú, " +
        "hoặc tra cứu trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), để được hướng dẫn chính xác.";

    /// <summary>The polite refusal for questions outside administrative procedures and local government.</summary>
    public const string OutOfDomain =
        "Xin lỗi, tôi chỉ hỗ trợ hỏi đáp về thủ tục hành chính và tổ chức, thẩm quyền của chính quyền địa phương, nên không trả lời được câu hỏi này. " +
        "Khi cần làm thủ tục hành chính, bạn " + ReferralClause;

    /// <summary>Answers with the configured persona and defaults.</summary>
    public Task<Answer> AskAsync(string question, Persona persona = Persona.Citizen, int? topK = null, CancellationToken cancellationToken = default) =>
        AskAsync(new AskQuery(question, persona, topK), cancellationToken);

    /// <summary>Answers the question.</summary>
    public async Task<Answer> AskAsync(AskQuery query, CancellationToken cancellationToken = default)
    {
        Answer? final = null;
        await foreach (var item in AnswerAsync(query, stream: false, cancellationToken).ConfigureAwait(false))
        {
            if (item is AnswerCompleted completed)
            {
                final = completed.Answer;
            }
        }

        return final!;
    }

    /// <summary>Answers the question as a stream: text as it is generated, then the final answer with its citations.</summary>
    public IAsyncEnumerable<AnswerEvent> StreamAsync(AskQuery query, CancellationToken cancellationToken = default) =>
        AnswerAsync(query, stream: true, cancellationToken);

    private async IAsyncEnumerable<AnswerEvent> AnswerAsync(AskQuery query, bool stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var activity = Telemetry.Source.StartActivity("answer");
        var conversationId = query.ConversationId ?? Guid.NewGuid().ToString("N");
        var searchText = followUps.Rewrite(query.Question, conversations.LastTopic(conversationId));
        conversations.Record(conversationId, searchText);

        var options = answering.Value;
        var hits = await retriever.RetrieveAsync(searchText, query.TopK ?? retrieval.Value.TopK, cancellationToken).ConfigureAwait(false);
        if (hits.Count == 0 || hits[0].Coverage < options.MinCoverage)
        {
            Log.QuestionAnswered(logger, nameof(AnswerMode.Extractive), true, query.Question);
            // Almost nothing in common with any text: the question is outside what the service is for.
            var outOfDomain = hits.Count == 0 || hits[0].Coverage < options.OutOfDomainCoverage;
            var abstained = new Answer(
                outOfDomain ? OutOfDomain : "Tôi chưa tìm thấy thông tin đủ tin cậy trong kho văn bản để trả lời câu hỏi này. " + Referral,
                AnswerMode.Extractive,
                true,
                [],
                conversationId);
            yield return new AnswerDelta(abstained.Text);
            yield return new AnswerCompleted(abstained);
            yield break;
        }

        var documents = await DocumentsAsync(hits, cancellationToken).ConfigureAwait(false);
        Answer? answer = null;
        if (generative.IsEnabled)
        {
            var evidence = new Evidence(searchText, PreferInForce(hits, documents), documents);
            var chat = GenerativeAnswerer.BuildChat(query.Question, query.Persona, evidence.Sources);
            var generated = new StringBuilder();
            var parts = stream ? generative.StreamAsync(chat, cancellationToken) : CompleteAsOnePart(chat, cancellationToken);
            await using var enumerator = parts.GetAsyncEnumerator(cancellationToken);
            while (await TryMoveNextAsync(enumerator, cancellationToken).ConfigureAwait(false))
            {
                generated.Append(enumerator.Current);
                if (stream)
                {
                    yield return new AnswerDelta(enumerator.Current);
                }
            }

            var (text, cited) = CitationParser.Validate(generated.ToString(), evidence.Sources.Count);
            if (cited.Count > 0)
            {
                answer = new Answer(text.Trim(), AnswerMode.Generative, false, cited.Select(evidence.Cite).ToList(), conversationId);
            }
            else if (generated.Length > 0)
            {
                Log.GeneratedAnswerWithoutCitations(logger);
            }
        }

        if (answer is null)
        {
            var evidence = new Evidence(searchText, SelectSources(hits, documents, options), documents);
            var (text, cited) = extractive.Compose(query.Question, query.Persona, evidence);
            answer = new Answer(text, AnswerMode.Extractive, false, cited.Select(evidence.Cite).ToList(), conversationId);
            if (!stream || !generative.IsEnabled)
            {
                yield return new AnswerDelta(text);
            }
        }

        Log.QuestionAnswered(logger, answer.Mode.ToString(), false, query.Question);
        yield return new AnswerCompleted(answer);
    }

    private async IAsyncEnumerable<string> CompleteAsOnePart(Microsoft.SemanticKernel.ChatCompletion.ChatHistory chat, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return await generative.CompleteAsync(chat, cancellationToken).ConfigureAwait(false);
    }

    // A failing, slow or unreachable model ends the generated part; the caller then falls back to the
    // extractive answer. Cancellation by the caller is not a model failure and propagates.
    private async Task<bool> TryMoveNextAsync(IAsyncEnumerator<string> parts, CancellationToken cancellationToken)
    {
        try
        {
            return await parts.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ModelFailed(logger, ex.GetType().Name, ex.Message);
            return false;
        }
    }

    private async Task<Dictionary<string, CorpusDocument>> DocumentsAsync(IReadOnlyList<ChunkHit> hits, CancellationToken cancellationToken)
    {
        var documents = new Dictionary<string, CorpusDocument>(StringComparer.Ordinal);
        var wanted = hits.Select(h => h.Chunk.DocumentId).Append(ExtractiveAnswerer.DistrictLevelGuideId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var id in wanted)
        {
            if (await index.GetDocumentAsync(id, cancellationToken).ConfigureAwait(false) is { } document)
            {
                documents[id] = document;
            }
        }

        foreach (var successor in documents.Values.Select(d => d.SupersededBy).OfType<string>().Where(id => !documents.ContainsKey(id)).ToList())
        {
            if (await index.GetDocumentAsync(successor, cancellationToken).ConfigureAwait(false) is { } document)
            {
                documents[successor] = document;
            }
        }

        return documents;
    }

    // Among near-equal hits, texts in force come before superseded or expired ones.
    private static List<ChunkHit> PreferInForce(IReadOnlyList<ChunkHit> hits, Dictionary<string, CorpusDocument> documents)
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        var best = hits[0].Score;
        return hits
            .Select((hit, rank) => (hit, rank, demoted: hit.Score >= best * 0.8 && documents.TryGetValue(hit.Chunk.DocumentId, out var d) && !d.IsInForce(today)))
            .OrderBy(x => x.hit.Score >= best * 0.8 ? (x.demoted ? 1 : 0) : 2)
            .ThenBy(x => x.rank)
            .Select(x => x.hit)
            .ToList();
    }

    // The best source, then others that also speak to the question, one per document.
    private static List<ChunkHit> SelectSources(IReadOnlyList<ChunkHit> hits, Dictionary<string, CorpusDocument> documents, AnsweringOptions options)
    {
        var ordered = PreferInForce(hits, documents);
        var used = new List<ChunkHit> { ordered[0] };
        foreach (var hit in ordered.Skip(1))
        {
            if (used.Count >= options.MaxCitations)
            {
                break;
            }

            var strongEnough = hit.Coverage >= options.MinCoverage && hit.Score >= ordered[0].Score * options.SecondarySourceScoreRatio;
            if (strongEnough && used.All(u => u.Chunk.DocumentId != hit.Chunk.DocumentId))
            {
                used.Add(hit);
            }
        }

        return used;
    }
}
