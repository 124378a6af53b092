using Microsoft.AspNetCore.Http.HttpResults;
using ProcedureAssistant.Api.Contracts;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Api.Endpoints;

/// <summary><c>GET /api/documents</c>, <c>GET /api/documents/{id}</c>, <c>GET /api/procedures</c>.</summary>
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
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Document not found", detail: $"No document has the id '{id}'.");
        }

        var chunks = await index.GetChunksAsync(id, cancellationToken);
        return TypedResults.Ok(new DocumentDetail(
            Summarize(document, Today(time)),
            document.LegalBasis,
            document.Sources,
            document.Aliases,
            chunks.Select(c => new ChunkResponse(c.Id, c.Path, c.Text)).ToList()));
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    private static DocumentSummary Summarize(CorpusDocument d, DateOnly today) => new(
        d.Id,
        d.Type.ToString().ToLowerInvariant(),
        d.Title,
        d.Number,
        d.Code,
        d.Field,
        d.Levels,
        d.Province,
        d.Authority,
        d.Effective,
        d.Expires,
        d.SupersededBy,
        d.IsInForce(today),
        d.Source);
}
