using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Ingestion;

namespace ProcedureAssistant.Core.Tests.Fakes;

/// <summary>Three chunks with hand-set two-dimensional vectors, for exact hybrid-search arithmetic.</summary>
internal static class DenseSamples
{
    public const string Model = "test-2d";

    public static readonly DenseModel DenseModel = new(Model, 2, [1, 2, 3]);

    // BM25 on "khai sinh" ranks c0 (both words twice) before c1 (once each); c2 has neither word.
    // The dense query (1, 0) ranks c2 (0.98…) before c1 (0.8) before c0 (0).
    public static IndexSnapshot Snapshot() => new(
        "test",
        [],
        [
            Indexed(0, "Khai sinh khai sinh cho trẻ em", [0f, 1f]),
            Indexed(1, "Khai sinh và kết hôn tại xã, hồ sơ và lệ phí", [0.8f, 0.6f]),
            Indexed(2, "Giấy tờ cho con mới đẻ", [0.98f, 0.19899749f]),
        ],
        DenseModel);

    public static IndexedChunk Indexed(int ordinal, string text, float[] vector) =>
        IngestionPipeline.Analyze(Chunk(ordinal, text), []) with { Vector = vector };

    public static Chunk Chunk(int ordinal, string text) => new()
    {
        Id = $"doc#{ordinal}",
        DocumentId = "doc",
        Ordinal = ordinal,
        DocumentType = DocumentType.Guide,
        Title = "Tài liệu",
        Text = text,
    };
}
