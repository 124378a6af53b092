using ProcedureAssistant.Core.Indexing;
using ProcedureAssistant.Core.Queries;
using ProcedureAssistant.Core.Text;

namespace ProcedureAssistant.Core.Reranking;

/// <summary>
/// What the reranker knows about each candidate of a first-stage search. Everything comes from the hits themselves
/// (score, rank, coverage, the chunk's fields) and from <see cref="IndexStatistics"/>, which both backends hold, so a
/// candidate gets the same features from the embedded index and from Qdrant. The chunk's text is analysed again here
/// (heading path, title and text, as ingestion analyses it less the document's aliases), because neither backend
/// returns term positions or bigram statistics.
/// </summary>
/// <remarks>
/// The features are fixed by <see cref="Version"/>: a trained model names the version it was trained on and is
/// refused with any other. Change a feature (its meaning, order or constants) and the version changes with it.
/// </remarks>
public static class RerankFeatures
{
    /// <summary>Names the feature set below: its features, their order and their constants.</summary>
    public const string Version = "rerank-features-1";

    // BM25's usual constants, fixed here rather than taken from Retrieval options: a feature must mean the same
    // thing in training and in service whatever the first stage is configured with.
    private const double K1 = 1.2;
    private const double B = 0.75;

    // Width, in syllables, of the passage window of WindowCoverage: about one sentence of a statute.
    private const int Window = 16;

