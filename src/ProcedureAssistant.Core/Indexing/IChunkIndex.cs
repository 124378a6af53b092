using ProcedureAssistant.Core.Chunking;
using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Indexing;

/// <summary>
/// The store the service retrieves from. Implementations: the embedded file-backed index (default) and Qdrant.
/// All members are thread-safe; a rebuild never leaves readers without an index.
/// </summary>
public interface IChunkIndex
{
    /// <summary>What the live index holds, or null when there is none yet.</summary>
    Task<IndexInfo?> GetInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>Builds a new index from the snapshot and switches readers to it once it is complete.</summary>
    Task<IndexInfo> ReplaceAsync(IndexSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>
    /// Where every document of the live index was read from, with that file's hash, as of the last build or update
    /// that completed; null when the live index cannot be updated in place (there is none, or it was built in a way
    /// an update cannot carry on), so that only <see cref="ReplaceAsync"/> can follow.
    /// </summary>
    Task<IReadOnlyList<DocumentSource>?> ListSourcesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies an incremental change to the live index: each document of the update replaces its old version and
    /// all its old chunks (or is added), each removed id goes with all its chunks, and every other document keeps
    /// its chunks untouched. Afterwards the index holds what <see cref="ReplaceAsync"/> would have built from the
    /// same documents, with the same <see cref="IndexInfo.ContentHash"/>.
    /// </summary>
    /// <exception cref="IndexUnavailableException">There is no live index to update.</exception>
    /// <exception cref="InvalidOperationException">The live index cannot be updated in place (see <see cref="ListSourcesAsync"/>).</exception>
    Task<IndexInfo> UpdateAsync(IndexUpdate update, CancellationToken cancellationToken = default);

    /// <summary>
    /// The best chunks for the query, best first: by BM25 over its terms or, when it carries a dense vector of the
    /// index's model, by reciprocal-rank fusion of the BM25 and the dense rankings (see <see cref="RankFusion"/>).
    /// <see cref="ChunkHit.Coverage"/> is computed from the terms either way.
    /// </summary>
    /// <exception cref="IndexUnavailableException">No index has been built or loaded yet.</exception>
    Task<IReadOnlyList<ChunkHit>> SearchAsync(QueryTerms query, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The live index's chunk count, mean chunk length and single-syllable document frequencies, for reranking the
    /// hits of <see cref="SearchAsync"/>; null when the index does not hold them (a Qdrant collection built before
    /// they were stored: re-index).
    /// </summary>
    /// <exception cref="IndexUnavailableException">No index has been built or loaded yet.</exception>
    Task<IndexStatistics?> GetStatisticsAsync(CancellationToken cancellationToken = default);

    /// <summary>The state of the dense model trained on the corpus and stored with the live version, or null when there is none (no provider today trains one).</summary>
    Task<byte[]?> GetDenseModelStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Every indexed document, ordered by id.</summary>
    Task<IReadOnlyList<CorpusDocument>> ListDocumentsAsync(CancellationToken cancellationToken = default);

    /// <summary>One document, or null when the id is unknown.</summary>
    Task<CorpusDocument?> GetDocumentAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>The chunks of one document in order; empty when the id is unknown.</summary>
    Task<IReadOnlyList<Chunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The province keys the live index's chunks carry (<see cref="Chunk.Province"/>), ordered: the provinces a search
    /// may be limited to (<see cref="SearchFilter.Province"/>). National texts carry none.
    /// </summary>
    /// <exception cref="IndexUnavailableException">No index has been built or loaded yet.</exception>
    Task<IReadOnlyList<string>> ListProvincesAsync(CancellationToken cancellationToken = default);
}
