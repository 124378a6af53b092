using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using ProcedureAssistant.Core.Diagnostics;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Questions;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Answering;

/// <summary>
/// Answers a question in four steps: read it once (<see cref="QuestionReader"/>, with the conversation's previous
/// question), retrieve and choose the document to answer from (<see cref="SourceSelector"/>), let the answer policy
/// decide the reply (<see cref="AnswerPolicy"/>: answer, ask back, refer, decline, each by a named rule), and write it
/// (<see cref="AnswerComposer"/>, or a chat model when one is configured, whose answer must pass
/// <see cref="GeneratedAnswerCheck"/>; a model that fails, times out or breaks the shape gives way to the composed
/// answer and never fails the request).
/// </summary>
public sealed class AnswerService(
    QuestionReader reader,
    Retriever retriever,
    IChunkIndex index,
    AnswerPolicy policy,
    AnswerComposer composer,
    GenerativeAnswerer generative,
    DocumentCatalog catalog,
    TextAnalyzer analyzer,
    QuestionCues cues,
    TimeProvider time,
    ConversationStore conversations,
    ILogger<AnswerService> logger)
{
    // Chunks cluster by document: retrieve enough of them for every competing document to bring its best ones.
    private const int ChunksPerCandidate = 4;

    /// <summary>Answers with the given persona.</summary>
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
        var previous = conversations.Last(conversationId);
        QuestionReading reading;
        using (Telemetry.Source.StartActivity(Telemetry.ReadQuestionSpan))
        {
            reading = await reader.ReadAsync(query.Question, previous, cancellationToken).ConfigureAwait(false);
        }

        Log.QuestionRead(logger, query.Question, reading.SearchText);

        var (context, rule, reply) = await DecideAsync(reading, query, cancellationToken).ConfigureAwait(false);
        if (LeansOnPreviousAnswer(context, rule))
        {
            var followed = await reader.ReadAsync(query.Question, previous, asFollowUp: true, cancellationToken).ConfigureAwait(false);
            var second = await DecideAsync(followed, query, cancellationToken).ConfigureAwait(false);
            if (!Declines(second.Rule) || (second.Reply is ReferReply { Document: not null } && reply is not ReferReply { Document: not null }))
            {
                (reading, context, rule, reply) = (followed, second.Context, second.Rule, second.Reply);
            }
        }

        var documents = context.Documents;
        var decision = rule.Decision with { Measures = DecisionMeasures.Of(context) };

        activity?.SetTag("rule", rule.Name);

        // The next follow-up ("mất bao lâu?") is read against the name of what was answered, or the question's own words.
        var answered = reply switch
        {
            AnswerReply a => a.Choice.Document,
            ReferReply { Document: { } document } => document,
            _ => null,
        };
        var composed = composer.Compose(reply, context);
        conversations.Record(conversationId, new ConversationTurn(answered?.Title ?? reading.SearchText, reading.Fields, answered?.Id)
        {
            AskedWhichProcedure = reply is AskWhichProcedureReply,
            AskedWholeProcedure = reading.AsksWholeProcedure,
            OptionsOffered = reply is AskBackReply ask ? [.. ask.Options.Select(o => o.Id)] : [],
            LookedUpPlaces = reply is CommuneReply,
            PlacesLookedUp = reply is CommuneReply lookup ? [.. lookup.Communes.Select(c => c.Text)] : [],
            ProceduresNamed = ConversationTurn.ProceduresNamedIn(composed.Text),
        });
        Answer? answer = null;
        if (reply is AnswerReply && generative.IsEnabled)
        {
            using var generation = Telemetry.Source.StartActivity(Telemetry.GenerateSpan);
            var evidence = new Evidence([.. composed.Sources, .. context.Choice!.Context.Where(h => !composed.Sources.Contains(h)).Take(Math.Max(0, (query.TopK ?? 5) - composed.Sources.Count))]);
            var summaries = documents.Values.Where(d => d.IsSummary).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var chat = GenerativeAnswerer.BuildChat(query.Question, query.Persona, evidence.Sources, summaries, reading.Fields.Select(AnswerComposer.Label).ToList());
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

            var (text, cited, problem) = GeneratedAnswerCheck.Check(generated.ToString(), evidence.Sources.Count);
            if (problem is null)
            {
                answer = new Answer(text, AnswerMode.Generative, false, cited.Select(evidence.Cite).ToList(), decision, conversationId) { Reading = reading };
            }
            else if (generated.Length > 0)
            {
                Log.GeneratedAnswerRejected(logger, problem);
            }
        }

        if (answer is null)
        {
            var evidence = new Evidence(composed.Sources);
            var citations = Enumerable.Range(1, composed.Sources.Count).Select(evidence.Cite).Concat(composed.Attributions).ToList();
            answer = new Answer(composed.Text, AnswerMode.Extractive, reply.Abstains, citations, decision, conversationId) { Reading = reading };
            if (!stream || !(reply is AnswerReply && generative.IsEnabled))
            {
                yield return new AnswerDelta(answer.Text);
            }
        }

        Log.QuestionAnswered(logger, rule.Name, answer.Mode.ToString(), answer.Abstained, string.Join(',', reading.Fields), reading.IsFollowUp, reading.Level, reading.Place?.Province);
        yield return new AnswerCompleted(answer);
    }

    /// <summary>
    /// Below this share of the name of the text its own words reached, a question's words name no text: they are the
    /// asker's story ("nhà lo đám xong mới nhớ, giờ đã hơn ba tuần rồi thì có bị thu tiền không?"). Words that name
    /// a text in part ("báo tạm nghỉ có mất lệ phí gì không" holds a third of "tạm ngừng kinh doanh") are about that
    /// text, and a referral for it is the honest reply.
    /// </summary>
    internal const double NamesNoText = 0.1;

    // A question in a conversation read on its own words (not a follow-up, or one whose own words took it to another
    // topic: "dạ ảnh té gãy chân lúc tập bắn, giờ còn nằm viện tỉnh"), that the policy would decline on them, and
    // whose words name no text, or that opens with a case of it ("lỡ ổng mất giữa chừng thì khoản trợ cấp đó tính sao"
    // names "trợ cấp" of other allowances), tells a story about what was just answered: it is read once more against the
    // previous answer's text, and that reading stands only if the policy then answers, asks back, or refers naming
    // that text ("Tôi chưa tìm thấy trong thủ tục «…» câu trả lời"), where on its own words it was declined or referred
    // without one: the asker then learns where the answer was looked for. Reading every such question as a follow-up
    // instead turned greetings and off-topic questions in a conversation into referrals; one that opens a new subject
    // by the way ("tiện hỏi luôn, …") or names a subject outside local government ("mai trời có mưa to không") is not
    // read so.
    private static bool LeansOnPreviousAnswer(AnswerContext context, AnswerRule rule) =>
        context.Reading.ContinuesAnAnswer && !context.NamesASubjectOutsideTheTexts && (!context.Reading.IsFollowUp || context.Reading.ChangesTopic) && Declines(rule) &&
        ((context.Choice?.NameMatch ?? 0) < NamesNoText || context.Reading.OpensWithACase);

    // Asking back among the nearest procedures is what the policy does instead of declining a question that asks which
    // procedure to follow: in a conversation, the previous answer's text is tried first, as for a decline.
    private static bool Declines(AnswerRule rule) => rule is OutOfScopeRule or NotInSourcesRule or UnsureWhichProcedureRule;

    private async Task<(AnswerContext Context, AnswerRule Rule, Reply Reply)> DecideAsync(QuestionReading reading, AskQuery query, CancellationToken cancellationToken)
    {
        var statistics = await catalog.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var hits = await retriever.RetrieveAsync(reading.Terms, reading.SearchText, Math.Max(query.TopK ?? 0, SourceSelector.Depth * ChunksPerCandidate), SearchFilter.ForProvince(query.Province), cancellationToken).ConfigureAwait(false);
        var documents = await DocumentsAsync(hits, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var choice = hits.Count == 0 ? null : SourceSelector.Choose(hits, documents, reading, statistics, cues, today);
        var context = new AnswerContext(reading, query.Persona, hits, documents, choice, statistics, analyzer, cues, today) { Province = query.Province, Reranked = retriever.Reranker is not null };
        using var decide = Telemetry.Source.StartActivity(Telemetry.DecideSpan);
        var (rule, reply) = policy.Decide(context);
        decide?.SetTag("rule", rule.Name);
        return (context, rule, reply);
    }

    private async IAsyncEnumerable<string> CompleteAsOnePart(Microsoft.SemanticKernel.ChatCompletion.ChatHistory chat, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return await generative.CompleteAsync(chat, cancellationToken).ConfigureAwait(false);
    }

    // A failing, slow or unreachable model ends the generated part; the caller then falls back to the composed
    // answer. Cancellation by the caller is not a model failure and propagates.
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

    // The retrieved chunks' documents, and the texts that replaced any of them (a validity note names the successor).
    private async Task<Dictionary<string, CorpusDocument>> DocumentsAsync(IReadOnlyList<ChunkHit> hits, CancellationToken cancellationToken)
    {
        var documents = new Dictionary<string, CorpusDocument>(StringComparer.Ordinal);
        foreach (var id in hits.Select(h => h.Chunk.DocumentId).Distinct(StringComparer.Ordinal))
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
