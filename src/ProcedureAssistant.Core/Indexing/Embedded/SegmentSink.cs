namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// Where a segment is written: a file (written under a temporary name, flushed to disk, then renamed, so that a
/// crash never leaves a partial segment under its final name) or memory, for an index that is never persisted.
/// </summary>
internal sealed class SegmentSink : IDisposable
{
    private readonly string _name;
    private readonly string? _path;
    private bool _committed;

    private SegmentSink(string name, string? path, Stream stream)
    {
        _name = name;
        _path = path;
        Stream = stream;
    }

    public Stream Stream { get; }

    public static SegmentSink ToFile(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        return new SegmentSink(name, path, new FileStream(path + ".tmp", FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 20));
    }

    public static SegmentSink ToMemory(string name) => new(name, null, new MemoryStream());

    /// <summary>Makes the written segment durable under its name and opens it.</summary>
    public Segment Commit()
    {
        _committed = true;
        if (_path is null)
        {
            var memory = (MemoryStream)Stream;
            return Segment.InMemory(_name, memory.GetBuffer().AsSpan(0, (int)memory.Length));
        }

        var file = (FileStream)Stream;
        file.Flush(flushToDisk: true);
        file.Dispose();
        File.Move(_path + ".tmp", _path, overwrite: true);
        return Segment.Open(_path);
    }

    public void Dispose()
    {
        Stream.Dispose();
        if (!_committed && _path is not null)
        {
            File.Delete(_path + ".tmp");
        }
    }
}
