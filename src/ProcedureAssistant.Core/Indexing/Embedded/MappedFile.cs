using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// A read-only file mapped into memory, read as spans. The operating system pages it in as searches touch it and may
/// drop clean pages under memory pressure, so an index far larger than the working set costs only what is read; and
/// opening it reads nothing, so start-up does not grow with the index. The mapping lives until <see cref="Dispose"/>
/// or, when nobody disposes it, until the object is collected: a search keeps the segment it reads reachable, so a
/// version switch never unmaps pages under a running search.
/// </summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte[]? _pinned;
    private byte* _start;

    public MappedFile(string path)
    {
        Length = new FileInfo(path).Length;
        _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _file.CreateViewAccessor(0, Length, MemoryMappedFileAccess.Read);
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref _start);
        _start += _view.PointerOffset;
    }

    /// <summary>Bytes held in memory instead of a file (an index that is never written to disk), pinned for their lifetime.</summary>
    public MappedFile(ReadOnlySpan<byte> bytes)
    {
        Length = bytes.Length;
        _pinned = GC.AllocateUninitializedArray<byte>(bytes.Length, pinned: true);
        bytes.CopyTo(_pinned);
        fixed (byte* start = _pinned)
        {
            // The array is allocated pinned: its address never changes.
            _start = start;
        }
    }

    ~MappedFile() => Release();

    /// <summary>The file's size in bytes.</summary>
    public long Length { get; }

    /// <summary><paramref name="length"/> bytes from <paramref name="offset"/>.</summary>
    public ReadOnlySpan<byte> Bytes(long offset, int length)
    {
        Check(offset, length);
        return new ReadOnlySpan<byte>(_start + offset, length);
    }

    /// <summary><paramref name="count"/> values of <typeparamref name="T"/> from <paramref name="offset"/> (little-endian, as written).</summary>
    public ReadOnlySpan<T> Values<T>(long offset, int count)
        where T : unmanaged
    {
        Check(offset, (long)count * sizeof(T));
        return new ReadOnlySpan<T>(_start + offset, count);
    }

    /// <summary>One value of <typeparamref name="T"/> at <paramref name="offset"/>.</summary>
    public T Read<T>(long offset)
        where T : unmanaged
    {
        Check(offset, sizeof(T));
        return MemoryMarshal.Read<T>(new ReadOnlySpan<byte>(_start + offset, sizeof(T)));
    }

    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    private void Check(long offset, long length)
    {
        ObjectDisposedException.ThrowIf(_start is null, this);
        if (offset < 0 || length < 0 || offset + length > Length)
        {
            throw new InvalidDataException($"Read of {length} bytes at {offset} is outside the {Length}-byte index segment.");
        }
    }

    private void Release()
    {
        if (_start is not null)
        {
            _start = null;
            _view?.SafeMemoryMappedViewHandle.ReleasePointer();
            _view?.Dispose();
            _file?.Dispose();
        }
    }
}
