using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using ProcedureAssistant.Api.Admin;

namespace ProcedureAssistant.Api.Hosting;

/// <summary>
/// Caps the body of every public request at <see cref="MaxBytes"/>: a question is at most 2,000 characters, so a
/// larger body is refused with 413 ProblemDetails before it is read (by its Content-Length), or as soon as it passes
/// the cap while it streams in (the server's body-size limit, or a counting stream where the server has none). The
/// admin routes set their own limits (uploads: <c>Admin:MaxUploadBytes</c>).
/// </summary>
internal sealed class PublicBodyLimit(RequestDelegate next)
{
    public const long MaxBytes = 64 * 1024;

    public static readonly string Detail = string.Create(CultureInfo.InvariantCulture, $"Nội dung một yêu cầu tối đa {MaxBytes / 1024} KB.");

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path.StartsWithSegments(AdminKeyMiddleware.PathPrefix))
        {
            await next(context);
            return;
        }

        if (context.Request.ContentLength > MaxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Type = ProblemTypes.RequestTooLarge, Detail = Detail },
            });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }
        else
        {
            context.Request.Body = new CappedRequestBody(context.Request.Body, MaxBytes);
        }

        await next(context);
    }

    /// <summary>A request body that throws the server's own 413 exception once more than the cap has been read.</summary>
    private sealed class CappedRequestBody(Stream inner, long cap) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > cap ? throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge) : read;
        }
    }
}
