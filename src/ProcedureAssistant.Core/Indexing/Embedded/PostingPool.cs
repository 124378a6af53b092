namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// The postings of the segment being written, held until it is finished: every term's (chunk, frequency) pairs in
/// slices cut from a few large pages of integers, each slice ending in the address of the term's next one, and the
/// slices growing with the term (1, 3, 7 … 255 pairs). A segment's tens of millions of postings are thus a few hundred
/// arrays without references, which the garbage collector neither scans nor copies; one growable pair of arrays per
/// term made the collector the largest cost of a build (about two fifths of its processor time at 100,000 chunks).
/// </summary>
internal sealed class PostingPool
{
    private const int PageBits = 20;
    private const int PageSize = 1 << PageBits;
    private const int MaxPages = int.MaxValue / PageSize;

    // Pairs a slice holds, by its level; a slice takes two integers a pair and one for the address of the next.
    private static readonly int[] SliceCapacities = [1, 3, 7, 15, 31, 63, 127, 255];

    private readonly List<int[]> _pages = [];
    private TermState[] _terms = new TermState[1024];
    private int _used = PageSize;

    /// <summary>Terms added so far; they are numbered from 0 in that order.</summary>
    public int TermCount { get; private set; }

    /// <summary>Starts a term with no postings and returns its number.</summary>
    public int AddTerm()
    {
        if (TermCount == _terms.Length)
        {
            Array.Resize(ref _terms, _terms.Length * 2);
        }

        _terms[TermCount] = default;
        return TermCount++;
    }

    /// <summary>Postings of <paramref name="term"/> so far.</summary>
    public int Count(int term) => _terms[term].Count;

    /// <summary>Whether a frequency of <paramref name="term"/> is not a whole number the postings can store as one.</summary>
    public bool Fractional(int term) => _terms[term].Fractional;

    /// <summary>Appends one posting; a term's chunks arrive in ascending order.</summary>
    public void Add(int term, int chunk, float frequency)
    {
        ref var state = ref _terms[term];
        if (state.Left == 0)
        {
            var level = state.Count == 0 ? 0 : Math.Min(state.Level + 1, SliceCapacities.Length - 1);
            var capacity = SliceCapacities[level];
            var slice = Allocate((2 * capacity) + 1);
            if (state.Count == 0)
            {
                state.First = slice;
            }
            else
            {
                // Write is the previous slice's last integer: the address of this one.
                _pages[state.Write >> PageBits][state.Write & (PageSize - 1)] = slice;
            }

            (state.Write, state.Left, state.Level) = (slice, capacity, level);
        }

        var page = _pages[state.Write >> PageBits];
        var offset = state.Write & (PageSize - 1);
        page[offset] = chunk;
        page[offset + 1] = BitConverter.SingleToInt32Bits(frequency);
        state.Write += 2;
        state.Left--;
        state.Count++;
        state.Fractional |= frequency != MathF.Floor(frequency) || frequency < 0 || frequency > int.MaxValue;
    }

    /// <summary>Copies the postings of <paramref name="term"/>, in order, into the first <see cref="Count"/> places of the spans.</summary>
    public void Read(int term, Span<int> chunks, Span<float> frequencies)
    {
        var state = _terms[term];
        var address = state.First;
        var level = 0;
        for (var read = 0; read < state.Count;)
        {
            var capacity = SliceCapacities[level];
            var page = _pages[address >> PageBits];
            var offset = address & (PageSize - 1);
            var take = Math.Min(capacity, state.Count - read);
            for (var i = 0; i < take; i++)
            {
                chunks[read + i] = page[offset + (2 * i)];
                frequencies[read + i] = BitConverter.Int32BitsToSingle(page[offset + (2 * i) + 1]);
            }

            read += take;
            if (read < state.Count)
            {
                address = page[offset + (2 * capacity)];
                level = Math.Min(level + 1, SliceCapacities.Length - 1);
            }
        }
    }

    // A slice never spans two pages; the rest of a page too short for the next slice is left unused.
    private int Allocate(int size)
    {
        if (_used + size > PageSize)
        {
            if (_pages.Count == MaxPages)
            {
                throw new InvalidOperationException($"A segment holds at most {(long)MaxPages * PageSize / 2:N0} postings in memory; start segments smaller.");
            }

            _pages.Add(new int[PageSize]);
            _used = 0;
        }

        var address = ((_pages.Count - 1) << PageBits) | _used;
        _used += size;
        return address;
    }

    private struct TermState
    {
        public int First;
        public int Write;
        public int Left;
        public int Count;
        public int Level;
        public bool Fractional;
    }
}
