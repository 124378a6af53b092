using ProcedureAssistant.Core.Embeddings;

namespace ProcedureAssistant.Core.Tests.Embeddings;

public sealed class LsaTests
{
    // Two chunks about pets (identical), one about bicycles: a rank-2 TF-IDF matrix whose Gram matrix has
    // eigenvalues 2 (the pet topic, two rows) and 1 (the bicycle topic), so the first dimension is the pet topic.
    private static readonly Dictionary<string, float>[] Corpus =
    [
        new() { ["mèo"] = 1, ["chó"] = 1 },
        new() { ["mèo"] = 1, ["chó"] = 1 },
        new() { ["xe"] = 1, ["đạp"] = 1 },
    ];

    private static LsaModel Train(IReadOnlyList<Dictionary<string, float>> corpus, int dimensions = 2, int seed = 7) =>
        LsaTrainer.Train(corpus, dimensions, maxTerms: 100, seed, minDocumentFrequency: 1);

    [Fact]
    public void Train_TinyCorpus_KeepsTheVocabularyWithSmoothedIdf()
    {
        var model = Train(Corpus);

        Assert.Equal(["chó", "mèo", "xe", "đạp"], model.Terms);
        Assert.Equal(Math.Log(4.0 / 3) + 1, model.Idf("mèo"), 6);
        Assert.Equal(Math.Log(4.0 / 2) + 1, model.Idf("xe"), 6);
        Assert.Equal(0, model.Idf("gà"));
    }

    [Fact]
    public void Embed_TinyCorpus_GivesTheSingularDirections()
    {
        var model = Train(Corpus);

        AssertVector([1, 0], model.Embed(Corpus[0]));
        AssertVector([0, 1], model.Embed(Corpus[2]));
        AssertVector([1, 0], model.Embed(new Dictionary<string, float> { ["mèo"] = 3 }));
        AssertVector([0, 0], model.Embed(new Dictionary<string, float> { ["gà"] = 1 }));
    }

    [Fact]
    public void Embed_TermsThatCoOccur_AreRelatedThroughTheLatentSpace()
    {
        // "a" never appears with "c", but both appear with "b": a question on "a" reaches the "b c" chunks. One
        // dimension keeps only the strongest topic, {a, b, c}; "d e" lies outside it.
        Dictionary<string, float>[] corpus =
        [
            new() { ["a"] = 1, ["b"] = 1 }, new() { ["a"] = 1, ["b"] = 1 },
            new() { ["b"] = 1, ["c"] = 1 }, new() { ["b"] = 1, ["c"] = 1 },
            new() { ["d"] = 1, ["e"] = 1 },
        ];
        var model = Train(corpus, dimensions: 1);
        var question = model.Embed(new Dictionary<string, float> { ["a"] = 1 });

        Assert.True(Dot(question, model.Embed(corpus[2])) > 0.5, "a and c share the latent topic of b");
        Assert.Equal(0, Dot(question, model.Embed(corpus[4])), 6);
    }

    [Fact]
    public void Embed_AnyText_IsUnitLength()
    {
        var model = Train(Corpus);

        Assert.Equal(1, Math.Sqrt(Dot(model.Embed(new Dictionary<string, float> { ["mèo"] = 1, ["xe"] = 2 }), model.Embed(new Dictionary<string, float> { ["mèo"] = 1, ["xe"] = 2 }))), 5);
    }

    [Fact]
    public void Train_MoreDimensionsThanTheRank_PadsWithZeros()
    {
        var model = Train(Corpus, dimensions: 5);

        Assert.Equal(5, model.Dimensions);
        AssertVector([0, 1, 0, 0, 0], model.Embed(Corpus[2]));
    }

    [Fact]
    public void Train_SameCorpusAndSeed_GivesTheSameModel()
    {
        Assert.Equal(Train(Corpus).ToBytes(), Train(Corpus).ToBytes());
        Assert.Equal(Train(Corpus).Name, Train(Corpus).Name);
        Assert.StartsWith("lsa-2-", Train(Corpus).Name, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBytes_RoundTrip_KeepsNameAndVectors()
    {
        var model = Train(Corpus);

        var read = LsaModel.FromBytes(model.ToBytes());

        Assert.Equal(model.Name, read.Name);
        Assert.Equal(model.Embed(Corpus[0]), read.Embed(Corpus[0]));
    }

    [Fact]
    public void FromBytes_NotAModel_Throws() =>
        Assert.Throws<InvalidDataException>(() => LsaModel.FromBytes("not a model at all"u8));

    [Fact]
    public void Train_MinimumDocumentFrequency_DropsTermsOfOneChunk()
    {
        var model = LsaTrainer.Train(Corpus, 2, 100, 7, minDocumentFrequency: 2);

        Assert.Equal(["chó", "mèo"], model.Terms);
    }

    private static double Dot(float[] x, float[] y) => x.Zip(y, (a, b) => (double)a * b).Sum();

    private static void AssertVector(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 5);
        }
    }
}
