using System.Text.Json;
using Google.Protobuf.Collections;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Qdrant;
using ProcedureAssistant.Core.Ingestion;
using Qdrant.Client.Grpc;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>
/// Payloads written as JSON-shaped records and read back: the general JSON round trip, and the field-by-field
/// readers of the hot paths (every search hit, every chunk an update recounts), which must give the same record.
/// </summary>
public sealed class QdrantPayloadTests
{
    private static readonly Chunk FullChunk = new()
    {
        Id = "qd-21#3",
        DocumentId = "qd-21",
        Ordinal = 3,
        DocumentType = DocumentType.Procedure,
        Title = "Đăng ký khai sinh",
        Number = "21/2025/QĐ-UBND",
        Code = "1.001193",
        Headings = ["Chương I", "Điều 2"],
        Text = "Lệ phí đăng ký khai sinh không đúng hạn là 8.000 đồng.",
        Url = "https://example.test/21",
        Levels = ["xa", "tinh"],
        Province = "dak-lak",
    };

    [Fact]
    public void ChunkPayload_ReadFieldByField_EqualsTheJsonRoundTrip()
    {
        var indexed = IngestionPipeline.Analyze(FullChunk, []);
        var written = Map(ChunkPayload.From(indexed, new CorpusDocument { Id = "qd-21", Type = DocumentType.Procedure, Title = "Đăng ký khai sinh", Body = "x", Field = "Hộ tịch", SourcePath = "qd-21.md", ContentHash = "h" }, isFirst: false, version: 4, revision: 7));

        var direct = ChunkPayload.Read(written);
        var viaJson = QdrantPayloadJson.Read<ChunkPayload>(written);

        Assert.Equal(Json(viaJson), Json(direct));
        Assert.Equal(JsonSerializer.Serialize(FullChunk), JsonSerializer.Serialize(direct.ToChunk()));
        Assert.Equal((4L, 7L, "Hộ tịch"), (direct.IndexVersion, direct.Revision!.Value, direct.Field));
        Assert.Equal(indexed.Terms.Frequencies.Keys.Where(TermStatistics.IsUnigram).ToHashSet(), direct.UnigramSet());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ChunkPayload_WrittenFieldByField_EqualsTheJsonRoute(bool withDocument)
    {
        var document = new CorpusDocument { Id = "qd-21", Type = DocumentType.Procedure, Title = "Đăng ký khai sinh", Body = "x", Field = "Hộ tịch", SourcePath = "qd-21.md", ContentHash = "h", Levels = ["xa"] };
        var payload = ChunkPayload.From(IngestionPipeline.Analyze(FullChunk, []), document, isFirst: withDocument, version: 4, revision: 7);
        var national = ChunkPayload.From(IngestionPipeline.Analyze(FullChunk with { Province = null, Number = null, Code = null, Url = null }, []), null, isFirst: false, version: 1, revision: 1);

        Assert.Equal(QdrantPayloadJson.Write(payload), payload.ToPayload());
        Assert.Equal(QdrantPayloadJson.Write(national), national.ToPayload());
    }

    [Fact]
    public void ChunkPayload_NationalChunkWithoutOptionalFields_ReadsAsWritten()
    {
        var national = new Chunk { Id = "nd#0", DocumentId = "nd", Ordinal = 0, DocumentType = DocumentType.Regulation, Title = "Nghị định", Text = "Điều 1." };
        var written = Map(ChunkPayload.From(IngestionPipeline.Analyze(national, []), null, isFirst: false, version: 1, revision: 1));

        var direct = ChunkPayload.Read(written);

        Assert.Equal(Json(QdrantPayloadJson.Read<ChunkPayload>(written)), Json(direct));
        Assert.Equal(JsonSerializer.Serialize(national), JsonSerializer.Serialize(direct.ToChunk()));
        Assert.False(written.ContainsKey("province"));
    }

    [Fact]
    public void PointStatePayload_Read_GivesTheChunksDocumentRevisionTermsAndProvince()
    {
        var indexed = IngestionPipeline.Analyze(FullChunk, []);
        var state = PointStatePayload.Read(Map(ChunkPayload.From(indexed, null, isFirst: false, version: 2, revision: 9)));

        Assert.Equal(("qd-21", 9L, "dak-lak"), (state.DocumentId, state.Revision!.Value, state.Province));
        Assert.Equal(indexed.Terms.Frequencies.Keys.Where(TermStatistics.IsUnigram).Order(StringComparer.Ordinal), state.Unigrams);
    }

    [Fact]
    public void Unigrams_OfACollectionBuiltBefore_AListReadsAsTheString()
    {
        var written = Map(ChunkPayload.From(IngestionPipeline.Analyze(FullChunk, []), null, isFirst: false, version: 2, revision: 9));
        var joined = written["unigrams"].StringValue;
        var before = written.Clone();
        before["unigrams"] = new Value { ListValue = new ListValue { Values = { joined.Split(' ').Select(u => new Value { StringValue = u }) } } };

        Assert.Equal(joined, ChunkPayload.Read(before).Unigrams);
        Assert.Equal(PointStatePayload.Read(written).Unigrams, PointStatePayload.Read(before).Unigrams);
        Assert.Contains("khai", joined.Split(' '));
    }

    [Fact]
    public void Write_NumbersKeepTheirKind()
    {
        var written = Map(new { whole = 3L, fraction = 1.25, flag = true, list = (string[])["a"], nested = new { inner = "x" } });

        Assert.Equal(Value.KindOneofCase.IntegerValue, written["whole"].KindCase);
        Assert.Equal(Value.KindOneofCase.DoubleValue, written["fraction"].KindCase);
        Assert.True(written["flag"].BoolValue);
        Assert.Equal("a", written["list"].ListValue.Values[0].StringValue);
        Assert.Equal("x", written["nested"].StructValue.Fields["inner"].StringValue);
    }

    private static MapField<string, Value> Map(object payload)
    {
        var map = new MapField<string, Value>();
        map.Add(QdrantPayloadJson.Write(payload));
        return map;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, QdrantPayloadJson.Options);
}
