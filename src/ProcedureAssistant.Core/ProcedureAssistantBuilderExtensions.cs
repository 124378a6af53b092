using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProcedureAssistant.Core.Answering;
using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Communes;
using ProcedureAssistant.Core.Diagnostics;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Embeddings;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Indexing.Embedded;
using ProcedureAssistant.Core.Indexing.Qdrant;
using ProcedureAssistant.Core.Ingestion;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Reranking;
using ProcedureAssistant.Core.Questions;
using ProcedureAssistant.Core.Retrieval;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core;

/// <summary>The one composition root of the service, shared by the API and the CLI.</summary>
public static class ProcedureAssistantBuilderExtensions
{
    /// <summary>Registers options, the text analyser, the chunker, the index, retrieval, answering and ingestion.</summary>
    public static IHostApplicationBuilder AddProcedureAssistant(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        AddOptions<CorpusOptions>(services, CorpusOptions.SectionName);
        services.AddSingleton<IValidateOptions<CorpusOptions>, CorpusOptionsValidator>();
        AddOptions<ChunkingOptions>(services, ChunkingOptions.SectionName);
        AddOptions<VectorStoreOptions>(services, VectorStoreOptions.SectionName);
        AddOptions<RetrievalOptions>(services, RetrievalOptions.SectionName);
        services.AddSingleton<IValidateOptions<RetrievalOptions>, RetrievalOptionsValidator>();
        AddOptions<EmbeddingOptions>(services, EmbeddingOptions.SectionName);
        services.AddHttpClient(EmbeddingGenerators.HttpClientName);
        AddOptions<AnsweringOptions>(services, AnsweringOptions.SectionName);
        AddOptions<LlmOptions>(services, LlmOptions.SectionName);
        AddOptions<QdrantOptions>(services, QdrantOptions.SectionName);
        services.AddSingleton<IValidateOptions<QdrantOptions>, QdrantOptionsValidator>();
        services.AddHttpClient(GenerativeAnswerer.HttpClientName);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => TextAnalyzer.CreateDefault());
        services.AddSingleton<MarkdownDocumentParser>();
        services.AddSingleton<CorpusReader>();
        services.AddSingleton<LegalStructureChunker>();
        services.AddSingleton<IChunkIndex>(CreateIndex);
        services.AddSingleton(CreateDenseEncoder);
        services.AddSingleton<IngestionStatus>();
        services.AddSingleton<IngestionPipeline>();
        services.AddSingleton<IndexBootstrapper>();
        services.AddSingleton<IndexVocabulary>();
        services.AddSingleton<ProvinceCatalog>();
        services.AddSingleton(CreateRetriever);
        services.AddSingleton(_ => QuestionCues.CreateDefault());
        services.AddSingleton<QuestionReader>();
        services.AddSingleton<AnswerPolicy>();
        services.AddSingleton<AnswerComposer>();
        services.AddSingleton<GenerativeAnswerer>();
        services.AddSingleton<DocumentCatalog>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton(_ => QueryNormalizer.CreateDefault());
        services.AddSingleton<AnswerService>();
        services.AddSingleton(_ => CommuneDirectory.LoadDefault());
        return builder;
    }

    private static void AddOptions<T>(IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

    // The reranker model was checked at start-up (RetrievalOptionsValidator); it loads here once for the service.
    // Every search of the service is limited to the deployment's province (and the national texts) unless it names another.
    private static Retriever CreateRetriever(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<RetrievalOptions>>().Value;
        var provider = services.GetRequiredService<IOptions<EmbeddingOptions>>().Value.Provider;
        var logger = services.GetRequiredService<ILogger<Retriever>>();
        var reranker = options.UsesReranker(provider) ? Reranker.Load(options.RerankerPath) : null;
        if (options.Rerank && reranker is null)
        {
            Log.RerankerNotUsed(logger, provider.ToString(), options.DocumentPriorWeight);
        }

        return new Retriever(
            services.GetRequiredService<TextAnalyzer>(),
            services.GetRequiredService<IChunkIndex>(),
            services.GetRequiredService<DenseEncoder>(),
            options,
            reranker,
            logger,
            services.GetRequiredService<IndexVocabulary>(),
            SearchFilter.ForProvince(services.GetRequiredService<ProvinceCatalog>().Default));
    }

    // The embedding provider is chosen in EmbeddingGenerators (none for Provider None).
    private static DenseEncoder CreateDenseEncoder(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<EmbeddingOptions>>();
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(EmbeddingGenerators.HttpClientName);
        return new DenseEncoder(options, EmbeddingGenerators.Create(options.Value, http));
    }

    // The one place where the index backend is chosen.
    private static IChunkIndex CreateIndex(IServiceProvider services)
    {
        var store = services.GetRequiredService<IOptions<VectorStoreOptions>>().Value;
        var bm25 = Bm25Parameters.Default;
        return store.Provider switch
        {
            VectorStoreProvider.Embedded => EmbeddedChunkIndex.InFolder(
                Path.Combine(store.DataPath, "embedded"),
                bm25,
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILoggerFactory>().CreateLogger<EmbeddedChunkIndex>(),
                FusionParameters.Default),
            // The index holds its gRPC channel (one HTTP/2 connection) for the life of the process.
            VectorStoreProvider.Qdrant => new QdrantChunkIndex(
                services.GetRequiredService<IOptions<QdrantOptions>>().Value,
                bm25,
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILoggerFactory>().CreateLogger<QdrantChunkIndex>(),
                FusionParameters.Default),
            _ => throw new OptionsValidationException(
                VectorStoreOptions.SectionName,
                typeof(VectorStoreOptions),
                [$"VectorStore:Provider '{store.Provider}' is not supported."]),
        };
    }
}
