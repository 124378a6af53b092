using ProcedureAssistant.Core.Queries;

namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>
/// A <see cref="SearchFilter"/> read against one segment's chunk codes instead of its chunk records, so that a
/// filtered search decodes no record: a chunk passes exactly when <see cref="SearchFilter.Accepts"/> would pass it.
/// </summary>
internal sealed class ChunkFilter
{
    private readonly Segment _segment;
    private readonly int _province;
    private readonly byte _levels;
    private readonly bool _anyProvince;
    private readonly bool _anyLevel;

    private ChunkFilter(Segment segment, SearchFilter filter)
    {
        _segment = segment;
        _anyProvince = filter.Province is null;

        // A province the segment does not hold has no code: only its chunks without a province pass.
        _province = filter.Province is null ? 0 : IndexOf(segment.Provinces, filter.Province) + 1;
        _anyLevel = filter.Levels.Count == 0;
        foreach (var level in filter.Levels)
        {
            var bit = IndexOf(segment.Levels, level);
            _levels |= bit < 0 ? (byte)0 : (byte)(1 << bit);
        }
    }

    /// <summary>The filter for the segment, or null when it leaves nothing out.</summary>
    public static ChunkFilter? For(Segment segment, SearchFilter? filter) =>
        filter is null || filter.IsEmpty ? null : new ChunkFilter(segment, filter);

    public bool Accepts(int chunk)
    {
        if (!_anyProvince)
        {
            var province = _segment.ChunkProvinces[chunk];
            if (province != 0 && province != _province)
            {
                return false;
            }
        }

        if (!_anyLevel)
        {
            var levels = _segment.ChunkLevels[chunk];
            return levels == 0 || (levels & _levels) != 0;
        }

        return true;
    }

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
