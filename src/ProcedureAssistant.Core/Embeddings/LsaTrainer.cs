namespace ProcedureAssistant.Core.Embeddings;

/// <summary>
/// Trains an <see cref="LsaModel"/> with a randomised truncated SVD (Halko, Martinsson and Tropp 2011, algorithm 4.4):
/// a Gaussian sketch of the TF-IDF matrix, two power iterations with re-orthonormalisation, then the exact SVD of
/// the small projected matrix through the Jacobi eigen-decomposition of its Gram matrix. A fixed seed makes it
/// deterministic; each singular vector's largest component is made positive so that its sign is too.
/// </summary>
internal static class LsaTrainer
{
    private const int Oversampling = 10;
    private const int PowerIterations = 2;

    /// <summary>
    /// The model of the documents' term frequencies. Terms in fewer than <paramref name="minDocumentFrequency"/>
    /// documents are left out (they cannot relate documents), then the <paramref name="maxTerms"/> most frequent kept.
    /// </summary>
    public static LsaModel Train(
        IReadOnlyList<IReadOnlyDictionary<string, float>> documents, int dimensions, int maxTerms, int seed, int minDocumentFrequency = 2)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        var n = documents.Count;
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var (term, tf) in document)
            {
                if (tf > 0)
                {
                    df[term] = df.GetValueOrDefault(term) + 1;
                }
            }
        }

        var terms = df.Where(t => t.Value >= minDocumentFrequency)
            .OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(maxTerms)
            .Select(t => t.Key)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var termIndex = terms.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var idf = terms.Select(t => (float)(Math.Log((1.0 + n) / (1.0 + df[t])) + 1)).ToArray();
        var matrix = SparseRows.From(documents, termIndex, idf);
        var projection = RightSingularVectors(matrix, terms.Length, dimensions, seed);
        return new LsaModel(terms, idf, projection, dimensions);
    }

    /// <summary>The top <paramref name="k"/> right singular vectors as a terms × k row-major matrix (zero columns past the rank).</summary>
    private static float[] RightSingularVectors(SparseRows a, int columns, int k, int seed)
    {
        var result = new float[columns * k];
        var l = Math.Min(k + Oversampling, Math.Min(a.RowCount, columns));
        if (l == 0)
        {
            return result;
        }

        var random = new Random(seed);
        var omega = new double[columns * l];
        for (var i = 0; i < omega.Length; i++)
        {
            omega[i] = Gaussian(random);
        }

        var y = Orthonormalized(a.Times(omega, l), a.RowCount, l);
        for (var q = 0; q < PowerIterations; q++)
        {
            var z = Orthonormalized(a.TransposeTimes(y, l, columns), columns, l);
            y = Orthonormalized(a.Times(z, l), a.RowCount, l);
        }

        // B = Qᵀ A is l × columns; work with Bᵀ = Aᵀ Q (columns × l) and its Gram matrix B Bᵀ = (Bᵀ)ᵀ Bᵀ.
        var bt = a.TransposeTimes(y, l, columns);
        var gram = new double[l * l];
        for (var r = 0; r < columns; r++)
        {
            for (var i = 0; i < l; i++)
            {
                var v = bt[(r * l) + i];
                if (v == 0)
                {
                    continue;
                }

                for (var j = i; j < l; j++)
                {
                    gram[(i * l) + j] += v * bt[(r * l) + j];
                }
            }
        }

        for (var i = 0; i < l; i++)
        {
            for (var j = 0; j < i; j++)
            {
                gram[(i * l) + j] = gram[(j * l) + i];
            }
        }

        var (values, vectors) = SymmetricEigen(gram, l);
        var order = Enumerable.Range(0, l).OrderByDescending(i => values[i]).ThenBy(i => i).ToArray();
        var largest = values[order[0]];
        for (var c = 0; c < Math.Min(k, l); c++)
        {
            var e = order[c];
            if (values[e] <= largest * 1e-12 || values[e] <= 0)
            {
                break;
            }

            // v = Bᵀ w / σ: the right singular vector for the eigenvector w of B Bᵀ with eigenvalue σ².
            var sigma = Math.Sqrt(values[e]);
            var column = new double[columns];
            for (var r = 0; r < columns; r++)
            {
                var sum = 0.0;
                for (var i = 0; i < l; i++)
                {
                    sum += bt[(r * l) + i] * vectors[(i * l) + e];
                }

                column[r] = sum / sigma;
            }

            var peak = 0;
            for (var r = 1; r < columns; r++)
            {
                if (Math.Abs(column[r]) > Math.Abs(column[peak]) + 1e-12)
                {
                    peak = r;
                }
            }

            var sign = column[peak] < 0 ? -1 : 1;
            for (var r = 0; r < columns; r++)
            {
                result[(r * k) + c] = (float)(sign * column[r]);
            }
        }

        return result;
    }

    /// <summary>Modified Gram–Schmidt, twice, on the columns of a rows × l row-major matrix; dependent columns become zero.</summary>
    private static double[] Orthonormalized(double[] matrix, int rows, int l)
    {
        var columns = new double[l][];
        for (var j = 0; j < l; j++)
        {
            columns[j] = new double[rows];
            for (var r = 0; r < rows; r++)
            {
                columns[j][r] = matrix[(r * l) + j];
            }
        }

        for (var j = 0; j < l; j++)
        {
            var original = Math.Sqrt(Dot(columns[j], columns[j]));
            for (var pass = 0; pass < 2; pass++)
            {
                for (var i = 0; i < j; i++)
                {
                    var projection = Dot(columns[i], columns[j]);
                    for (var r = 0; r < rows; r++)
                    {
                        columns[j][r] -= projection * columns[i][r];
                    }
                }
            }

            var norm = Math.Sqrt(Dot(columns[j], columns[j]));
            var scale = norm > 1e-10 * Math.Max(original, 1e-300) ? 1 / norm : 0;
            for (var r = 0; r < rows; r++)
            {
                columns[j][r] *= scale;
            }
        }

        var result = new double[rows * l];
        for (var j = 0; j < l; j++)
        {
            for (var r = 0; r < rows; r++)
            {
                result[(r * l) + j] = columns[j][r];
            }
        }

        return result;
    }

    /// <summary>Cyclic Jacobi rotations: eigenvalues and eigenvectors (as columns of an l × l row-major matrix).</summary>
    private static (double[] Values, double[] Vectors) SymmetricEigen(double[] matrix, int l)
    {
        var a = (double[])matrix.Clone();
        var v = new double[l * l];
        for (var i = 0; i < l; i++)
        {
            v[(i * l) + i] = 1;
        }

        var scale = Math.Sqrt(a.Sum(x => x * x));
        for (var sweep = 0; sweep < 100; sweep++)
        {
            var off = 0.0;
            for (var p = 0; p < l; p++)
            {
                for (var q = p + 1; q < l; q++)
                {
                    off += a[(p * l) + q] * a[(p * l) + q];
                }
            }

            if (Math.Sqrt(off) <= 1e-14 * Math.Max(scale, 1e-300))
            {
                break;
            }

            for (var p = 0; p < l; p++)
            {
                for (var q = p + 1; q < l; q++)
                {
                    var apq = a[(p * l) + q];
                    if (Math.Abs(apq) < 1e-300)
                    {
                        continue;
                    }

                    var theta = (a[(q * l) + q] - a[(p * l) + p]) / (2 * apq);
                    var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    var c = 1 / Math.Sqrt((t * t) + 1);
                    var s = t * c;
                    for (var r = 0; r < l; r++)
                    {
                        var arp = a[(r * l) + p];
                        var arq = a[(r * l) + q];
                        a[(r * l) + p] = (c * arp) - (s * arq);
                        a[(r * l) + q] = (s * arp) + (c * arq);
                    }

                    for (var r = 0; r < l; r++)
                    {
                        var apr = a[(p * l) + r];
                        var aqr = a[(q * l) + r];
                        a[(p * l) + r] = (c * apr) - (s * aqr);
                        a[(q * l) + r] = (s * apr) + (c * aqr);
                    }

                    for (var r = 0; r < l; r++)
                    {
                        var vrp = v[(r * l) + p];
                        var vrq = v[(r * l) + q];
                        v[(r * l) + p] = (c * vrp) - (s * vrq);
                        v[(r * l) + q] = (s * vrp) + (c * vrq);
                    }
                }
            }
        }

        return (Enumerable.Range(0, l).Select(i => a[(i * l) + i]).ToArray(), v);
    }

    private static double Dot(double[] x, double[] y)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    // Box–Muller over System.Random's seeded sequence, which is stable across runs and platforms.
    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>The L2-normalised TF-IDF rows of the corpus, in compressed sparse row form.</summary>
    private sealed class SparseRows
    {
        private readonly int[] _rowStart;
        private readonly int[] _columns;
        private readonly double[] _values;

        private SparseRows(int[] rowStart, int[] columns, double[] values)
        {
            _rowStart = rowStart;
            _columns = columns;
            _values = values;
        }

        public int RowCount => _rowStart.Length - 1;

        public static SparseRows From(IReadOnlyList<IReadOnlyDictionary<string, float>> documents, Dictionary<string, int> termIndex, float[] idf)
        {
            var rowStart = new int[documents.Count + 1];
            var columns = new List<int>();
            var values = new List<double>();
            for (var d = 0; d < documents.Count; d++)
            {
                var row = new List<(int Column, double Value)>();
                foreach (var (term, tf) in documents[d])
                {
                    if (tf > 0 && termIndex.TryGetValue(term, out var column))
                    {
                        row.Add((column, (1 + Math.Log(tf)) * idf[column]));
                    }
                }

                var norm = Math.Sqrt(row.Sum(x => x.Value * x.Value));
                foreach (var (column, value) in row.OrderBy(x => x.Column))
                {
                    columns.Add(column);
                    values.Add(value / norm);
                }

                rowStart[d + 1] = columns.Count;
            }

            return new SparseRows(rowStart, [.. columns], [.. values]);
        }

        /// <summary>This (rows × columns) times a columns × l row-major matrix.</summary>
        public double[] Times(double[] right, int l)
        {
            var result = new double[RowCount * l];
            for (var r = 0; r < RowCount; r++)
            {
                for (var e = _rowStart[r]; e < _rowStart[r + 1]; e++)
                {
                    var value = _values[e];
                    var source = _columns[e] * l;
                    for (var j = 0; j < l; j++)
                    {
                        result[(r * l) + j] += value * right[source + j];
                    }
                }
            }

            return result;
        }

        /// <summary>The transpose of this times a rows × l row-major matrix: columns × l.</summary>
        public double[] TransposeTimes(double[] right, int l, int columns)
        {
            var result = new double[columns * l];
            for (var r = 0; r < RowCount; r++)
            {
                for (var e = _rowStart[r]; e < _rowStart[r + 1]; e++)
                {
                    var value = _values[e];
                    var target = _columns[e] * l;
                    for (var j = 0; j < l; j++)
                    {
                        result[target + j] += value * right[(r * l) + j];
                    }
                }
            }

            return result;
        }
    }
}
