using ProcedureAssistant.Core.Documents;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Retrieval;

/// <summary>
/// The <see cref="SyllableVocabulary"/> of the live index: the syllables its documents are written in (names and
/// body), read through <see cref="IChunkIndex.ListDocumentsAsync"/> so that every backend yields the same one. Built
/// on first use after every index change (a new version or content hash) and shared by the retriever (diacritic
/// restoration) and the answering layer's <c>DocumentCatalog</c> (spelling correction). Thread-safe.
/// </summary>
public sealed class IndexVocabulary(IChunkIndex index)
{
    private volatile Built? _current;

    /// <summary>The vocabulary of the live index; an empty one when there is no index yet.</summary>
    public async Task<SyllableVocabulary> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var info = await index.GetInfoAsync(cancellationToken).ConfigureAwait(false);
        if (Cached(info) is { } cached)
        {
            return cached;
        }

        var documents = info is null ? [] : await index.ListDocumentsAsync(cancellationToken).ConfigureAwait(false);
        return Of(info, documents);
    }

    /// <summary>The vocabulary of the index version <paramref name="info"/>, whose documents the caller has listed already.</summary>
    public SyllableVocabulary Of(IndexInfo? info, IReadOnlyList<CorpusDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (Cached(info) is { } cached)
        {
            return cached;
        }

        // Two requests racing here build the same value; the last one written wins, which is harmless.
        var vocabulary = new SyllableVocabulary(documents.Select(Text));
        _current = new Built(info?.Version ?? 0, info?.ContentHash ?? string.Empty, vocabulary);
        return vocabulary;
    }

    /// <summary>What the vocabulary reads of a document: its names (title, number, code, aliases) and its body.</summary>
    internal static string Text(CorpusDocument document) =>
        string.Join('\n', new[] { document.Title, document.Number, document.Code }.Concat(document.Aliases).OfType<string>().Append(document.Body));

    private SyllableVocabulary? Cached(IndexInfo? info) =>
        _current is { } current && info is not null && current.Version == info.Version && current.ContentHash == info.ContentHash ? current.Vocabulary : null;

    private sealed record Built(long Version, string ContentHash, SyllableVocabulary Vocabulary);
}
