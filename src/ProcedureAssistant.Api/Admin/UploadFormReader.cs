using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Documents.Uploads;

namespace ProcedureAssistant.Api.Admin;

/// <summary>
/// Reads a <c>multipart/form-data</c> upload while it streams in. The <c>file</c> part is written to the
/// <see cref="UploadSpool"/> (in the data folder, deleted when the request ends) and counted as it is read, refused as
/// soon as it passes <c>Admin:MaxUploadBytes</c>, so an oversized body is never buffered whole (form
/// binding would read the whole form, to disk past 64 KiB, before any check of ours could run); the metadata parts
/// are short text fields, and a part the form does not take is refused by name so that a typo surfaces.
/// </summary>
internal static class UploadFormReader
{
    public const string FileField = "file";

    /// <summary>The form's fields, as <see cref="Contracts.DocumentUploadForm"/> documents them.</summary>
    public static readonly IReadOnlyList<string> Fields = [FileField, "id", "type", "title", "number", "code", "source", "effective"];

    private const int MaxFieldBytes = 4 * 1024;
    private const int MaxHeaderBytes = 4 * 1024;
    private const int MaxParts = 16;
    private const int MaxBoundaryLength = 70; // RFC 2046

    /// <summary>Room for the metadata parts, the part headers and the boundaries on top of the file.</summary>
    private const long FormOverheadBytes = MaxParts * (MaxFieldBytes + MaxHeaderBytes + 2L * MaxBoundaryLength);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The upload, or the problem to answer with (400 naming the field, 413, 415).</summary>
    public static async Task<(UploadedDocument? Upload, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, long maxFileBytes, UploadSpool spool, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !string.Equals(mediaType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Unsupported($"Send the document as multipart/form-data with a '{FileField}' part, not as {(string.IsNullOrEmpty(request.ContentType) ? "a body without a content type" : request.ContentType)}."));
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > MaxBoundaryLength)
        {
            return (null, Invalid(FileField, "the multipart/form-data content type has no valid boundary"));
        }

        if (request.ContentLength > maxFileBytes + FormOverheadBytes)
        {
            return (null, TooLarge(maxFileBytes)); // refused before a byte of the body is read
        }

        // Kestrel then stops a body without a length at the same size, whatever its own default limit.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxFileBytes + FormOverheadBytes;
        }

        try
        {
            await using var file = spool.Create();
            return await ReadPartsAsync(new MultipartReader(boundary, request.Body) { HeadersLengthLimit = MaxHeaderBytes }, maxFileBytes, file, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxFileBytes));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return (null, Invalid(FileField, $"the multipart/form-data body is malformed: {ex.Message}"));
        }
    }

    private static async Task<(UploadedDocument? Upload, ProblemHttpResult? Problem)> ReadPartsAsync(MultipartReader reader, long maxFileBytes, FileStream spooled, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? fileName = null;
        byte[]? content = null;
        var parts = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (++parts > MaxParts)
            {
                return (null, Invalid(FileField, $"the form has more than {MaxParts} parts"));
            }

            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFormDisposition() && !disposition.IsFileDisposition())
            {
                return (null, Invalid(FileField, "every part needs a 'Content-Disposition: form-data; name=...' header"));
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            if (!Fields.Contains(name))
            {
                return (null, Invalid(name.Length == 0 ? FileField : name, $"the form takes no field '{name}'; its fields are {string.Join(", ", Fields)}"));
            }

            if (name == FileField)
            {
                if (content is not null)
                {
                    return (null, Invalid(FileField, "send one file per request"));
                }

                fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                content = await SpoolAsync(section.Body, maxFileBytes, spooled, cancellationToken);
                if (content is null)
                {
                    return (null, TooLarge(maxFileBytes));
                }

                continue;
            }

            if (values.ContainsKey(name))
            {
                return (null, Invalid(name, "the field is given twice"));
            }

            var bytes = await ReadAtMostAsync(section.Body, MaxFieldBytes, cancellationToken);
            if (bytes is null)
            {
                return (null, Invalid(name, $"the field is longer than {MaxFieldBytes} bytes"));
            }

            try
            {
                values[name] = StrictUtf8.GetString(bytes).Trim();
            }
            catch (DecoderFallbackException)
            {
                return (null, Invalid(name, "the field is not UTF-8 text"));
            }
        }

        if (content is null)
        {
            return (null, Invalid(FileField, $"send the document in a '{FileField}' part"));
        }

        return ToUpload(fileName ?? string.Empty, content, values);
    }

    private static (UploadedDocument? Upload, ProblemHttpResult? Problem) ToUpload(string fileName, byte[] content, Dictionary<string, string> values)
    {
        DocumentType? type = null;
        if (Value(values, "type") is { } typeName)
        {
            type = typeName.ToLowerInvariant() switch
            {
                "regulation" => DocumentType.Regulation,
                "procedure" => DocumentType.Procedure,
                "guide" => DocumentType.Guide,
                _ => null,
            };
            if (type is null)
            {
                return (null, Invalid("type", $"'{typeName}' is not one of regulation, procedure, guide"));
            }
        }

        DateOnly? effective = null;
        if (Value(values, "effective") is { } day)
        {
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return (null, Invalid("effective", $"'{day}' is not a date written as YYYY-MM-DD"));
            }

            effective = parsed;
        }

        return (new UploadedDocument(fileName, content)
        {
            Id = Value(values, "id"),
            Type = type,
            Title = Value(values, "title"),
            Number = Value(values, "number"),
            Code = Value(values, "code"),
            Source = Value(values, "source"),
            Effective = effective,
        }, null);
    }

    /// <summary>
    /// The file part's bytes, written to the spool file as they arrive and read back at their exact size once the
    /// part has ended; null as soon as there are more than <paramref name="limit"/>.
    /// </summary>
    private static async Task<byte[]?> SpoolAsync(Stream body, long limit, FileStream spooled, CancellationToken cancellationToken)
    {
        var chunk = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return null;
            }

            await spooled.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        await spooled.FlushAsync(cancellationToken);
        var content = new byte[total];
        spooled.Position = 0;
        await spooled.ReadExactlyAsync(content, cancellationToken);
        return content;
    }

    /// <summary>The stream's bytes, or null as soon as there are more than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string? Value(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public static ProblemHttpResult Invalid(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The upload is not valid",
            Detail = message,
        });

    public static ProblemHttpResult Unsupported(string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [FileField] = [message] })
        {
            Status = StatusCodes.Status415UnsupportedMediaType,
            Title = "The file type is not accepted",
            Detail = message,
        });

    private static ProblemHttpResult TooLarge(long maxFileBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The upload is too large",
        detail: $"A file may have at most {maxFileBytes} bytes (Admin:MaxUploadBytes).",
        extensions: new Dictionary<string, object?> { ["maxUploadBytes"] = maxFileBytes });
}
