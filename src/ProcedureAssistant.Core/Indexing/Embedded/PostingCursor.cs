namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// Walks one term's postings in a segment, a block at a time: <see cref="Next"/> steps to the next chunk that has the
/// term, <see cref="Advance"/> skips to the first at or after a chunk, reading only the headers of the blocks it
/// jumps over. <see cref="Document"/> is <see cref="int.MaxValue"/> once the postings are exhausted.
/// </summary>
internal sealed class PostingCursor
{
    private readonly Segment _segment;
    private readonly TermEntry _entry;
    private readonly int[] _documents = new int[SegmentFormat.BlockSize];
    private readonly float[] _frequencies = new float[SegmentFormat.BlockSize];
    private int _block = -1;
    private int _count;
    private int _position;

    public PostingCursor(Segment segment, TermEntry entry)
    {
        _segment = segment;
        _entry = entry;
        Load(0);
    }

    /// <summary>The current chunk, or <see cref="int.MaxValue"/> when there is none left.</summary>
    public int Document { get; private set; }

    /// <summary>The term's frequency in the current chunk.</summary>
    public float Frequency => _frequencies[_position];

    /// <summary>The term's dictionary entry.</summary>
    public TermEntry Entry => _entry;

    public void Next()
    {
        if (++_position < _count)
        {
            Document = _documents[_position];
        }
        else
        {
            Load(_block + 1);
        }
    }

    public void Advance(int target)
    {
        if (Document >= target)
        {
            return;
        }

        var headers = _segment.Headers(_entry);
        if (target > headers[_block].LastDocument)
        {
            // Gallop over the headers, then search the last stride.
            var low = _block + 1;
            var step = 1;
            var high = low;
            while (high < headers.Length && headers[high].LastDocument < target)
            {
                low = high + 1;
                high += step;
                step <<= 1;
            }

            high = Math.Min(high, headers.Length - 1);
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                (low, high) = headers[middle].LastDocument < target ? (middle + 1, high) : (low, middle);
            }

            if (low >= headers.Length || headers[low].LastDocument < target)
            {
                Document = int.MaxValue;
                _block = headers.Length;
                return;
            }

            Load(low);
        }

        while (_documents[_position] < target)
        {
            _position++;
        }

        Document = _documents[_position];
    }

    private void Load(int block)
    {
        var headers = _segment.Headers(_entry);
        _block = block;
        _position = 0;
        if (block >= headers.Length)
        {
            _count = 0;
            Document = int.MaxValue;
            return;
        }

        var payload = _segment.Payload(_entry);
        var end = block + 1 < headers.Length ? headers[block + 1].Start : payload.Length;
        var bytes = payload[headers[block].Start..end];
        var previous = block == 0 ? -1 : headers[block - 1].LastDocument;
        var at = 0;
        var count = 0;
        while (at < bytes.Length)
        {
            previous += (int)Varint.Read(bytes, ref at);
            _documents[count] = previous;
            if (_entry.Fractional)
            {
                _frequencies[count] = BitConverter.ToSingle(bytes.Slice(at, 4));
                at += 4;
            }
            else
            {
                _frequencies[count] = Varint.Read(bytes, ref at);
            }

            count++;
        }

        _count = count;
        Document = _documents[0];
    }
}