    /// <summary>The features, in the order of every vector <see cref="Compute"/> returns.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "first_stage_ratio",   // the candidate's first-stage score as a share of the best
        "rank",                // its first-stage rank, from 0
        "coverage",            // ChunkHit.Coverage
        "unigram_bm25_ratio",  // BM25 over the question's single syllables, as a share of the best candidate's
        "bigram_bm25_ratio",   // BM25 over its bigrams (IDF: the rarer syllable's), as a share of the best candidate's
        "bigram_share",        // weighted share of the question's bigrams the chunk holds
        "query_likelihood_gap", // Dirichlet-smoothed query log-likelihood, minus the best candidate's
        "proximity",           // matched question syllables / the shortest span holding them all
        "window_coverage",     // best IDF-weighted coverage of the question in any 16-syllable window
        "log_length",          // ln(1 + chunk length in syllables)
        "length_ratio",        // chunk length / mean chunk length of the index
        "law_share",           // share of the candidates' first-stage score that falls in this chunk's law (document)
        "law_rank",            // that law's place among the candidates' laws by that share, from 0
        "title_coverage",      // IDF-weighted coverage of the question by the heading path and title alone
        "max_idf_matched",     // highest IDF among matched question syllables / highest among all of them
        "accented",            // 1 when the question was typed with diacritics
        "query_terms",         // distinct single syllables of the question that carry weight
        "first_match",         // position of the first matched question bigram / chunk length (1 when none)
    ];

    /// <summary>Number of features.</summary>
    public static int Count => Names.Count;

    /// <summary>One feature vector per candidate, in the candidates' order; candidates are best first.</summary>
    public static float[][] Compute(QueryTerms query, IReadOnlyList<ChunkHit> candidates, IndexStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(statistics);
        if (candidates.Count == 0)
        {
            return [];
        }

        var profile = new QueryProfile(query, statistics);
        var scans = candidates.Select(hit => profile.Scan(hit)).ToArray();
        var best = candidates[0].Score > 0 ? candidates[0].Score : 1;
        var maxUnigram = Math.Max(scans.Max(s => s.UnigramBm25), 1e-9);
        var maxBigram = Math.Max(scans.Max(s => s.BigramBm25), 1e-9);
        var maxLikelihood = scans.Max(s => s.QueryLikelihood);

        var lawMass = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var hit in candidates)
        {
            var law = hit.Chunk.LawKey();
            lawMass[law] = lawMass.GetValueOrDefault(law) + Math.Max(hit.Score, 0) / best;
        }

        var totalMass = Math.Max(lawMass.Values.Sum(), 1e-9);
        var lawRank = lawMass.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal)
            .Select((l, rank) => (l.Key, rank)).ToDictionary(l => l.Key, l => l.rank, StringComparer.Ordinal);

        var vectors = new float[candidates.Count][];
        for (var i = 0; i < candidates.Count; i++)
        {
            var hit = candidates[i];
            var scan = scans[i];
            var law = hit.Chunk.LawKey();
            vectors[i] =
            [
                (float)(hit.Score / best),
                i,
                (float)hit.Coverage,
                (float)(scan.UnigramBm25 / maxUnigram),
                (float)(scan.BigramBm25 / maxBigram),
                (float)scan.BigramShare,
                (float)(scan.QueryLikelihood - maxLikelihood),
                (float)scan.Proximity,
                (float)scan.WindowCoverage,
                (float)Math.Log(1 + scan.Length),
                (float)(scan.Length / statistics.AverageLength),
                (float)(lawMass[law] / totalMass),
                lawRank[law],
                (float)scan.TitleCoverage,
                (float)scan.MaxIdfMatched,
                query.Accented ? 1 : 0,
                profile.PrimaryCount,
                (float)scan.FirstMatch,
            ];
        }

        return vectors;
    }

    /// <summary>What one candidate's text says about the question.</summary>
    private readonly record struct CandidateScan(
        int Length,
        double UnigramBm25,
        double BigramBm25,
        double BigramShare,
        double QueryLikelihood,
        double Proximity,
        double WindowCoverage,
        double TitleCoverage,
        double MaxIdfMatched,
        double FirstMatch);

    /// <summary>
    /// The question's terms, split into single syllables and bigrams in two spaces: accented syllables and folded
    /// ones (<see cref="TextAnalyzer.FoldedPrefix"/>). Its primary space is the one the question was typed in; the
    /// positional features (proximity, windows, title, first match) look at primary single syllables only.
    /// </summary>
    private sealed class QueryProfile
    {
        private readonly Dictionary<string, int> _accentedIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _foldedIds = new(StringComparer.Ordinal);
        private readonly Dictionary<(int, int), int> _bigramIndex = [];
        private readonly List<(string Term, double Weight, double Idf, bool Primary)> _unigrams = [];
        private readonly double[] _background;
        private readonly List<(double Weight, double Idf)> _bigrams = [];
        private readonly int[] _unigramOf;
        private readonly SyllableMatcher _matcher;
        private readonly double _bigramWeight;
        private readonly double _primaryIdfTotal;
        private readonly double _primaryMaxIdf;
        private readonly double _averageLength;
        private readonly bool _accented;

        public QueryProfile(QueryTerms query, IndexStatistics statistics)
        {
            _accented = query.Accented;
            _averageLength = statistics.AverageLength;
            var unigramBySyllable = new Dictionary<int, int>();
            // Ordinal order of the terms, so that ids (and with them floating-point sums) never depend on hashing.
            foreach (var (term, weight) in query.Weights.OrderBy(w => w.Key, StringComparer.Ordinal))
            {
                if (weight <= 0)
                {
                    continue;
                }

                var folded = term.StartsWith(TextAnalyzer.FoldedPrefix, StringComparison.Ordinal);
                var body = folded ? term[TextAnalyzer.FoldedPrefix.Length..] : term;
                var parts = body.Split(' ');
                var ids = parts.Select(p => Id(p, folded)).ToArray();
                if (ids.Length == 1)
                {
                    var idf = statistics.Idf(term);
                    unigramBySyllable[ids[0]] = _unigrams.Count;
                    _unigrams.Add((term, weight, idf, folded != _accented));
                }
                else if (ids.Length == 2)
                {
                    var prefix = folded ? TextAnalyzer.FoldedPrefix : string.Empty;
                    var idf = Math.Max(statistics.Idf(prefix + parts[0]), statistics.Idf(prefix + parts[1]));
                    _bigramIndex[(ids[0], ids[1])] = _bigrams.Count;
                    _bigrams.Add((weight, idf));
                }
            }

            _matcher = new SyllableMatcher(_accentedIds, _foldedIds);
            _unigramOf = new int[_accentedIds.Count + _foldedIds.Count];
            Array.Fill(_unigramOf, -1);
            foreach (var (syllable, unigram) in unigramBySyllable)
            {
                _unigramOf[syllable] = unigram;
            }

            // Each unigram's collection probability, looked up once per question rather than once per candidate: a
            // look-up reads every segment's term dictionary of the embedded index.
            _background = _unigrams.Select(u => u.Primary ? statistics.CollectionProbability(u.Term) : 0).ToArray();
            _bigramWeight = _bigrams.Sum(b => b.Weight);
            var primary = _unigrams.Where(u => u.Primary).ToList();
            PrimaryCount = primary.Count;
            _primaryIdfTotal = primary.Sum(u => u.Weight * u.Idf);
            _primaryMaxIdf = primary.Count == 0 ? 0 : primary.Max(u => u.Idf);
        }

        public int PrimaryCount { get; }

        public CandidateScan Scan(ChunkHit hit)
        {
            var chunk = hit.Chunk;
            var accentedIds = new List<int>(512);
            var foldedIds = new List<int>(512);
            _matcher.Match(chunk.Path + "\n" + chunk.Title, accentedIds, foldedIds);
            var headLength = accentedIds.Count;
            _matcher.Match(chunk.Text, accentedIds, foldedIds);
            var length = accentedIds.Count;

            var unigramTf = new int[_unigrams.Count];
            var bigramTf = new int[_bigrams.Count];
            var primaryPositions = new List<(int Position, int Unigram)>();
            var inHead = new bool[_unigrams.Count];
            var firstBigram = -1;
            for (var i = 0; i < length; i++)
            {
                foreach (var ids in (ReadOnlySpan<List<int>>)[accentedIds, foldedIds])
                {
                    var id = ids[i];
                    if (id < 0)
                    {
                        continue;
                    }

                    var unigram = _unigramOf[id];
                    if (unigram >= 0)
                    {
                        unigramTf[unigram]++;
                        if (_unigrams[unigram].Primary)
                        {
                            primaryPositions.Add((i, unigram));
                            inHead[unigram] |= i < headLength;
                        }
                    }

                    if (i + 1 < length && ids[i + 1] >= 0 && _bigramIndex.TryGetValue((id, ids[i + 1]), out var bigram))
                    {
                        bigramTf[bigram]++;
                        firstBigram = firstBigram < 0 ? i : firstBigram;
                    }
                }
            }

            var norm = K1 * (1 - B + (B * length / _averageLength));
            double Saturated(int tf) => tf * (K1 + 1) / (tf + norm);
            var unigramBm25 = 0.0;
            var likelihood = 0.0;
            var mu = _averageLength;
            var maxIdf = 0.0;
            for (var u = 0; u < _unigrams.Count; u++)
            {
                var (_, weight, idf, primary) = _unigrams[u];
                unigramBm25 += unigramTf[u] == 0 ? 0 : weight * idf * Saturated(unigramTf[u]);
                if (primary)
                {
                    likelihood += weight * Math.Log((unigramTf[u] + (mu * _background[u])) / (length + mu));
                    maxIdf = unigramTf[u] > 0 ? Math.Max(maxIdf, idf) : maxIdf;
                }
            }

            var bigramBm25 = 0.0;
            var bigramMatched = 0.0;
            for (var g = 0; g < _bigrams.Count; g++)
            {
                if (bigramTf[g] > 0)
                {
                    bigramBm25 += _bigrams[g].Weight * _bigrams[g].Idf * Saturated(bigramTf[g]);
                    bigramMatched += _bigrams[g].Weight;
                }
            }

            var headCoverage = 0.0;
            for (var u = 0; u < _unigrams.Count; u++)
            {
                headCoverage += inHead[u] ? _unigrams[u].Weight * _unigrams[u].Idf : 0;
            }

            return new CandidateScan(
                length,
                unigramBm25,
                bigramBm25,
                _bigramWeight == 0 ? 0 : bigramMatched / _bigramWeight,
                likelihood,
                Proximity(primaryPositions),
                _primaryIdfTotal == 0 ? 0 : WindowMass(primaryPositions) / _primaryIdfTotal,
                _primaryIdfTotal == 0 ? 0 : headCoverage / _primaryIdfTotal,
                _primaryMaxIdf == 0 ? 0 : maxIdf / _primaryMaxIdf,
                firstBigram < 0 || length == 0 ? 1 : (double)firstBigram / length);
        }

        private int Id(string syllable, bool folded)
        {
            var ids = folded ? _foldedIds : _accentedIds;
            if (!ids.TryGetValue(syllable, out var id))
            {
                id = _accentedIds.Count + _foldedIds.Count;
                ids.Add(syllable, id);
            }

            return id;
        }

        // Matched distinct syllables over the shortest span that holds every one of them (1 when they are adjacent).
        private double Proximity(List<(int Position, int Unigram)> positions)
        {
            var distinct = positions.Select(p => p.Unigram).Distinct().Count();
            if (distinct < 2)
            {
                return 0;
            }

            var counts = new int[_unigrams.Count];
            var (inWindow, start, shortest) = (0, 0, int.MaxValue);
            for (var end = 0; end < positions.Count; end++)
            {
                inWindow += counts[positions[end].Unigram]++ == 0 ? 1 : 0;
                while (inWindow == distinct)
                {
                    shortest = Math.Min(shortest, positions[end].Position - positions[start].Position + 1);
                    inWindow -= --counts[positions[start].Unigram] == 0 ? 1 : 0;
                    start++;
                }
            }

            return (double)distinct / shortest;
        }

        // The largest weighted IDF mass of distinct question syllables inside any window of Window syllables.
        private double WindowMass(List<(int Position, int Unigram)> positions)
        {
            var counts = new int[_unigrams.Count];
            var (mass, best, start) = (0.0, 0.0, 0);
            foreach (var (position, unigram) in positions)
            {
                mass += counts[unigram]++ == 0 ? _unigrams[unigram].Weight * _unigrams[unigram].Idf : 0;
                while (positions[start].Position <= position - Window)
                {
                    var leaving = positions[start].Unigram;
                    mass -= --counts[leaving] == 0 ? _unigrams[leaving].Weight * _unigrams[leaving].Idf : 0;
                    start++;
                }

                best = Math.Max(best, mass);
            }

            return best;
        }
    }
}
