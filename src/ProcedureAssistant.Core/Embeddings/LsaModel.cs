using System.Security.Cryptography;
using System.Text;

namespace ProcedureAssistant.Core.Embeddings;

/// <summary>
/// A latent semantic analysis model: a vocabulary with IDF weights and a projection of every term onto the
/// <see cref="Dimensions"/> strongest right singular vectors of the corpus' TF-IDF matrix. A text's vector is its
/// L2-normalised TF-IDF row (weights (1 + ln tf)·idf) times the projection, L2-normalised again, so documents and
/// questions land in one space and search is a dot product. Immutable and thread-safe.
/// </summary>
internal sealed class LsaModel
{
    private static readonly byte[] Magic = "PALSA\0\0\x01"u8.ToArray();

    private readonly Dictionary<string, int> _termIndex;
    private readonly float[] _idf;
    private readonly float[] _projection;

    public LsaModel(IReadOnlyList<string> terms, float[] idf, float[] projection, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(idf);
        ArgumentNullException.ThrowIfNull(projection);
        if (idf.Length != terms.Count || projection.Length != terms.Count * dimensions)
        {
            throw new ArgumentException($"An LSA model of {terms.Count} terms and {dimensions} dimensions needs {terms.Count} IDF values and {terms.Count * dimensions} projection values.");
        }

        Terms = terms;
        Dimensions = dimensions;
        _idf = idf;
        _projection = projection;
        _termIndex = new Dictionary<string, int>(terms.Count, StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
        {
            _termIndex.Add(terms[i], i);
        }

        Name = $"lsa-{dimensions}-{Convert.ToHexStringLower(SHA256.HashData(ToBytes()))[..16]}";
    }

    /// <summary>The vocabulary, in ordinal order.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Size of the vectors.</summary>
    public int Dimensions { get; }

    /// <summary>Names this exact model (its size and a hash of its content): vectors of two models never mix.</summary>
    public string Name { get; }

    /// <summary>IDF of a vocabulary term (0 outside the vocabulary).</summary>
    public double Idf(string term) => _termIndex.TryGetValue(term, out var i) ? _idf[i] : 0;

    /// <summary>The unit vector of a text's term frequencies; all zeros when it holds no vocabulary term.</summary>
    public float[] Embed(IReadOnlyDictionary<string, float> frequencies)
    {
        ArgumentNullException.ThrowIfNull(frequencies);
        var weighted = new List<(int Term, double Weight)>();
        var norm = 0.0;
        foreach (var (term, tf) in frequencies)
        {
            if (tf > 0 && _termIndex.TryGetValue(term, out var i))
            {
                var weight = (1 + Math.Log(tf)) * _idf[i];
                weighted.Add((i, weight));
                norm += weight * weight;
            }
        }

        var vector = new double[Dimensions];
        foreach (var (term, weight) in weighted)
        {
            var row = term * Dimensions;
            for (var d = 0; d < Dimensions; d++)
            {
                vector[d] += weight * _projection[row + d];
            }
        }

        return Normalized(vector, norm > 0);
    }

    /// <summary>The model as bytes: magic, dimensions, term count, then each term (UTF-8), its IDF and its projection row.</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Dimensions);
            writer.Write(Terms.Count);
            for (var i = 0; i < Terms.Count; i++)
            {
                writer.Write(Terms[i]);
                writer.Write(_idf[i]);
                for (var d = 0; d < Dimensions; d++)
                {
                    writer.Write(_projection[(i * Dimensions) + d]);
                }
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Reads what <see cref="ToBytes"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an LSA model.</exception>
    public static LsaModel FromBytes(ReadOnlySpan<byte> bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes.ToArray()), Encoding.UTF8);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException("not an LSA model");
            }

            var dimensions = reader.ReadInt32();
            var count = reader.ReadInt32();
            if (dimensions <= 0 || count < 0)
            {
                throw new InvalidDataException($"an LSA model cannot have {dimensions} dimensions and {count} terms");
            }

            var terms = new string[count];
            var idf = new float[count];
            var projection = new float[count * dimensions];
            for (var i = 0; i < count; i++)
            {
                terms[i] = reader.ReadString();
                idf[i] = reader.ReadSingle();
                for (var d = 0; d < dimensions; d++)
                {
                    projection[(i * dimensions) + d] = reader.ReadSingle();
                }
            }

            return new LsaModel(terms, idf, projection, dimensions);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("the LSA model is truncated", ex);
        }
    }

    private static float[] Normalized(double[] vector, bool any)
    {
        var length = Math.Sqrt(vector.Sum(v => v * v));
        var result = new float[vector.Length];
        if (!any || length < 1e-12)
        {
            return result;
        }

        for (var d = 0; d < vector.Length; d++)
        {
            result[d] = (float)(vector[d] / length);
        }

        return result;
    }
}
