using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureAssistant.Api.Contracts;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Api.Endpoints;

/// <summary>
/// <c>GET /api/documents</c>, <c>GET /api/documents/{id}</c>, <c>GET /api/procedures</c>. Text goes out as plain
/// text and links as http(s) or nothing (<see cref="PlainText"/>), whatever a document holds.
/// </summary>
internal static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/api/documents").WithTags("Documents");
        documents.MapGet("/", ListAsync).WithName("ListDocuments").WithSummary("Every indexed document.");
        documents.MapGet("/{id}", GetAsync).WithName("GetDocument").WithSummary("One document with its chunks.");

        app.MapGroup("/api/procedures").WithTags("Documents")
            .MapGet("/", ListProceduresAsync)
            .WithName("ListProcedures")
            .WithSummary("Procedure records, optionally filtered by field (lĩnh vực, diacritics optional: 'ho tich' is 'Hộ tịch') and level (xa, tinh, bo, khac, or their names: 'cấp xã').")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<DocumentListResponse>> ListAsync(IChunkIndex index, TimeProvider time, CancellationToken cancellationToken)
    {
        var documents = await index.ListDocumentsAsync(cancellationToken);
        var today = Today(time);
        return TypedResults.Ok(new DocumentListResponse(documents.Select(d => Summarize(d, today)).ToList()));
    }

    private static async Task<Results<Ok<DocumentListResponse>, ValidationProblem>> ListProceduresAsync(
        IChunkIndex index,
        TimeProvider time,
        CancellationToken cancellationToken,
        [StringLength(200)] string? field = null,
        [StringLength(50)] string? level = null)
    {
        var levelKey = ProcedureLevels.Parse(level);
        if (!string.IsNullOrWhiteSpace(level) && levelKey is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["level"] = [$"'{level}' is not a procedure level: use {string.Join(", ", ProcedureLevels.All)} (or 'cấp xã', 'cấp tỉnh', 'cấp bộ', 'cơ quan khác')."],
            });
        }

        var fieldKey = string.IsNullOrWhiteSpace(field) ? null : FieldKey(field);
        var documents = await index.ListDocumentsAsync(cancellationToken);
        var today = Today(time);
        var procedures = documents
            .Where(d => d.Type == DocumentType.Procedure)
            .Where(d => fieldKey is null || (d.Field is not null && FieldKey(d.Field) == fieldKey))
            .Where(d => levelKey is null || d.Levels.Contains(levelKey, StringComparer.Ordinal))
            .Select(d => Summarize(d, today))
            .ToList();
        return TypedResults.Ok(new DocumentListResponse(procedures));
    }

    // Fields compare without case, diacritics or extra spaces: "ho tich", "Hộ  tịch" and "HỘ TỊCH" are "Hộ tịch".
    private static string FieldKey(string field) =>
        string.Join(' ', VietnameseText.Fold(VietnameseText.Normalize(field)).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static async Task<Results<Ok<DocumentDetail>, ProblemHttpResult>> GetAsync(string id, IChunkIndex index, TimeProvider time, CancellationToken cancellationToken)
    {
        var document = await index.GetDocumentAsync(id, cancellationToken);
        if (document is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Document not found", detail: $"Không có văn bản nào mang mã '{id}'.");
        }

        var chunks = await index.GetChunksAsync(id, cancellationToken);
        return TypedResults.Ok(new DocumentDetail(
            Summarize(document, Today(time)),
            document.LegalBasis.Select(PlainText.Of).ToList(),
            document.Sources.Select(PlainText.HttpUrl).OfType<string>().ToList(),
            document.Aliases.Select(PlainText.Of).ToList(),
            chunks.Select(c => new ChunkResponse(c.Id, PlainText.Of(c.Path), PlainText.Of(c.Text))).ToList()));
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    private static DocumentSummary Summarize(CorpusDocument d, DateOnly today) => new(
        d.Id,
        d.Type.ToString().ToLowerInvariant(),
        PlainText.Of(d.Title),
        PlainText.OfOptional(d.Number),
        PlainText.OfOptional(d.Code),
        PlainText.OfOptional(d.Field),
        d.Levels,
        d.Province,
        PlainText.OfOptional(d.Authority),
        d.Effective,
        d.Expires,
        d.SupersededBy,
        d.IsInForce(today),
        PlainText.HttpUrl(d.Source));
}
