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
/// Answers a question from the retrieved chunks with numbered citations, or abstains and refers the person
/// to the commune's public-service centre when the evidence is too weak.
/// </summary>
public sealed class AnswerService(
    Retriever retriever,
    IChunkIndex index,
    IOptions<AnsweringOptions> answering,
    IOptions<RetrievalOptions> retrieval,
    TimeProvider time,
    ILogger<AnswerService> logger)
{
    /// <summary>The referral given whenever the service cannot answer from its texts.</summary>
    public const string Referral =
        "Bạn vui lòng liên hệ Trung tâm Phục vụ hành chính công cấp xã (xã, phường, đặc khu) nơi cư trú, " +
        "hoặc tra cứu trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), để được hướng dẫn chính xác.";

    private const int SnippetCharacters = 240;

    /// <summary>Answers the question for the given persona from the best <paramref name="topK"/> chunks.</summary>
    public async Task<Answer> AskAsync(string question, Persona persona = Persona.Citizen, int? topK = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        using var activity = Telemetry.Source.StartActivity("answer");
        var options = answering.Value;
        var hits = await retriever.RetrieveAsync(question, topK ?? retrieval.Value.TopK, cancellationToken).ConfigureAwait(false);
        if (hits.Count == 0 || hits[0].Coverage < options.MinCoverage)
        {
            Log.QuestionAnswered(logger, nameof(AnswerMode.Extractive), true, question);
            return Abstain();
        }

        var used = SelectEvidence(hits, options);
        var citations = used.Select((hit, i) => ToCitation(i + 1, hit)).ToList();
        var top = used[0];
        var document = await index.GetDocumentAsync(top.Chunk.DocumentId, cancellationToken).ConfigureAwait(false);

        var text = new StringBuilder();
        if (document is { Type: DocumentType.Procedure })
        {
            WriteProcedure(text, ProcedureRecord.From(document), persona);
        }
        else
        {
            WriteQuote(text, top, options.MaxQuoteCharacters);
        }

        if (document is not null)
        {
            WriteValidity(text, document);
        }

        if (citations.Count > 1)
        {
            text.Append("\n\nXem thêm: ")
                .AppendJoin("; ", citations.Skip(1).Select(c => $"[{c.Index}] {c.Path}"))
                .Append('.');
        }

        Log.QuestionAnswered(logger, nameof(AnswerMode.Extractive), false, question);
        return new Answer(text.ToString().Trim(), AnswerMode.Extractive, false, citations);
    }

    private static Answer Abstain() => new(
        "Tôi chưa tìm thấy thông tin đủ tin cậy trong kho văn bản để trả lời câu hỏi này. " + Referral,
        AnswerMode.Extractive,
        true,
        []);

    // The best chunk, then others that also speak to the question, one per document.
    private static List<ChunkHit> SelectEvidence(IReadOnlyList<ChunkHit> hits, AnsweringOptions options)
    {
        var used = new List<ChunkHit> { hits[0] };
        foreach (var hit in hits.Skip(1))
        {
            if (used.Count >= options.MaxCitations)
            {
                break;
            }

            var strongEnough = hit.Coverage >= options.MinCoverage && hit.Score >= hits[0].Score * 0.6;
            if (strongEnough && used.All(u => u.Chunk.DocumentId != hit.Chunk.DocumentId))
            {
                used.Add(hit);
            }
        }

        return used;
    }

    private static void WriteProcedure(StringBuilder text, ProcedureRecord record, Persona persona)
    {
        var document = record.Document;
        text.Append("Thủ tục ").Append(document.Title);
        if (document.Code is not null)
        {
            text.Append(" (mã ").Append(document.Code).Append(')');
        }

        text.Append(" [1]:\n");
        var fields = persona == Persona.Official ? ProcedureRecord.OfficialFields : ProcedureRecord.CitizenFields;
        foreach (var name in fields)
        {
            if (record.Field(name) is not { } value)
            {
                continue;
            }

            var lines = value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (lines.Length == 1)
            {
                text.Append("- ").Append(name).Append(": ").Append(TrimBullet(lines[0])).Append(" [1]\n");
            }
            else
            {
                text.Append("- ").Append(name).Append(" [1]:\n");
                foreach (var line in lines)
                {
                    text.Append("  - ").Append(TrimBullet(line)).Append('\n');
                }
            }
        }
    }

    private static void WriteQuote(StringBuilder text, ChunkHit hit, int maxCharacters)
    {
        text.Append("Theo ").Append(hit.Chunk.Path).Append(" [1]:\n");
        foreach (var line in TextExcerpt.Shorten(hit.Chunk.Text, maxCharacters).Split('\n'))
        {
            text.Append("> ").Append(line).Append('\n');
        }
    }

    private void WriteValidity(StringBuilder text, CorpusDocument document)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        if (document.SupersededBy is not null)
        {
            text.Append("\nLưu ý: văn bản này đã được thay thế (xem văn bản ").Append(document.SupersededBy).Append(").\n");
        }
        else if (!document.IsInForce(today))
        {
            text.Append("\nLưu ý: văn bản này không còn hoặc chưa có hiệu lực vào ngày ")
                .Append(today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)).Append(".\n");
        }
    }

    private static Citation ToCitation(int index, ChunkHit hit) => new(
        index,
        hit.Chunk.DocumentId,
        hit.Chunk.Id,
        hit.Chunk.Title,
        hit.Chunk.Code,
        hit.Chunk.Number,
        hit.Chunk.Path,
        TextExcerpt.Shorten(hit.Chunk.Text, SnippetCharacters),
        hit.Chunk.Url);

    private static string TrimBullet(string line) => line.TrimStart('-', '*', ' ');
}
