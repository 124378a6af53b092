using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Benchmarks;

/// <summary>One search engine under the scale benchmark, fed the same analysed chunks and questions as the others.</summary>
internal interface IScaleEngine : IAsyncDisposable
{
    /// <summary>The engine's name in the result lines.</summary>
    string Name { get; }

    /// <summary>Builds the index of the corpus' first <paramref name="chunks"/> chunks, durably (on disk or in the server).</summary>
    Task IngestAsync(ScaleCorpus corpus, int chunks, CancellationToken cancellationToken);

    /// <summary>Opens the index built before, as a process starting up would.</summary>
    Task OpenAsync(CancellationToken cancellationToken);

    /// <summary>The ids of the best <paramref name="limit"/> chunks, best first, each chunk's stored record read as a caller would.</summary>
    Task<IReadOnlyList<string>> SearchAsync(QueryTerms query, int limit, CancellationToken cancellationToken);

    /// <summary>The index's size on disk in bytes, or null when it cannot be seen from here.</summary>
    long? DiskBytes();
}
