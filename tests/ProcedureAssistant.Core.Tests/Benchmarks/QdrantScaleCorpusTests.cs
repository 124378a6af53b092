using ProcedureAssistant.Benchmarks;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Benchmarks;

/// <summary>
/// The synthetic scale corpus keeps what a scale measurement relies on: real text, every copy a distinct document
/// with its original's syllables and length, the same corpus on every run, and provinces by round.
/// </summary>
public sealed class QdrantScaleCorpusTests
{
    // The base (10,739 articles from four sets) is read once for the class.
    private static readonly Lazy<Task<QdrantScaleCorpus>> Corpus = new(() => QdrantScaleCorpus.LoadAsync(Path.GetDirectoryName(SharedData.Benchmark("alqac2025"))));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Documents_SecondRound_AreNewDocumentsWithTheOriginalsSyllablesInAnotherOrder()
    {
        var corpus = await LoadAsync();
        var count = corpus.Base.Count * 2L;

        var documents = corpus.Documents(count).ToList();

        Assert.Equal(count, documents.Count);
        Assert.Equal(count, documents.Select(d => d.Article.Id).Distinct(StringComparer.Ordinal).LongCount());
        Assert.Equal(corpus.Base, documents.Take(corpus.Base.Count).Select(d => d.Article));
        // Every 20th article of the round, from every set.
        var pairs = corpus.Base.Zip(documents.Skip(corpus.Base.Count)).Where((_, i) => i % 20 == 0).ToList();
        Assert.All(pairs, p => Assert.Equal(Syllables(p.First.Text), Syllables(p.Second.Article.Text)));
        Assert.All(pairs, p => Assert.Equal((p.First.Title, p.First.Law), (p.Second.Article.Title, p.Second.Article.Law)));

        // Most articles have several sentences; their copies' text differs (a one-sentence article cannot).
        Assert.True(pairs.Count(p => p.First.Text.Trim() != p.Second.Article.Text) > pairs.Count * 0.7);
    }

    [Fact]
    public async Task Documents_TwoReadings_AreTheSameCorpus()
    {
        var corpus = await LoadAsync();
        var count = corpus.Base.Count + 500L;

        Assert.Equal(corpus.Documents(count).Skip(corpus.Base.Count).Select(d => d.Article), corpus.Documents(count).Skip(corpus.Base.Count).Select(d => d.Article));
        Assert.NotEqual(QdrantScaleCorpus.Copy(corpus.Base[3], 1).Text, QdrantScaleCorpus.Copy(corpus.Base[3], 2).Text);
    }

    [Fact]
    public async Task Documents_WithProvinces_GivesEachRoundItsProvinceInTurn()
    {
        var corpus = await LoadAsync();

        var documents = corpus.Documents(corpus.Base.Count * 3L, [null, "dak-lak"]).ToList();

        Assert.Equal([null, "dak-lak", null], documents.Chunk(corpus.Base.Count).Select(round => round.Select(d => d.Province).Distinct().Single()));
        Assert.Equal("dak-lak", documents[corpus.Base.Count].ToChunk().Province);
        Assert.Equal("dak-lak", documents[corpus.Base.Count].ToCorpusDocument().Province);
    }

    private static async Task<QdrantScaleCorpus> LoadAsync()
    {
        SharedData.Benchmark("alqac2025");
        return await Corpus.Value.WaitAsync(Token);
    }

    private static List<string> Syllables(string text) => TextAnalyzer.Syllables(text).Order(StringComparer.Ordinal).ToList();
}
