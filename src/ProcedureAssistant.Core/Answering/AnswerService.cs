using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Diagnostics;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Answers a question: put a follow-up behind its conversation's topic (the name of what was answered last),
/// retrieve, choose the one document the answer rests on, then abstain and refer to the commune's
/// public-service centre when the evidence is weak or the document says that what is asked is not known;
/// otherwise answer with a chat model when one is configured (keeping only citations of sources it was given)
/// or compose the extractive answer. A model that fails, times out or cites nothing valid gives way to the
/// extractive answer; it never fails the request.
/// </summary>
public sealed class AnswerService(
    Retriever retriever,
    IChunkIndex index,
    ExtractiveAnswerer extractive,
    GenerativeAnswerer generative,
    DocumentCatalog catalog,
    TextAnalyzer analyzer,
    QueryNormalizer normalizer,
    TimeProvider time,
    ConversationStore conversations,
    FollowUpRewriter followUps,
    IOptions<AnsweringOptions> answering,
    IOptions<RetrievalOptions> retrieval,
    ILogger<AnswerService> logger)
{
    private const int ChunksPerCandidate = 4;

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
        using var activity = Telemetry.Source.StartActivity(Telemetry.AnswerSpan);
        var conversationId = query.ConversationId ?? Guid.NewGuid().ToString("N");
        var topic = conversations.LastTopic(conversationId);

        // Every step after this one reads the question as meant: "đk hộ kinh doanh mất bn ngày" as "đăng ký hộ
        // kinh doanh mất bao nhiêu ngày", "khai sin" as "khai sinh".
        var statistics = await catalog.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var asked = normalizer.Normalize(query.Question, statistics.Vocabulary);
        var isFollowUp = topic is not null && followUps.IsFollowUp(asked);
        var searchText = isFollowUp ? topic + " " + asked : asked;

        var options = answering.Value;
        // Chunks cluster by document: retrieve enough of them for SelectionDepth documents to compete.
        var hits = await retriever.RetrieveAsync(searchText, Math.Max(query.TopK ?? retrieval.Value.TopK, options.SelectionDepth * ChunksPerCandidate), SearchFilter.ForProvince(query.Province), cancellationToken).ConfigureAwait(false);
        if (hits.Count == 0)
        {
            // Almost nothing in common with any text: the question is outside what the service is for.
            conversations.Record(conversationId, searchText);
            foreach (var item in Abstain(OutOfDomain, new AnswerDecision("no-match", "No text shares a term with the question."), conversationId, query.Question))
            {
                yield return item;
            }

            yield break;
        }

        var documents = await DocumentsAsync(hits, cancellationToken).ConfigureAwait(false);
        var question = AskedQuestion.Of(asked, searchText, isFollowUp, analyzer);
        var choice = SourceSelector.Choose(hits, documents, question, statistics, Today(), options);
        var verdict = choice is null ? Verdict.Weak : Answerability.Judge(choice, question, hits[0].Coverage, statistics, analyzer, options);
        activity?.SetTag("verdict", verdict.Kind.ToString());
        if (verdict.Kind != VerdictKind.Answer)
        {
            // A follow-up to a gap ("còn lệ phí thì sao?") keeps the document's topic; to weak evidence, the question's.
            conversations.Record(conversationId, verdict.Kind == VerdictKind.Gap ? Topic(choice!.Document) : searchText);
            var text = verdict.Kind switch
            {
                VerdictKind.Gap => $"{(choice!.Document.Type == DocumentType.Procedure ? "Hồ sơ" : "Văn bản")} «{ExtractiveAnswerer.DisplayName(choice.Document.Title, choice.Document.Number ?? choice.Document.Code)}» trong kho văn bản chưa có thông tin chính thức về: {LowerFirst(verdict.Missing!.Trim().TrimEnd(':'))}. " + Referral,
                VerdictKind.OutOfDomain => OutOfDomain,
                _ => "Tôi chưa tìm thấy thông tin đủ tin cậy trong kho văn bản để trả lời câu hỏi này. " + Referral,
            };
            var decision = verdict.Kind switch
            {
                VerdictKind.Gap => new AnswerDecision("declared-gap", "The chosen text marks what is asked as not known."),
                VerdictKind.OutOfDomain => new AnswerDecision("out-of-domain", "The question shares too little with any text to be about procedures or local government."),
                _ => new AnswerDecision("weak-evidence", "No text covers enough of the question."),
            };
            foreach (var item in Abstain(text, decision, conversationId, query.Question))
            {
                yield return item;
            }

            yield break;
        }

        // The next follow-up ("mất bao lâu?") is searched with the name of what was answered, not the whole question.
        conversations.Record(conversationId, Topic(choice!.Document));
        Answer? answer = null;
        if (generative.IsEnabled)
        {
            using var generation = Telemetry.Source.StartActivity(Telemetry.GenerateSpan);
            var evidence = new Evidence(searchText, choice.Context.Take(query.TopK ?? retrieval.Value.TopK).ToList(), documents, statistics);
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
                answer = new Answer(text.Trim(), AnswerMode.Generative, false, cited.Select(evidence.Cite).ToList(), Answered, conversationId);
            }
            else if (generated.Length > 0)
            {
                Log.GeneratedAnswerWithoutCitations(logger);
            }
        }

        if (answer is null)
        {
            var evidence = new Evidence(searchText, [choice.Primary, .. choice.Others], documents, statistics);
            var (text, cited) = extractive.Compose(asked, query.Persona, evidence);
            answer = new Answer(text, AnswerMode.Extractive, false, cited.Select(evidence.Cite).ToList(), Answered, conversationId);
            if (!stream || !generative.IsEnabled)
            {
                yield return new AnswerDelta(text);
            }
        }

        Log.QuestionAnswered(logger, answer.Mode.ToString(), false, query.Question);
        yield return new AnswerCompleted(answer);
    }

    private IEnumerable<AnswerEvent> Abstain(string text, AnswerDecision decision, string conversationId, string question)
    {
        Log.QuestionAnswered(logger, nameof(AnswerMode.Extractive), true, question);
        var answer = new Answer(text, AnswerMode.Extractive, true, [], decision, conversationId);
        yield return new AnswerDelta(text);
        yield return new AnswerCompleted(answer);
    }

    private static readonly AnswerDecision Answered = new("answer", "A text covers the question and states what is asked.");

    private static string Topic(CorpusDocument document) => document.Title;

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private DateOnly Today() => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

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
}
