using System.Text;

namespace ProcedureAssistant.Core.Tests.Fakes;

/// <summary>
/// Writes a tiny sentence-embedding model folder by hand: <c>model.onnx</c> is one Gather over an embedding table
/// (token states = the table's rows for the input ids), encoded as ONNX protobuf field by field, and
/// <c>vocab.txt</c> is its WordPiece vocabulary. No weights are downloaded; the table is the test's own.
/// </summary>
internal static class TinyOnnxModel
{
    public static void Write(string folder, IReadOnlyList<(string Token, float[] Row)> vocabulary)
    {
        var dimensions = vocabulary[0].Row.Length;
        File.WriteAllLines(Path.Combine(folder, "vocab.txt"), vocabulary.Select(v => v.Token));
        var gather = Message(
            Text(1, "table"), Text(1, "input_ids"), Text(2, "last_hidden_state"), Text(3, "embed"), Text(4, "Gather"));
        var table = Message(
            Varint(1, vocabulary.Count), Varint(1, dimensions), Varint(2, 1),
            Bytes(4, vocabulary.SelectMany(v => v.Row).SelectMany(BitConverter.GetBytes).ToArray()),
            Text(8, "table"));
        var graph = Message(
            Bytes(1, gather),
            Text(2, "tiny"),
            Bytes(5, table),
            Bytes(11, TensorInfo("input_ids", 7, Symbolic("batch"), Symbolic("sequence"))),
            Bytes(11, TensorInfo("attention_mask", 7, Symbolic("batch"), Symbolic("sequence"))),
            Bytes(12, TensorInfo("last_hidden_state", 1, Symbolic("batch"), Symbolic("sequence"), Fixed(dimensions))));
        var model = Message(Varint(1, 8), Text(2, "ProcedureAssistant.Tests"), Bytes(7, graph), Bytes(8, Message(Varint(2, 13))));
        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), model);
    }

    // ValueInfoProto { name = 1, type = 2: TypeProto { tensor_type = 1: { elem_type = 1, shape = 2: { dim = 1 } } } }
    private static byte[] TensorInfo(string name, int elementType, params byte[][] dims) =>
        Message(Text(1, name), Bytes(2, Message(Bytes(1, Message(Varint(1, elementType), Bytes(2, Message([.. dims.Select(d => Bytes(1, d))])))))));

    private static byte[] Symbolic(string name) => Message(Text(2, name));

    private static byte[] Fixed(long size) => Message(Varint(1, size));

    private static byte[] Message(params byte[][] fields) => [.. fields.SelectMany(f => f)];

    private static byte[] Text(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    private static byte[] Bytes(int field, byte[] value) => [.. Key(field, 2), .. Encode((ulong)value.Length), .. value];

    private static byte[] Varint(int field, long value) => [.. Key(field, 0), .. Encode((ulong)value)];

    private static byte[] Key(int field, int wireType) => Encode((ulong)((field << 3) | wireType));

    private static byte[] Encode(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }
}
