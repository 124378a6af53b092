using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Protobuf.Collections;
using Qdrant.Client.Grpc;

namespace ProcedureAssistant.Core.Indexing.Qdrant;

/// <summary>
/// Payloads as records: a record is written as the JSON object System.Text.Json makes of it (snake_case keys, nulls
/// left out, enums as snake_case strings) and that object becomes Qdrant's payload map, value for value; a payload
/// read back is turned into the same JSON and deserialised. So the stored layout is the one the REST API wrote
/// before (collections built then stay readable), and the payload records (QdrantPayloads.cs) stay plain.
/// </summary>
internal static class QdrantPayloadJson
{
    /// <summary>The JSON settings of every payload.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The payload map of a record (or of any object that serialises to a JSON object).</summary>
    public static Dictionary<string, Value> Write(object record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var element = JsonSerializer.SerializeToElement(record, record.GetType(), Options);
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A payload must be a JSON object, not {element.ValueKind}.", nameof(record));
        }

        return element.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value), StringComparer.Ordinal);
    }

    /// <summary>The record a payload map holds.</summary>
    public static T Read<T>(MapField<string, Value> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteObject(writer, payload);
        }

        return JsonSerializer.Deserialize<T>(buffer.WrittenSpan, Options)
            ?? throw new JsonException($"A payload could not be read as {typeof(T).Name}.");
    }

    /// <summary>A JSON value as a payload value: integers stay integers (Qdrant's integer index needs them), other numbers are doubles.</summary>
    internal static Value ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new Value { StructValue = Struct(element) },
        JsonValueKind.Array => new Value { ListValue = List(element) },
        JsonValueKind.String => new Value { StringValue = element.GetString() },
        JsonValueKind.Number when element.TryGetInt64(out var integer) => new Value { IntegerValue = integer },
        JsonValueKind.Number => new Value { DoubleValue = element.GetDouble() },
        JsonValueKind.True => new Value { BoolValue = true },
        JsonValueKind.False => new Value { BoolValue = false },
        _ => new Value { NullValue = NullValue.NullValue },
    };

    private static Struct Struct(JsonElement element)
    {
        var result = new Struct();
        foreach (var property in element.EnumerateObject())
        {
            result.Fields[property.Name] = ToValue(property.Value);
        }

        return result;
    }

    private static ListValue List(JsonElement element)
    {
        var result = new ListValue();
        foreach (var item in element.EnumerateArray())
        {
            result.Values.Add(ToValue(item));
        }

        return result;
    }

    private static void WriteObject(Utf8JsonWriter writer, MapField<string, Value> fields)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in fields)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, Value value)
    {
        switch (value.KindCase)
        {
            case Value.KindOneofCase.StructValue:
                WriteObject(writer, value.StructValue.Fields);
                break;
            case Value.KindOneofCase.ListValue:
                writer.WriteStartArray();
                foreach (var item in value.ListValue.Values)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case Value.KindOneofCase.StringValue:
                writer.WriteStringValue(value.StringValue);
                break;
            case Value.KindOneofCase.IntegerValue:
                writer.WriteNumberValue(value.IntegerValue);
                break;
            case Value.KindOneofCase.DoubleValue:
                writer.WriteNumberValue(value.DoubleValue);
                break;
            case Value.KindOneofCase.BoolValue:
                writer.WriteBooleanValue(value.BoolValue);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
