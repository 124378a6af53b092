using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Api.Admin;
using ProcedureAssistant.Api.Contracts;
using ProcedureAssistant.Api.Hosting;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Documents.Uploads;
using ProcedureAssistant.Core.Indexing;

namespace ProcedureAssistant.Api.Endpoints;

/// <summary>
/// The corpus documents under <c>/api/admin</c>: their status, and uploading, replacing and withdrawing them. A
/// change is written to the corpus folder at once (atomically), audited, and read into the live index by a
/// re-index job; until that job succeeds the old index keeps answering.
/// </summary>
internal static class AdminDocumentEndpoints
{
    private const string Indexed = "indexed";
    private const string Pending = "pending";
    private const string Failed = "failed";

    public static RouteGroupBuilder MapAdminDocumentEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/documents", ListAsync)
            .WithName("AdminListDocuments")
            .WithSummary("Every corpus file with its status: indexed, pending (stored, not yet in the live index) or failed with the reason.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        admin.MapGet("/documents/{id}", GetAsync)
            .WithName("AdminGetDocument")
            .WithSummary("One corpus document's status.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        admin.MapPost("/documents", UploadAsync)
            .WithName("UploadDocument")
            .WithSummary("Add a document (.md, .json, .txt, .html, .htm, .docx, .pdf) to the corpus and queue a re-index.")
            .AcceptsUpload();
        admin.MapPut("/documents/{id}", ReplaceAsync)
            .WithName("ReplaceDocument")
            .WithSummary("Replace a document's file, keeping its id, and queue a re-index.")
            .AcceptsUpload()
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapDelete("/documents/{id}", WithdrawAsync)
            .WithName("WithdrawDocument")
            .WithSummary("Withdraw a document: its file moves out of the corpus to {DataPath}/withdrawn/, and a re-index is queued.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return admin;
    }

    // What an upload route takes (the multipart form) and how it can be refused.
    private static RouteHandlerBuilder AcceptsUpload(this RouteHandlerBuilder route) => route
        .Accepts<DocumentUploadForm>("multipart/form-data")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Ok<AdminDocumentList>> ListAsync(CorpusFolder corpus, IChunkIndex index, CancellationToken cancellationToken) =>
        TypedResults.Ok(new AdminDocumentList(await StatusesAsync(corpus, index, cancellationToken)));

    private static async Task<Results<Ok<AdminDocumentStatus>, ProblemHttpResult>> GetAsync(string id, CorpusFolder corpus, IChunkIndex index, CancellationToken cancellationToken)
    {
        var statuses = await StatusesAsync(corpus, index, cancellationToken);
        // As for changes, a file that does not parse stands for the id it is named after.
        var status = statuses.FirstOrDefault(s => s.Id == id)
            ?? statuses.FirstOrDefault(s => s.Id is null && Path.GetFileNameWithoutExtension(s.SourcePath) == id);
        return status is not null
            ? TypedResults.Ok(status)
            : NotFound(id);
    }

    private static async Task<Results<Created<DocumentChangeResponse>, ProblemHttpResult>> UploadAsync(
        HttpContext context,
        UploadConverter converter,
        CorpusFolder corpus,
        ReindexScheduler reindex,
        AuditLog audit,
        UploadSpool spool,
        IOptions<AdminOptions> options,
        CancellationToken cancellationToken)
    {
        await audit.EnsureWritableAsync(cancellationToken);
        var (upload, invalid) = await UploadFormReader.ReadAsync(context.Request, options.Value.MaxUploadBytes, spool, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (TryConvert(converter, upload!, cancellationToken, out var converted) is { } unconvertible)
        {
            return unconvertible;
        }

        var id = converted!.Document.Id;
        var change = await corpus.AddAsync(converted, cancellationToken);
        if (change.Status == CorpusChangeStatus.FileExists)
        {
            return Exists(id, change.File!);
        }

        return TypedResults.Created($"/api/admin/documents/{id}", await CommitAsync(context, "upload", id, change, reindex, audit));
    }

    private static async Task<Results<Ok<DocumentChangeResponse>, ProblemHttpResult>> ReplaceAsync(
        string id,
        HttpContext context,
        UploadConverter converter,
        CorpusFolder corpus,
        ReindexScheduler reindex,
        AuditLog audit,
        UploadSpool spool,
        IOptions<AdminOptions> options,
        CancellationToken cancellationToken)
    {
        await audit.EnsureWritableAsync(cancellationToken);
        var (upload, invalid) = await UploadFormReader.ReadAsync(context.Request, options.Value.MaxUploadBytes, spool, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (upload!.Id is { } given && given != id)
        {
            return UploadFormReader.Invalid("id", $"the upload gives the id '{given}' but replaces '{id}': a replacement keeps the id; add a new document with POST /api/admin/documents");
        }

        // The id comes from the route, so a file without front matter keeps it whatever its title now says, and
        // Markdown or a portal record whose own id differs is refused by the converter, naming the id.
        if (TryConvert(converter, upload with { Id = id }, cancellationToken, out var converted) is { } unconvertible)
        {
            return unconvertible;
        }

        var change = await corpus.ReplaceAsync(id, converted!, cancellationToken);
        return change.Status switch
        {
            CorpusChangeStatus.UnknownId => NotFound(id),
            CorpusChangeStatus.FileExists => Exists(id, change.File!),
            _ => TypedResults.Ok(await CommitAsync(context, "replace", id, change, reindex, audit)),
        };
    }

    private static async Task<Results<Ok<DocumentChangeResponse>, ProblemHttpResult>> WithdrawAsync(
        string id,
        HttpContext context,
        CorpusFolder corpus,
        ReindexScheduler reindex,
        AuditLog audit,
        CancellationToken cancellationToken)
    {
        await audit.EnsureWritableAsync(cancellationToken);
        var change = await corpus.WithdrawAsync(id, cancellationToken);
        return change.Status == CorpusChangeStatus.UnknownId
            ? NotFound(id)
            : TypedResults.Ok(await CommitAsync(context, "withdraw", id, change, reindex, audit));
    }

    /// <summary>
    /// Audits the change once the file is in place, then starts the re-index that reads it: no job runs that the log
    /// does not show. (The log was found writable before the change was made; should it fail now, the answer is a 503
    /// saying so, and the stored change waits, pending, for the next re-index.) Neither step may be cancelled by a
    /// client that hangs up: the corpus has changed and both must follow.
    /// </summary>
    private static async Task<DocumentChangeResponse> CommitAsync(HttpContext context, string action, string id, CorpusChange change, ReindexScheduler reindex, AuditLog audit)
    {
        var actor = audit.Actor(context);
        var file = change.File!;
        var ticket = reindex.Reserve(actor, $"{action} {id}");
        var detail = ticket.AfterRunningJob ? $"re-index after job {ticket.Job.Id}" : $"job {ticket.Job.Id}";
        if (change.ArchivedAs is { } archived)
        {
            detail += $"; old file kept as {archived}";
        }

        try
        {
            await audit.RecordDocumentAsync(actor, action, id, file.FileName, file.ContentHash, detail, CancellationToken.None);
        }
        catch
        {
            reindex.Cancel(ticket);
            throw;
        }

        reindex.Confirm(ticket);
        return new DocumentChangeResponse(
            id,
            action,
            file.FileName,
            file.ContentHash,
            change.ArchivedAs,
            new QueuedReindex(ticket.Job.Id, $"/api/admin/jobs/{ticket.Job.Id}", ticket.AfterRunningJob));
    }

    private static ProblemHttpResult? TryConvert(UploadConverter converter, UploadedDocument upload, CancellationToken cancellationToken, out ConvertedUpload? converted)
    {
        converted = null;
        try
        {
            converted = converter.Convert(upload, cancellationToken);
            return null;
        }
        catch (DocumentParseException ex)
        {
            return ex.IsUnsupportedType
                ? UploadFormReader.Unsupported(ex.Message)
                : UploadFormReader.Invalid(ex.Field ?? UploadFormReader.FileField, ex.Message);
        }
        catch (UploadLimitExceededException ex)
        {
            return TypedResults.Problem(
                statusCode: ex.IsTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity,
                type: ex.IsTooLarge ? ProblemTypes.UploadTooLarge : ProblemTypes.UploadTooComplex,
                title: ex.IsTooLarge ? "The upload holds too much to convert" : "The upload is too costly to convert",
                detail: ex.Message,
                extensions: new Dictionary<string, object?> { ["limit"] = ex.Limit, ["limitValue"] = ex.Value });
        }
    }

    /// <summary>
    /// Every document in the corpus folder with its status against the live index, every file that fails to parse,
    /// and every document still in the live index whose file has been withdrawn. Documents read from the other
    /// corpus sources (Corpus:Sources) are not the folder's and are left out.
    /// </summary>
    private static async Task<List<AdminDocumentStatus>> StatusesAsync(CorpusFolder corpus, IChunkIndex index, CancellationToken cancellationToken)
    {
        var files = await corpus.ReadAsync(cancellationToken);
        var live = (await index.ListDocumentsAsync(cancellationToken)).ToDictionary(d => d.Id, StringComparer.Ordinal);
        var stored = files.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return files.Documents
            .Select(d => live.TryGetValue(d.Id, out var indexed) && indexed.ContentHash == d.ContentHash
                ? new AdminDocumentStatus(d.SourcePath, d.Id, d.Title, Indexed, null, d.ContentHash)
                : new AdminDocumentStatus(d.SourcePath, d.Id, d.Title, Pending, indexed is null ? "stored; not in the live index yet" : "changed; the live index has an older version", d.ContentHash))
            .Concat(files.Failures.Select(f => new AdminDocumentStatus(f.SourcePath, null, null, Failed, f.Reason, null)))
            .Concat(live.Values
                .Where(d => !stored.Contains(d.Id) && !corpus.IsFromAnotherSource(d.SourcePath))
                .Select(d => new AdminDocumentStatus(d.SourcePath, d.Id, d.Title, Pending, "withdrawn; still in the live index until the next re-index", d.ContentHash)))
            .OrderBy(s => s.SourcePath, StringComparer.Ordinal)
            .ToList();
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Document not found", detail: $"No corpus document has the id '{id}'.");

    private static ProblemHttpResult Exists(string id, CorpusFile file) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "The document is already in the corpus",
        detail: $"'{file.FileName}' is in the corpus, holding the id '{id}' or the file name this upload needs; replace the document with PUT /api/admin/documents/{id}, or withdraw it first.",
        extensions: new Dictionary<string, object?> { ["fileName"] = file.FileName });
}
