using System.ComponentModel.DataAnnotations;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Retrieval;

public sealed class DiacriticRestorationRetrievalTests
{
    private static readonly TextAnalyzer Analyzer = TextAnalyzer.CreateDefault();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Analyze_FoldedQuestion_IsMatchedOnTheIndexsAccentedWording()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var index = EmbeddedChunkIndex.InMemory();
        await TestPipeline.For(index).RunAsync(corpus.Path, cancellationToken: Token);
        var retriever = new Retriever(Analyzer, index, TestPipeline.SparseOnly(), new RetrievalOptions { Rerank = false });

        var terms = await retriever.AnalyzeAsync("dang ky ket hon", Token);

        Assert.Equal(1f, terms.Weights["đăng kí"]);
        Assert.Equal(1f, terms.Weights["kết hôn"]);
        Assert.Equal(0.5f, terms.Weights["~ket hon"]);
        Assert.False(terms.Accented);
        Assert.Equal("tthc-1.000894", (await retriever.RetrieveAsync("dang ky ket hon", 1, Token))[0].Chunk.DocumentId);
    }

    [Fact]
    public async Task Analyze_RestorationOff_IsTheFoldedAnalysis()
    {
        using var corpus = TestPipeline.WriteSampleCorpus();
        using var index = EmbeddedChunkIndex.InMemory();
        await TestPipeline.For(index).RunAsync(corpus.Path, cancellationToken: Token);
        var retriever = new Retriever(Analyzer, index, TestPipeline.SparseOnly(), new RetrievalOptions { RestoreDiacritics = false });

        var terms = await retriever.AnalyzeAsync("dang ky ket hon", Token);

        Assert.Equal(Analyzer.AnalyzeQuery("dang ky ket hon").Weights, terms.Weights);
    }

    [Fact]
    public async Task Vocabulary_IsKeptWhileTheIndexStaysAndRebuiltWhenItChanges()
    {
        using var index = EmbeddedChunkIndex.InMemory();
        var vocabulary = new IndexVocabulary(index);
        Assert.False((await vocabulary.CurrentAsync(Token)).Contains("hôn", folded: false)); // no index yet

        using (var corpus = TestPipeline.WriteSampleCorpus())
        {
            await TestPipeline.For(index).RunAsync(corpus.Path, cancellationToken: Token);
        }

        var first = await vocabulary.CurrentAsync(Token);
        Assert.True(first.Contains("hôn", folded: false));
        Assert.Same(first, await vocabulary.CurrentAsync(Token));

        using (var corpus = new TempFolder())
        {
            corpus.Write("procedures/khai-sinh.md", SampleCorpus.BirthRegistration);
            await TestPipeline.For(index).RunAsync(corpus.Path, cancellationToken: Token);
        }

        var second = await vocabulary.CurrentAsync(Token);
        Assert.NotSame(first, second);
        Assert.False(second.Contains("hôn", folded: false));
        Assert.True(second.Contains("sinh", folded: false));
    }
}
