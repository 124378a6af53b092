namespace ProcedureAssistant.Core.Documents.Uploads;

/// <summary>
/// Reads a part of an upload and stops with <see cref="UploadLimitExceededException"/> as soon as more than
/// <see cref="UploadLimits.MaxUncompressedBytes"/> came out of it, whatever its headers declared.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long limit) : Stream
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

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _read += read;
        if (_read > limit)
        {
            throw new UploadLimitExceededException(
                nameof(UploadLimits.MaxUncompressedBytes),
                limit,
                $"a part of the package inflates to more than {limit:N0} bytes ({UploadLimits.SettingName(nameof(UploadLimits.MaxUncompressedBytes))})");
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
