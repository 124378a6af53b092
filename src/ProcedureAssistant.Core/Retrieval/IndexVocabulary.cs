using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Retrieval;

/// <summary>
/// The <see cref="SyllableVocabulary"/> of the live index: the syllables its documents are written in (names and
/// body), read through <see cref="IChunkIndex.ListDocumentsAsync"/> so that every backend yields the same one. Built
/// once per index version (see <see cref="PerIndexVersion{T}"/>): before the switch when the ingestion prepares it,
/// else by the first caller while others wait for the same build. Shared by the retriever (diacritic restoration) and
/// the answering layer's <c>DocumentCatalog</c> (spelling correction). Thread-safe.
/// </summary>
public sealed class IndexVocabulary(IChunkIndex index)
{
    private readonly PerIndexVersion<SyllableVocabulary> _versions = new();

    /// <summary>The vocabulary of the live index; an empty one when there is no index yet.</summary>
    public async Task<SyllableVocabulary> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var info = await index.GetInfoAsync(cancellationToken).ConfigureAwait(false);
        return await _versions.GetAsync(
            info,
            async () => Build(info is null ? [] : await index.ListDocumentsAsync(CancellationToken.None).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The vocabulary of the index version <paramref name="info"/>, whose documents the caller has listed already.</summary>
    public Task<SyllableVocabulary> OfAsync(IndexInfo? info, IReadOnlyList<CorpusDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return _versions.GetAsync(info, () => Task.FromResult(Build(documents)), cancellationToken);
    }

    /// <summary>Builds the vocabulary of the documents a build or update is about to switch to, and holds it for that version.</summary>
    public SyllableVocabulary Prepare(IReadOnlyList<CorpusDocument> documents)
    {
        var vocabulary = Build(documents);
        _versions.Stage(vocabulary);
        return vocabulary;
    }

    /// <summary>The prepared vocabulary belongs to <paramref name="info"/>, the version now live.</summary>
    public void Publish(IndexInfo info) => _versions.Publish(info);

    /// <summary>The build or update failed; the prepared vocabulary is dropped.</summary>
    public void Discard() => _versions.Discard();

    /// <summary>What the vocabulary reads of a document: its names (title, number, code, aliases) and its body.</summary>
    internal static string Text(CorpusDocument document) =>
        string.Join('\n', new[] { document.Title, document.Number, document.Code }.Concat(document.Aliases).OfType<string>().Append(document.Body));

    private static SyllableVocabulary Build(IReadOnlyList<CorpusDocument> documents) => new(documents.Select(Text));
}
