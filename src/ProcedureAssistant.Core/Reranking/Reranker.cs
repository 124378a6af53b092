using System.Reflection;
using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Reranking;

/// <summary>
/// Reorders the first <see cref="Candidates"/> hits of a BM25 search with a trained <see cref="RerankerModel"/>.
/// Works on the hits and <see cref="IndexStatistics"/> alone, so it reranks the embedded and the Qdrant index
/// alike. Immutable and thread-safe.
/// </summary>
public sealed class Reranker
{
    /// <summary>Where the built-in model lives in the source tree (it is compiled into this assembly).</summary>
    public const string BuiltInModelPath = "src/ProcedureAssistant.Core/Reranking/reranker.json";

    private const string BuiltInResource = "ProcedureAssistant.Core.Reranking.reranker.json";

    /// <summary>A reranker scoring with <paramref name="model"/>.</summary>
    public Reranker(RerankerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        Necessity = new TermNecessity(model.TermNecessity);
        Translation = new TermTranslation(model.TermTranslation);
        FusesTranslation = model.Head > 0 && Translation.Count > 0;
    }

    // Reciprocal-rank fusion constant of the ranking past the head: the paper's 60 (Cormack et al., 2009), not fitted.
    private const int FusionK = 60;

    /// <summary>The model it scores with.</summary>
    public RerankerModel Model { get; }

    /// <summary>The model's term necessity, with which its first stage weighs a question's terms.</summary>
    public TermNecessity Necessity { get; }

    /// <summary>The model's term translation, by which the candidates past its <see cref="RerankerModel.Head"/> are ranked too.</summary>
    public TermTranslation Translation { get; }

    /// <summary>Whether the candidates past the head are fused with the translation ranking.</summary>
    public bool FusesTranslation { get; }

    /// <summary>How many first-stage candidates it reorders (the number the model was trained on).</summary>
    public int Candidates => Model.Candidates;

    /// <summary>The model in the file <paramref name="path"/>, or the built-in one when the path is null.</summary>
    /// <exception cref="InvalidDataException">The file is missing, unreadable, or of another feature set; the message names it.</exception>
    public static Reranker Load(string? path = null)
    {
        if (path is null)
        {
            using var stream = typeof(Reranker).GetTypeInfo().Assembly.GetManifestResourceStream(BuiltInResource)
                ?? throw new InvalidDataException($"The built-in reranker model ({BuiltInModelPath}) is missing from the build.");
            return new Reranker(RerankerModel.Load(stream, BuiltInModelPath));
        }

        if (!File.Exists(path))
        {
            throw new InvalidDataException($"The reranker model '{Path.GetFullPath(path)}' (Retrieval:RerankerPath) does not exist.");
        }

        using var file = File.OpenRead(path);
        return new Reranker(RerankerModel.Load(file, Path.GetFullPath(path)));
    }

    /// <summary>
    /// The question as the first stage whose candidates the model reorders searches it: its terms weighted by the
    /// model's term necessity when the model was trained on such a first stage, as it is.
    /// </summary>
    public QueryTerms FirstStageTerms(QueryTerms query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Model.FirstStage == RerankerModel.Bm25NecessityFirstStage ? Necessity.Weigh(query) : query;
    }

    /// <summary>
    /// The best <paramref name="top"/> of <paramref name="hits"/> (a BM25 search, best first) after reranking the first
    /// <see cref="Candidates"/>; hits past them keep their order behind. Each reranked hit's score becomes
    /// exp(s − s_best) of the model's scores s: 1 for the best, and a share of it below, so ratios of scores still
    /// say how far behind a hit is; past the head (<see cref="Fuse"/>) a hit's score is at most the one before it.
    /// Coverage is left as the index computed it.
    /// </summary>
    public IReadOnlyList<ChunkHit> Rerank(QueryTerms query, IReadOnlyList<ChunkHit> hits, IndexStatistics statistics, int top)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var candidates = hits.Take(Candidates).ToList();
        var scores = Score(RerankFeatures.Compute(query, candidates, statistics));
        var order = FusesTranslation
            ? Fuse(Order(scores), TranslationLikelihood.Compute(query, candidates, statistics, Translation), Model.Head)
            : Order(scores);
        if (order.Length == 0)
        {
            return [];
        }

        var best = scores[order[0]];
        var reranked = new List<ChunkHit>(hits.Count);
        var previous = double.MaxValue;
        foreach (var i in order)
        {
            previous = Math.Min(previous, Math.Exp(scores[i] - best));
            reranked.Add(candidates[i] with { Score = previous });
        }

        reranked.AddRange(hits.Skip(candidates.Count).Select(h => h with { Score = 0 }));
        return reranked.Take(top).ToList();
    }

    /// <summary>The model's score of each feature vector.</summary>
    internal double[] Score(IReadOnlyList<float[]> features) => features.Select(f => Model.Score(f)).ToArray();

    /// <summary>
    /// The model's order with its first <paramref name="head"/> kept, and the candidates after them ordered by
    /// reciprocal-rank fusion (k = 60, equal weights) of their place in the model's order and in the order of
    /// <paramref name="translation"/> (higher first); ties keep the model's order. The head holds the answer's
    /// sources, where the trees are the more precise; the translation ranking lifts, into the rest of the first ten,
    /// answers worded unlike the question.
    /// </summary>
    /// <param name="modelOrder">Candidate positions, best first by the model.</param>
    /// <param name="translation">Each candidate's <see cref="TranslationLikelihood"/>, by candidate position.</param>
    /// <param name="head">How many of the model's best keep their places.</param>
    internal static int[] Fuse(int[] modelOrder, IReadOnlyList<double> translation, int head)
    {
        var modelRank = new int[modelOrder.Length];
        for (var r = 0; r < modelOrder.Length; r++)
        {
            modelRank[modelOrder[r]] = r;
        }

        var translationRank = new int[modelOrder.Length];
        var byTranslation = modelOrder.OrderByDescending(i => translation[i]).ThenBy(i => modelRank[i]).ToArray();
        for (var r = 0; r < byTranslation.Length; r++)
        {
            translationRank[byTranslation[r]] = r;
        }

        double Fused(int i) => (1.0 / (FusionK + modelRank[i] + 1)) + (1.0 / (FusionK + translationRank[i] + 1));
        var kept = modelOrder.Take(head);
        var rest = modelOrder.Skip(head).OrderByDescending(Fused).ThenBy(i => modelRank[i]);
        return [.. kept, .. rest];
    }

    /// <summary>Positions of the scores, best first; ties keep first-stage order.</summary>
    internal static int[] Order(double[] scores) =>
        Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
}
