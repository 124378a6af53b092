using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;
using ProcedureAssistant.Lab.Evaluation;

namespace ProcedureAssistant.Lab.Tests.Evaluation;

public sealed class HeldOutQuestionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly IReadOnlyList<CorpusDocument> Documents =
    [
        Procedure("tthc-1.001193", "1.001193", "Đăng ký khai sinh", "## Cơ quan thực hiện\nỦy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ.\n\n## Thời hạn giải quyết\nNgay trong ngày tiếp nhận hồ sơ."),
        Procedure("tthc-1.000894", "1.000894", "Đăng ký kết hôn", "## Cơ quan thực hiện\nỦy ban nhân dân cấp xã nơi cư trú của một trong hai bên.\n\n## Lệ phí\nMiễn lệ phí."),
        new CorpusDocument
        {
            Id = "nd-120-2025", Type = DocumentType.Regulation, Title = "Nghị định 120/2025/NĐ-CP", Number = "120/2025/NĐ-CP",
            Body = "Điều 4. Ủy ban nhân dân cấp xã đăng ký hộ tịch.", SourcePath = "nd-120-2025.md", ContentHash = "c",
        },
    ];

    [Fact]
    public void Judged_NamesASourceByDocumentIdOrProcedureCode_AndDropsAPartAfterTheSlash()
    {
        var judged = HeldOutQuestion.Judged(
            [Question("d001", ["1.001193"]), Question("d002", ["nd-120-2025/Điều 4", "tthc-1.000894"])], Documents, "round/");

        Assert.Equal(["round/d001", "round/d002"], judged.Select(q => q.Id));
        Assert.Equal(["tthc-1.001193"], judged[0].Relevant);
        Assert.Equal(["nd-120-2025", "tthc-1.000894"], judged[1].Relevant.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Judged_LeavesOutFollowUpsRepliesOtherThanAnAnswerAndSourcesTheDeploymentLacks()
    {
        var judged = HeldOutQuestion.Judged(
            [
                Question("d001", ["1.001193"]) with { Previous = "d000" },
                Question("d002", ["1.001193"]) with { Expect = "refer" },
                Question("d003", ["9.999999"]),
                Question("d004", ["9.999999", "1.000894"]),
            ],
            Documents,
            string.Empty);

        var only = Assert.Single(judged);
        Assert.Equal("d004", only.Id);
        Assert.Equal(["tthc-1.000894"], only.Relevant);
    }

    [Fact]
    public async Task LoadAsync_ABrokenLine_NamesTheFileAndLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"held-out-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(path, ["""{"id": "d001", "question": "làm khai sinh ở đâu", "sources": ["1.001193"]}""", "{not json"], Token);
        try
        {
            var error = await Assert.ThrowsAsync<InvalidDataException>(() => HeldOutQuestion.LoadAsync(path, Token));
            Assert.Contains($"{path}, line 2", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Collector_OverADeployment_LabelsEveryChunkOfTheAnsweringRecordRelevant()
    {
        // Chunks this short cut the record at its headings, as a long catalogue record is cut in service.
        var chunker = new LegalStructureChunker(Options.Create(new ChunkingOptions { MaxChunkCharacters = 60 }));
        Assert.True(chunker.Split(Documents[1]).Count > 1, "the record must be cut in several chunks for this test to mean anything");
        var evaluator = new RetrievalEvaluator(TextAnalyzer.CreateDefault(), Options.Create(new RetrievalOptions { RestoreDiacritics = false }), TestPipeline.SparseOnly());
        var questions = HeldOutQuestion.Judged([Question("d001", ["1.000894"], "kết hôn thì đến ủy ban nào, có mất lệ phí không")], Documents, string.Empty);

        using var collector = await evaluator.OpenRerankCollectorAsync("deployment", Documents, chunker, questions, Token);
        var typed = (await collector.CollectAsync(candidates: 10, firstStage: null, cancellationToken: Token))[0];

        var marriage = typed.Documents.Select((d, i) => (d, i)).Where(p => p.d == "tthc-1.000894").Select(p => p.i).ToList();
        Assert.True(marriage.Count > 1);
        Assert.All(marriage, i => Assert.True(typed.Relevant[i]));
        Assert.All(typed.Documents.Select((d, i) => (d, i)).Where(p => p.d != "tthc-1.000894"), p => Assert.False(typed.Relevant[p.i]));

        // A term only the record's second chunk holds ("lệ phí") still counts as held by the relevant document.
        Assert.True(typed.QuestionTerms!["lệ phí"]);
    }

    private static HeldOutQuestion Question(string id, IReadOnlyList<string> sources, string text = "làm giấy khai sinh cho con ở đâu") =>
        new() { Id = id, Question = text, Sources = sources };

    private static CorpusDocument Procedure(string id, string code, string title, string body) => new()
    {
        Id = id, Type = DocumentType.Procedure, Title = title, Code = code, Body = body, SourcePath = id + ".md", ContentHash = id,
    };
}
