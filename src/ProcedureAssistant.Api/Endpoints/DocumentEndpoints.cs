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
            .WithSummary("Procedure records, optionally filtered by field (lĩnh vực) and level (xa, tinh).");
        return app;
    }

    private static async Task<Ok<DocumentListResponse>> ListAsync(IChunkIndex index, TimeProvider time, CancellationToken cancellationToken)
    {
        var documents = await index.ListDocumentsAsync(cancellationToken);
        var today = Today(time);
        return TypedResults.Ok(new DocumentListResponse(documents.Select(d => Summarize(d, today)).ToList()));
    }

    private static async Task<Ok<DocumentListResponse>> ListProceduresAsync(IChunkIndex index, TimeProvider time, CancellationToken cancellationToken, string? field = null, string? level = null)
    {
        var documents = await index.ListDocumentsAsync(cancellationToken);
        var today = Today(time);
        var procedures = documents
            .Where(d => d.Type == DocumentType.Procedure)
            .Where(d => field is null || string.Equals(d.Field, field, StringComparison.OrdinalIgnoreCase))
            .Where(d => level is null || d.Levels.Contains(ProcedureLevels.Parse(level) ?? level, StringComparer.Ordinal))
            .Select(d => Summarize(d, today))
            .ToList();
        return TypedResults.Ok(new DocumentListResponse(procedures));
    }

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
