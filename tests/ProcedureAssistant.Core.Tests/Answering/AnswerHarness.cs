using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Communes;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Ingestion;
using ProcedureAssistant.Core.Questions;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Tests.Fakes;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Tests.Answering;

/// <summary>
/// The answering service as it is composed in the app (reading, retrieval, policy, composer; no chat model) over an
/// in-memory index of <see cref="AnswerFixtures"/>, ingested by the real pipeline.
/// </summary>
internal sealed class AnswerHarness : IDisposable
{
    private readonly EmbeddedChunkIndex _index;

    private AnswerHarness(EmbeddedChunkIndex index)
    {
        _index = index;
        var analyzer = TextAnalyzer.CreateDefault();
        var vocabulary = new IndexVocabulary(index);
        var catalog = new DocumentCatalog(index, analyzer, vocabulary);
        var retriever = new Retriever(analyzer, index, TestPipeline.SparseOnly(), new RetrievalOptions { Rerank = false }, vocabulary: vocabulary);
        var cues = QuestionCues.CreateDefault();
        Reader = new QuestionReader(analyzer, QueryNormalizer.CreateDefault(), vocabulary, catalog, retriever, cues);
        Clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero));
        Answers = new AnswerService(
            Reader,
            retriever,
            index,
            Policy,
            new AnswerComposer(Clock),
            new GenerativeAnswerer(Options.Create(new LlmOptions()), new NoHttpClients(), NullLoggerFactory.Instance),
            catalog,
            analyzer,
            cues,
            Clock,
            new ConversationStore(Clock, Options.Create(new AnsweringOptions())),
            NullLogger<AnswerService>.Instance);
    }

    public AnswerService Answers { get; }

    public QuestionReader Reader { get; }

    public AnswerPolicy Policy { get; } = new(CommuneDirectory.LoadDefault(), Options.Create(new CorpusOptions()));

    public ManualTimeProvider Clock { get; }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The harness over the given corpus files (relative path → text); <see cref="AnswerFixtures.All"/> by default.</summary>
    public static async Task<AnswerHarness> StartAsync(IReadOnlyDictionary<string, string>? files = null)
    {
        using var corpus = new TempFolder();
        foreach (var (path, text) in files ?? AnswerFixtures.All)
        {
            corpus.Write(path, text);
        }

        var index = EmbeddedChunkIndex.InMemory();
        await TestPipeline.For(index).RunAsync(corpus.Path, cancellationToken: Token);
        return new AnswerHarness(index);
    }

    /// <summary>The harness over the bundled corpus (<c>corpus/</c> of the repository), as the service ships it.</summary>
    public static Task<AnswerHarness> StartOverTheBundledCorpusAsync()
    {
        var corpus = Path.Combine(SharedData.RepositoryRoot, "corpus");
        return StartAsync(Directory.GetFiles(corpus, "*.md", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "README.md")
            .ToDictionary(f => Path.GetRelativePath(corpus, f), File.ReadAllText));
    }

    /// <summary>The harness over <see cref="AnswerFixtures.All"/> and one more corpus file.</summary>
    public static Task<AnswerHarness> StartWithAsync(string path, string text) =>
        StartAsync(new Dictionary<string, string>(AnswerFixtures.All) { [path] = text });

    public Task<Answer> AskAsync(string question, Persona persona = Persona.Citizen, string? conversationId = null) =>
        Answers.AskAsync(new AskQuery(question, persona, ConversationId: conversationId), Token);

    public Task<QuestionReading> ReadAsync(string question) => Reader.ReadAsync(question, Token);

    public void Dispose() => _index.Dispose();

    // The chat model is not configured, so the answerer never asks for a client.
    private sealed class NoHttpClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("No chat model is configured in these tests.");
    }
}
