using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Reranking;

/// <summary>
/// Which syllables of an answering article a question's syllables stand for, learnt from judged questions: the
/// probability t(q | w) that an article's syllable w is what a question's syllable q was written for, by IBM
/// Model 1 (expectation-maximisation over question–article pairs, each question syllable explained by one of its
/// relevant articles' syllables or by none). It carries a question's wording over to a statute's: learnt from the
/// benchmark questions, "tử" of "bức tử" stands for "nhục" of "làm nhục". The reranker ranks the candidates past its
/// head by it too
/// (<see cref="TranslationLikelihood"/>, <see cref="Reranker.Rerank"/>).
/// </summary>
/// <remarks>
/// Syllables are accented and normalised (<see cref="VietnameseText.Normalize"/>), single syllables only: bigram
/// pairs are too sparse to learn from a few thousand questions. A question's typed and folded forms count once.
/// A table remembers nothing of single questions, so cross-validation learns one per fold, without the fold.
/// The lab learns a table (ProcedureAssistant.Lab's TermTranslationLearning); the service only reads one.
/// </remarks>
public sealed class TermTranslation
{
    private static readonly IReadOnlyDictionary<string, float> EmptySources = new Dictionary<string, float>(StringComparer.Ordinal);

    private readonly Dictionary<string, IReadOnlyDictionary<string, float>> _sources;

    /// <summary>A table of t(q | w), keyed by the question syllable q, then by the article syllable w.</summary>
    /// <exception cref="ArgumentException">A probability is not in (0, 1].</exception>
    public TermTranslation(IReadOnlyDictionary<string, IReadOnlyDictionary<string, float>> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (WithImprobable(sources) is { } bad)
        {
            throw new ArgumentException($"A translation probability of '{bad}' is not in (0, 1].", nameof(sources));
        }

        _sources = new Dictionary<string, IReadOnlyDictionary<string, float>>(sources, StringComparer.Ordinal);
        Count = _sources.Values.Sum(s => s.Count);
    }

    /// <summary>The first question syllable of <paramref name="sources"/> with a probability not in (0, 1], or null.</summary>
    internal static string? WithImprobable(IReadOnlyDictionary<string, IReadOnlyDictionary<string, float>> sources) =>
        sources.FirstOrDefault(s => s.Value.Values.Any(p => !(p > 0 && p <= 1))).Key;

    /// <summary>A table that translates nothing.</summary>
    public static TermTranslation Empty { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, float>>(StringComparer.Ordinal));

    /// <summary>The table, question syllables and their article syllables in ordinal order (as a model file writes it).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, float>> Sources =>
        _sources.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(
            s => s.Key,
            s => (IReadOnlyDictionary<string, float>)s.Value.OrderBy(w => w.Key, StringComparer.Ordinal).ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal),
            StringComparer.Ordinal);

    /// <summary>How many (question syllable, article syllable) pairs the table holds.</summary>
    public int Count { get; }

    /// <summary>The article syllables w that <paramref name="questionSyllable"/> translates, with t(q | w); empty when none.</summary>
    public IReadOnlyDictionary<string, float> SourcesOf(string questionSyllable)
    {
        ArgumentNullException.ThrowIfNull(questionSyllable);
        return _sources.GetValueOrDefault(questionSyllable) ?? EmptySources;
    }

    /// <summary>
    /// Whether an analysed term (a key of a training group's question terms or of <see cref="Queries.QueryTerms.Weights"/>)
    /// is an accented single syllable, the kind of term a table translates.
    /// </summary>
    public static bool IsSyllable(string term) =>
        !term.StartsWith(TextAnalyzer.FoldedPrefix, StringComparison.Ordinal) && !term.Contains(' ', StringComparison.Ordinal);
}
