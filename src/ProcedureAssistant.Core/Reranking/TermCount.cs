using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProcedureAssistant.Core.Reranking;

/// <summary>In how many counted questions a term appears, and in how many of those the relevant article holds it.</summary>
[JsonConverter(typeof(TermCountJsonConverter))]
public readonly record struct TermCount(int Questions, int Hits);

/// <summary>Writes a <see cref="TermCount"/> as <c>[questions, hits]</c>: the model holds tens of thousands of them.</summary>
internal sealed class TermCountJsonConverter : JsonConverter<TermCount>
{
    /// <inheritdoc/>
    public override TermCount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var pair = JsonSerializer.Deserialize<int[]>(ref reader, options);
        return pair is { Length: 2 } ? new TermCount(pair[0], pair[1]) : throw new JsonException("A term count must be [questions, hits].");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TermCount value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Questions);
        writer.WriteNumberValue(value.Hits);
        writer.WriteEndArray();
    }
}
