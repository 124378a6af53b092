using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProcedureAssistant.Core.Reranking;

/// <summary>
/// A trained reranker: the boosted regression trees of an ML.NET FastTree LambdaRank model, written out as plain
/// arrays so that scoring needs no ML.NET pipeline (a few hundred comparisons per candidate, thread-safe), plus what
/// it was trained on. It scores only feature vectors of <see cref="FeatureSet"/> and candidates of
/// <see cref="FirstStage"/>; <see cref="Load"/> refuses a file of another feature set.
/// </summary>
public sealed record RerankerModel
{
    /// <summary>Version of this file layout.</summary>
    public const int CurrentFormat = 3;

    /// <summary>A first stage of BM25 over the analysed terms, without dense vectors.</summary>
    public const string Bm25FirstStage = "bm25";

    /// <summary>The same, with each question term's weight multiplied by the model's <see cref="TermNecessity"/>.</summary>
    public const string Bm25NecessityFirstStage = "bm25-necessity";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // The term counts are Vietnamese: written as they are, not as \u escapes (a file, never inlined in a page).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>File layout version (<see cref="CurrentFormat"/>).</summary>
    public required int Format { get; init; }

    /// <summary>The feature set the trees split on (<c>rerank-features-N</c>).</summary>
    public required string FeatureSet { get; init; }

    /// <summary>The features' names in vector order, as trained.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>The first-stage ranking whose candidates it reorders (<see cref="Bm25FirstStage"/> or <see cref="Bm25NecessityFirstStage"/>).</summary>
    public required string FirstStage { get; init; }

    /// <summary>How many first-stage candidates it was trained to reorder; the service reranks as many.</summary>
    public required int Candidates { get; init; }

    /// <summary>How it was trained and on which questions.</summary>
    public required RerankerTraining Training { get; init; }

    /// <summary>Added to every score.</summary>
    public required double Bias { get; init; }

    /// <summary>The trees; a candidate's score is the bias plus each tree's weighted leaf value.</summary>
    public required IReadOnlyList<RerankerTree> Trees { get; init; }

    /// <summary>
    /// The training questions' term counts (ordinal order), with which a <see cref="Bm25NecessityFirstStage"/> weighs
    /// a question's terms; empty for a plain first stage. Not required by the reader, so that a file of an older
    /// layout is refused for its layout rather than for this field.
    /// </summary>
    public IReadOnlyDictionary<string, TermCount> TermNecessity { get; init; } = new Dictionary<string, TermCount>(StringComparer.Ordinal);

    /// <summary>
    /// How many of the best candidates keep the trees' order; the rest are ranked by reciprocal-rank fusion of the
    /// trees' order and the <see cref="TranslationLikelihood"/> under <see cref="TermTranslation"/>. 0: the trees
    /// rank every candidate.
    /// </summary>
    public int Head { get; init; }

    /// <summary>
    /// The training questions' <see cref="Reranking.TermTranslation"/>, t(q | w) keyed by question syllable then by
    /// article syllable (ordinal order); empty when <see cref="Head"/> is 0.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, float>> TermTranslation { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, float>>(StringComparer.Ordinal);

    /// <summary>The model's score of one feature vector; higher ranks first.</summary>
    public double Score(ReadOnlySpan<float> features)
    {
        var score = Bias;
        foreach (var tree in Trees)
        {
            score += tree.Weight * tree.Leaf[tree.LeafIndex(features)];
        }

        return score;
    }

    /// <summary>The model as JSON bytes: the same model always gives the same bytes.</summary>
    public byte[] ToBytes()
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(this, Json);
        return [.. bytes, (byte)'\n'];
    }

    /// <summary>Reads a model written by <see cref="ToBytes"/> and checks it against the features this build computes.</summary>
    /// <param name="stream">The file's content.</param>
    /// <param name="source">Names the file in error messages.</param>
    /// <exception cref="InvalidDataException">The file is not a reranker model, or one of another feature set or layout.</exception>
    public static RerankerModel Load(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        RerankerModel? model;
        try
        {
            model = JsonSerializer.Deserialize<RerankerModel>(stream, Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The reranker model '{source}' is not valid JSON: {ex.Message}", ex);
        }

        if (model is null)
        {
            throw new InvalidDataException($"The reranker model '{source}' is empty.");
        }

        if (model.Format != CurrentFormat)
        {
            throw new InvalidDataException($"The reranker model '{source}' has layout {model.Format}; this build reads layout {CurrentFormat}. Rebuild it with 'train-reranker'.");
        }

        if (model.FeatureSet != RerankFeatures.Version || !model.Features.SequenceEqual(RerankFeatures.Names, StringComparer.Ordinal))
        {
            throw new InvalidDataException(
                $"The reranker model '{source}' was trained on feature set '{model.FeatureSet}' ({model.Features.Count} features); this build computes '{RerankFeatures.Version}' ({RerankFeatures.Count} features). Rebuild it with 'train-reranker'.");
        }

        if (model.FirstStage is not (Bm25FirstStage or Bm25NecessityFirstStage))
        {
            throw new InvalidDataException($"The reranker model '{source}' reorders a first stage '{model.FirstStage}'; this build runs '{Bm25FirstStage}' and '{Bm25NecessityFirstStage}'.");
        }

        if (model.TermNecessity.FirstOrDefault(c => c.Value.Hits < 0 || c.Value.Hits > c.Value.Questions) is { Key: { } term })
        {
            throw new InvalidDataException($"The reranker model '{source}': the term count of '{term}' is not 0 ≤ hits ≤ questions.");
        }

        if (Reranking.TermTranslation.WithImprobable(model.TermTranslation) is { } asked)
        {
            throw new InvalidDataException($"The reranker model '{source}': a translation probability of '{asked}' is not in (0, 1].");
        }

        if (model.Head < 0)
        {
            throw new InvalidDataException($"The reranker model '{source}' keeps a head of {model.Head} candidates; it must be 0 or more.");
        }

        if (model.Candidates < 1)
        {
            throw new InvalidDataException($"The reranker model '{source}' reranks {model.Candidates} candidates; it must rerank at least one.");
        }

        foreach (var (tree, number) in model.Trees.Select((t, i) => (t, i)))
        {
            if (tree.Validate(RerankFeatures.Count) is { } problem)
            {
                throw new InvalidDataException($"The reranker model '{source}': tree {number} {problem}.");
            }
        }

        return model;
    }
}
