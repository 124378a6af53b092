using System.Text;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Reranking;

public sealed class RerankerModelTests
{
    [Fact]
    public void Load_WhatToBytesWrote_ScoresAlike()
    {
        var model = Stump(threshold: 0.5f, left: -1, right: 2);

        var loaded = RerankerModel.Load(new MemoryStream(model.ToBytes()), "test.json");

        var low = new float[RerankFeatures.Count];
        var high = low.ToArray();
        high[2] = 0.9f;
        Assert.Equal(0.25 - 1, loaded.Score(low), 12);
        Assert.Equal(0.25 + 2, loaded.Score(high), 12);
        Assert.Equal(model.ToBytes(), loaded.ToBytes());
    }

    [Fact]
    public void Load_AnotherFeatureSet_FailsNamingTheFile()
    {
        var json = Encoding.UTF8.GetString(Stump(0.5f, -1, 1).ToBytes()).Replace(RerankFeatures.Version, "rerank-features-0", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => RerankerModel.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "old.json"));

        Assert.Contains("'old.json'", error.Message, StringComparison.Ordinal);
        Assert.Contains("rerank-features-0", error.Message, StringComparison.Ordinal);
        Assert.Contains("train-reranker", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhatToBytesWrote_KeepsTheTermCountsAsPairs()
    {
        var model = Stump(0.5f, -1, 1) with
        {
            TermNecessity = new Dictionary<string, TermCount>(StringComparer.Ordinal) { ["hình sự"] = new(12, 1), ["đồng"] = new(3, 3) },
        };

        var bytes = model.ToBytes();
        var loaded = RerankerModel.Load(new MemoryStream(bytes), "test.json");

        Assert.Contains("\"termNecessity\":{\"hình sự\":[12,1],\"đồng\":[3,3]}", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(model.TermNecessity, loaded.TermNecessity);
    }

    [Fact]
    public void Load_WhatToBytesWrote_KeepsTheHeadAndTheTranslationTable()
    {
        var model = Stump(0.5f, -1, 1) with
        {
            Head = 5,
            TermTranslation = new Dictionary<string, IReadOnlyDictionary<string, float>>(StringComparer.Ordinal)
            {
                ["tham"] = new Dictionary<string, float>(StringComparer.Ordinal) { ["chiếm"] = 0.25f, ["đoạt"] = 0.5f },
            },
        };

        var loaded = RerankerModel.Load(new MemoryStream(model.ToBytes()), "test.json");

        Assert.Equal(5, loaded.Head);
        Assert.Equal(0.5f, loaded.TermTranslation["tham"]["đoạt"]);
        Assert.True(new Reranker(loaded).FusesTranslation);
        Assert.False(new Reranker(loaded with { Head = 0 }).FusesTranslation);
    }

    [Theory]
    [InlineData(-1, 0.5f, "head")]
    [InlineData(5, 0f, "'tham'")]
    [InlineData(5, 1.5f, "'tham'")]
    public void Load_ANegativeHeadOrAProbabilityOutsideZeroToOne_FailsNamingIt(int head, float probability, string named)
    {
        var bad = Stump(0.5f, -1, 1) with
        {
            Head = head,
            TermTranslation = new Dictionary<string, IReadOnlyDictionary<string, float>>(StringComparer.Ordinal)
            {
                ["tham"] = new Dictionary<string, float>(StringComparer.Ordinal) { ["đoạt"] = probability },
            },
        };

        var error = Assert.Throws<InvalidDataException>(() => RerankerModel.Load(new MemoryStream(bad.ToBytes()), "bad.json"));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MoreHitsThanQuestions_FailsNamingTheTerm()
    {
        var bad = Stump(0.5f, -1, 1) with { TermNecessity = new Dictionary<string, TermCount>(StringComparer.Ordinal) { ["đồng"] = new(1, 2) } };

        var error = Assert.Throws<InvalidDataException>(() => RerankerModel.Load(new MemoryStream(bad.ToBytes()), "bad.json"));

        Assert.Contains("'đồng'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AnUnknownFirstStage_Fails()
    {
        var dense = Stump(0.5f, -1, 1) with { FirstStage = "dense" };

        var error = Assert.Throws<InvalidDataException>(() => RerankerModel.Load(new MemoryStream(dense.ToBytes()), "dense.json"));

        Assert.Contains("'dense'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ALayoutOneFile_FailsForItsLayout()
    {
        var json = Encoding.UTF8.GetString(Stump(0.5f, -1, 1).ToBytes())
            .Replace($"\"format\":{RerankerModel.CurrentFormat}", "\"format\":1", StringComparison.Ordinal)
            .Replace(",\"termNecessity\":{}", string.Empty, StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => RerankerModel.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "v1.json"));

        Assert.Contains("layout 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ATreeWhoseChildLoopsBack_Fails()
    {
        var looping = Stump(0.5f, -1, 1) with { Trees = [new RerankerTree(1, [0], [0.5f], [0], [~1], [1, 2])] };

        var error = Assert.Throws<InvalidDataException>(() => RerankerModel.Load(new MemoryStream(looping.ToBytes()), "bad.json"));

        Assert.Contains("tree 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotJson_FailsNamingTheFile()
    {
        var error = Assert.Throws<InvalidDataException>(() => RerankerModel.Load(new MemoryStream("not json"u8.ToArray()), "broken.json"));

        Assert.Contains("'broken.json'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltIn_LoadsAndWasTrainedOnTheThreeOpenSetsAndTheSeenHeldOutRounds()
    {
        var model = Reranker.Load().Model;

        Assert.Equal(RerankFeatures.Names, model.Features);
        Assert.Equal(["alqac2025", "drill-subset", "alqac2022", "held-out", "held-out-with-sources"], model.Training.Datasets.Select(d => d.Name));
        Assert.NotEmpty(model.Trees);
        Assert.Equal(RerankerModel.Bm25FirstStage, model.FirstStage);
        Assert.Empty(model.TermNecessity);

        // The answer's five sources keep the trees' order; the rest are fused with the translation ranking.
        Assert.Equal(5, model.Head);
        Assert.True(new Reranker(model).FusesTranslation);
    }

    [Fact]
    public void CountTrainedOn_TheOpenQuestionsAndNewOnes_CountsOnlyTheTrainedOnes()
    {
        var training = Reranker.Load().Model.Training;
        var open = File.ReadLines(Path.Combine(SharedData.Benchmark("drill-subset"), "queries.jsonl"))
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)
            .ToList();

        Assert.Equal(open.Count, training.CountTrainedOn(open));
        Assert.Equal(open.Count, training.CountTrainedOn(open.Select(VietnameseText.Fold)));
        Assert.Equal(0, training.CountTrainedOn(["Đăng ký khai sinh cho con ở xã nào?", "Lệ phí cấp căn cước là bao nhiêu?"]));
    }

    [Fact]
    public void Fingerprint_SameQuestionWithoutMarksOrInOtherCase_IsTheSame()
    {
        Assert.Equal(RerankerTraining.Fingerprint("Đăng ký kết hôn ở đâu?"), RerankerTraining.Fingerprint("  dang KY ket hon o dau "));
        Assert.NotEqual(RerankerTraining.Fingerprint("Đăng ký kết hôn ở đâu?"), RerankerTraining.Fingerprint("Đăng ký khai sinh ở đâu?"));
    }

    /// <summary>One tree with one split on feature 2 (coverage): left leaf <paramref name="left"/>, right leaf <paramref name="right"/>; bias 0.25.</summary>
    internal static RerankerModel Stump(float threshold, double left, double right) => new()
    {
        Format = RerankerModel.CurrentFormat,
        FeatureSet = RerankFeatures.Version,
        Features = RerankFeatures.Names,
        FirstStage = RerankerModel.Bm25FirstStage,
        Candidates = 3,
        Training = new RerankerTraining("hand-made", [], []),
        Bias = 0.25,
        Trees = [new RerankerTree(1, [2], [threshold], [~0], [~1], [left, right])],
        TermNecessity = new Dictionary<string, TermCount>(StringComparer.Ordinal),
    };
}
