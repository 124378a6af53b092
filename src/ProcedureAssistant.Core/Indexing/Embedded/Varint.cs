namespace ProcedureAssistant.Core.Indexing.Embedded;

/// <summary>Unsigned integers in 7-bit groups, low group first (the usual LEB128): one byte below 128.</summary>
internal static class Varint
{
    public static int Write(Span<byte> destination, uint value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    public static uint Read(ReadOnlySpan<byte> source, ref int position)
    {
        uint value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = source[position++];
            value |= (uint)(b & 0x7F) << shift;
            shift += 7;
        }
        while (b >= 0x80);
        return value;
    }
}
