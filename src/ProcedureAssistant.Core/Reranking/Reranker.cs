using System.Reflection;
using ProcedureAssistant.Core.Indexing;
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
    }

    /// <summary>The model it scores with.</summary>
    public RerankerModel Model { get; }

    /// <summary>The model's term necessity, with which its first stage weighs a question's terms.</summary>
    public TermNecessity Necessity { get; }

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
    /// say how far behind a hit is. Coverage is left as the index computed it.
    /// </summary>
    public IReadOnlyList<ChunkHit> Rerank(QueryTerms query, IReadOnlyList<ChunkHit> hits, IndexStatistics statistics, int top)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var candidates = hits.Take(Candidates).ToList();
        var scores = Score(RerankFeatures.Compute(query, candidates, statistics));
        var order = Order(scores);
        if (order.Length == 0)
        {
            return [];
        }

        var best = scores[order[0]];
        var reranked = order.Select(i => candidates[i] with { Score = Math.Exp(scores[i] - best) });
        var rest = hits.Skip(candidates.Count).Select(h => h with { Score = 0 });
        return reranked.Concat(rest).Take(top).ToList();
    }

    /// <summary>The model's score of each feature vector.</summary>
    internal double[] Score(IReadOnlyList<float[]> features) => features.Select(f => Model.Score(f)).ToArray();

    /// <summary>Positions of the scores, best first; ties keep first-stage order.</summary>
    internal static int[] Order(double[] scores) =>
        Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
}
